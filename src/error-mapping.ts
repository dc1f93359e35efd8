// The one place where every layer's error becomes the plugin's answer: a CNI error code, a message
// and details. The CLI prints the same message and exits 2 for a usage error, 1 for any other.
import { CniError, ErrorCode, type ErrorCodeValue } from "./errors.js";
import { Failure } from "./failure.js";
import { StoreError, type StoreFailure } from "./store/store-error.js";
import { ToolError } from "./system/tool-error.js";
import { DataplaneError } from "./dataplane/dataplane-error.js";

/** "Try again later" for what the same call may do once the store answers; damage is ippool's own code. */
const STORE_CODES: Record<StoreFailure, ErrorCodeValue> = {
  unavailable: ErrorCode.tryAgainLater,
  damaged: ErrorCode.storeDamaged,
  io: ErrorCode.ioFailure,
  internal: ErrorCode.internal,
};

/**
 * Any failure as a CniError: each layer's error by its kind, system errors (they carry an errno code) as I/O failures, anything
 * else as a bug.
 */
export function toCniError(error: unknown): CniError {
  if (error instanceof CniError) return error;
  if (error instanceof StoreError) return new CniError(STORE_CODES[error.reason], error.message, error.details);
  if (error instanceof ToolError) return new CniError(ErrorCode.ioFailure, error.message, error.details);
  if (error instanceof DataplaneError) return new CniError(ErrorCode.invalidConfig, error.message, error.details);
  if (error instanceof Failure) return new CniError(ErrorCode.invalidConfig, error.message, error.details);
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string")
    return new CniError(ErrorCode.internal, `internal error: ${text}`, "please report this as a bug");
  const hint = ioHints[code];
  return new CniError(ErrorCode.ioFailure, hint ? `${hint}: ${text}` : text, code);
}

const ioHints: Record<string, string> = {
  ENOSPC: "no space left on the device holding the data dir; free space and retry",
  EDQUOT: "disk quota exceeded on the data dir; free space and retry",
  EROFS: "the data dir is on a read-only file system",
  EACCES: "permission denied on the data dir (ippool must run as root or own it)",
  EPERM: "operation not permitted on the data dir",
};
