// Shared by the unit tests: run an action that must throw, and hand back its CniError.
import { expect } from "vitest";
import { CniError } from "../../src/errors.js";

export function thrownCniError(action: () => unknown): CniError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(CniError);
    return error as CniError;
  }
  throw new Error("expected a CniError, nothing was thrown");
}
