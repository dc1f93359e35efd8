// The one error type: a CNI error code, a human message and optional details.

/** Codes 1-11 and 50-51 are the CNI spec's; 100 and up are ippool's own (see README). */
export const ErrorCode = {
  incompatibleVersion: 1,
  unsupportedField: 2,
  unknownContainer: 3,
  invalidEnvironment: 4,
  ioFailure: 5,
  decodeFailure: 6,
  invalidConfig: 7,
  tryAgainLater: 11,
  pluginNotAvailable: 50,
  poolExhausted: 100,
  addressUnavailable: 101,
  addressOutsidePools: 102,
  noUsablePool: 103,
  storeDamaged: 104,
  checkMismatch: 105,
  /** A bug: a condition nobody named. Everything foreseeable has a code above. */
  internal: 999,
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export class CniError extends Error {
  /**
   * The CLI runs from its own bundle (build/bundle.mjs) with its own copy of this class, and
   * errors cross between the two (main.ts reads stdin for both): a brand makes `instanceof`
   * hold for an error of either copy.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    // Only CniError itself checks the brand: a subclass (the CLI's UsageError) would otherwise
    // inherit this and claim every CniError, turning each failure into a usage error (exit 2).
    if (this !== CniError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && (value as { isCniError?: unknown }).isCniError === true;
  }

  readonly isCniError = true;

  constructor(
    readonly code: ErrorCodeValue,
    message: string,
    readonly details?: string,
  ) {
    super(message);
    this.name = "CniError";
  }
}

/** Any failure as a CniError: system errors (they carry an errno code) as I/O failures, anything else as a bug. */
export function toCniError(error: unknown): CniError {
  if (error instanceof CniError) return error;
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
