// The wrapper over the host's tools: a tool that is not installed is an error naming it and the Debian package that has it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { systemTools } from "../../src/system/tools.js";
import { MissingToolError } from "../../src/system/tool-error.js";

describe("systemTools", () => {
  // A PATH with nothing on it: every tool is "not installed", as on a node without the package.
  let empty = "";
  let path: string | undefined;
  beforeEach(() => {
    empty = mkdtempSync(join(tmpdir(), "ippool-empty-path-"));
    path = process.env.PATH;
    process.env.PATH = empty;
  });
  afterEach(() => {
    process.env.PATH = path;
    rmSync(empty, { recursive: true, force: true });
  });

  it.each([
    ["iptables-restore", "iptables"],
    ["ip6tables", "iptables"],
    ["modprobe", "kmod"],
    ["ip", "iproute2"],
  ])("a missing %s is refused naming it and the package %s, by run and by check", async (tool, debianPackage) => {
    for (const call of [() => systemTools().run(tool, ["--version"]), () => systemTools().check(tool, [], "input")]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MissingToolError);
      expect(error).toMatchObject({
        program: tool,
        message: `${tool} not found on PATH`,
        details: `install it (Debian: apt-get install ${debianPackage}) and run the command again`,
      });
    }
  });
});
