// Unit tests of turning any layer's failure into a CniError with the right code.
import { describe, expect, it } from "vitest";
import { CniError, ErrorCode } from "../../src/errors.js";
import { toCniError } from "../../src/error-mapping.js";
import { StoreError } from "../../src/store/store-error.js";
import { MissingToolError, ToolError } from "../../src/system/tool-error.js";
import { DataplaneError } from "../../src/dataplane/dataplane-error.js";
import { UsageError } from "../../src/cli/framework/context.js";

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

  it.each([
    ["a store that cannot answer now", new StoreError("unavailable", "no quorum", "retry"), 11],
    ["a damaged stored document", new StoreError("damaged", "block is damaged", "rebuild it"), 104],
    ["a store medium that refuses", new StoreError("io", "data dir is not a directory", "use another"), 5],
    ["a backend's impossible answer", new StoreError("internal", "etcd answered nonsense", "report it"), 999],
    ["a host tool that failed", new ToolError("ip", "ip route add failed (exit 2)", "see ip's message"), 5],
    ["a host tool that is missing", new MissingToolError("iptables-restore"), 5],
    ["a dataplane that cannot be planned", new DataplaneError("node a has no node record", "register it"), 7],
    ["a command line that is wrong", new UsageError("unknown flag --x"), 7],
  ])("maps %s to code %i, keeping its message and details", (_name, thrown, code) => {
    expect(toCniError(thrown)).toMatchObject({ code, message: thrown.message, details: thrown.details });
  });
});
