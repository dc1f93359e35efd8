// The base of every error ippool foresees. Each layer throws its own kind (the store a StoreError,
// the host's tools a ToolError, the dataplane a DataplaneError, the CLI a UsageError, the plugin's
// layers a CniError); src/error-mapping.ts turns any of them into the plugin's answer.

export class Failure extends Error {
  /**
   * The CLI runs from its own bundle (build/bundle.mjs) with its own copy of this class, and
   * errors cross between the two (main.ts reads stdin for both): a brand makes `instanceof
   * Failure` hold for an error of either copy. A subclass keeps the plain prototype check.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== Failure) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && (value as { isFailure?: unknown }).isFailure === true;
  }

  readonly isFailure = true;

  constructor(
    message: string,
    readonly details?: string,
  ) {
    super(message);
  }
}
