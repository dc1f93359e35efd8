// Unit tests of turning any failure into a CniError with the right code.
import { describe, expect, it } from "vitest";
import { CniError, ErrorCode, toCniError } from "../../src/errors.js";

const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("toCniError", () => {
  it("passes a CniError through unchanged", () => {
    const original = new CniError(ErrorCode.poolExhausted, "no free address", "details");
    expect(toCniError(original)).toBe(original);
  });

  it.each([
    ["ENOSPC", "no space left on the device"],
    ["EDQUOT", "disk quota exceeded"],
    ["EROFS", "read-only file system"],
    ["EACCES", "permission denied"],
    ["EPERM", "operation not permitted"],
  ])("maps %s to code 5 with a hint, keeping the errno in details", (errno, hint) => {
    const error = toCniError(systemError(errno, `${errno}: write /var/lib/cni/ippool/pools.json`));
    expect(error.code).toBe(5);
    expect(error.message).toContain(hint);
    expect(error.message).toContain("/var/lib/cni/ippool/pools.json");
    expect(error.details).toBe(errno);
  });

  it("maps another errno to code 5 with its own message", () => {
    const error = toCniError(systemError("EIO", "EIO: i/o error, read"));
    expect(error).toMatchObject({ code: 5, message: "EIO: i/o error, read", details: "EIO" });
  });

  it.each([
    ["a plain Error", new TypeError("x is undefined"), "x is undefined"],
    ["a thrown string", "boom", "boom"],
    ["undefined", undefined, "undefined"],
  ])("maps %s (no errno: a bug) to 999", (_name, thrown, text) => {
    const error = toCniError(thrown);
    expect(error.code).toBe(999);
    expect(error.message).toContain(text);
  });
});
