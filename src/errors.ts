// The error of the layers that answer in the plugin's terms (cni/, plugin/, ipam/, pool/, node/, alloc/):
// a code of the CNI spec's numbering or ippool's own, a human message and optional details.
import { Failure } from "./failure.js";

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

export class CniError extends Failure {
  /** Brand-checked like Failure, so a CniError of the CLI's bundle is one of the plugin's too. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { isCniError?: unknown }).isCniError === true;
  }

  readonly isCniError = true;

  constructor(
    readonly code: ErrorCodeValue,
    message: string,
    details?: string,
  ) {
    super(message, details);
    this.name = "CniError";
  }
}
