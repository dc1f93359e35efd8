// The CLI shares the plugin's store and lock: pool changes and reads while 50 ADDs run lose and duplicate nothing.
import { describe, expect, it } from "vitest";
import { poolDoc } from "../helpers/ippool.js";
import { ok, pluginAdd, useCliDir, yamlDocs } from "./support.js";

const dir = useCliDir();
const ADDS = 50;
/** ADDs in flight at once: enough to contend for the lock on every commit, few enough for a 2-core machine. */
const PARALLEL_ADDS = 10;

describe("ippool CLI during plugin ADDs", () => {
  it("pool changes, get and usage run alongside 50 ADDs; every address is distinct and listed", async () => {
    ok(
      await dir.cli(
        ["apply", "-f", "-"],
        yamlDocs(poolDoc("10.60.0.0/24"), poolDoc("10.61.0.0/24", { disabled: true })),
      ),
    );
    let addsDone = false;
    const cliRuns: string[] = [];

    const operator = (async () => {
      // The pool ADDs allocate from is changed under them (nat-outgoing and ipip back and forth), and read.
      const steps: [string[], string?][] = [
        [
          ["apply", "-f", "-"],
          yamlDocs(poolDoc("10.60.0.0/24", { "nat-outgoing": true, ipip: { mode: "cross-subnet" } })),
        ],
        [["get", "pools", "-o", "wide"]],
        [["replace", "-f", "-"], yamlDocs(poolDoc("10.60.0.0/24", { "nat-outgoing": false }))],
        [["usage"]],
        [["allocations", "-o", "json"]],
      ];
      for (let i = 0; !addsDone || i < steps.length; i++) {
        const [args, stdin] = steps[i % steps.length]!;
        ok(await dir.cli(args, stdin));
        cliRuns.push(args[0]!);
      }
    })();

    const addresses: string[] = [];
    const ids = Array.from({ length: ADDS }, (_, i) => `ctr-${i}`);
    const workers = Array.from({ length: PARALLEL_ADDS }, async () => {
      for (let id = ids.shift(); id !== undefined; id = ids.shift()) addresses.push(...(await pluginAdd(dir.path, id)));
    });
    await Promise.all(workers).finally(() => (addsDone = true));
    await operator;

    expect(cliRuns.length).toBeGreaterThanOrEqual(5);
    expect(addresses).toHaveLength(ADDS);
    expect(new Set(addresses).size).toBe(ADDS);
    for (const address of addresses) expect(address).toMatch(/^10\.60\.0\.\d+$/);

    const listed = JSON.parse(ok(await dir.cli(["allocations", "-o", "json"])));
    expect(listed).toHaveLength(ADDS);
    expect(listed.map((doc: any) => doc.addresses[0].address).sort()).toEqual([...addresses].sort());
    const usage = JSON.parse(ok(await dir.cli(["usage", "-o", "json"])));
    expect(usage.find((row: any) => row.pool === "10.60.0.0/24")).toMatchObject({ used: ADDS, free: 253 - ADDS });
    // The last change the operator made is the one stored: a CLI write was not lost to a concurrent ADD's commit.
    const stored = JSON.parse(ok(await dir.cli(["get", "pool", "10.60.0.0/24", "-o", "json"])))[0];
    expect(stored.spec["nat-outgoing"]).toBe(lastNat(cliRuns));
  });
});

/** nat-outgoing after the operator's last write: apply sets it, replace clears it. */
const lastNat = (runs: readonly string[]): boolean =>
  runs.filter((run) => run === "apply" || run === "replace").pop() === "apply";
