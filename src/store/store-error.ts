// What a backend reports when it cannot do what was asked: the store's own vocabulary, with no CNI
// code in it. The entry points map each reason to their answer (src/error-mapping.ts).

export type StoreFailure =
  /** Nothing was written; the same call later may succeed (no quorum, a lock held too long, conflicts until the deadline). */
  | "unavailable"
  /** A stored document cannot be read as what it should be. */
  | "damaged"
  /** The store's medium refused (a data dir that is not a directory, TLS that does not verify). */
  | "io"
  /** The backend answered in a way it never should: a bug, here or in the backend. */
  | "internal";

export class StoreError extends Error {
  constructor(
    readonly reason: StoreFailure,
    message: string,
    readonly details?: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

export const isDamage = (error: unknown): error is StoreError =>
  error instanceof StoreError && error.reason === "damaged";
