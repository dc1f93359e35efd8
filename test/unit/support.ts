// Shared by the unit tests: run an action that must throw, and hand back its error of the expected kind.
import { expect } from "vitest";
import { CniError } from "../../src/errors.js";

export function thrownError<T>(kind: new (...args: never[]) => T, action: () => unknown): T {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    return error as T;
  }
  throw new Error(`expected a ${kind.name}, nothing was thrown`);
}

export const thrownCniError = (action: () => unknown): CniError => thrownError(CniError, action);
