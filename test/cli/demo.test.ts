// `npm start` (build/demo.mjs): the README's demo runs every example it names, and bad input is one line, not a stack trace.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runProcess } from "../helpers/ippool.js";

const demo = (example: string) =>
  runProcess(process.execPath, [join(REPO_ROOT, "build/demo.mjs"), example], { env: { PATH: process.env.PATH ?? "" } });

describe("build/demo.mjs", () => {
  it.each([["netconf-examples/bridge-ipv4.conflist"], [join(REPO_ROOT, "netconf-examples/ptp.conflist")]])(
    "runs ADD, CHECK and DEL of %s, applying the stored pools a network without inline pools needs",
    async (example) => {
      const result = await demo(example);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain("ADD, CHECK and DEL succeeded");
    },
  );

  it.each([
    ["netconf-examples/pools.yaml", "is not JSON"],
    ["/no/such.conflist", "cannot read /no/such.conflist: no such file"],
  ])("refuses %s with one line and exit 2", async (example, message) => {
    const result = await demo(example);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^demo: /);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
