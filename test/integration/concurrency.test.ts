// Many plugin processes at once against one pool, as a node starting a hundred pods does: no address given twice, none leaked.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { netconf, type ProcessResult } from "../helpers/ippool.js";
import { addressesOf, attachmentFiles, inlinePool, run, setBitCount, useDataDir } from "./support.js";

const dir = useDataDir();
const COUNT = 100;
const explain = (result: ProcessResult) =>
  `exit ${result.code} signal ${result.signal}: ${result.stdout}${result.stderr}`;
const ids = Array.from({ length: COUNT }, (_, index) => `pod-${index}`);

describe("concurrent ADD and DEL", () => {
  it(`${COUNT} ADDs exec'd at once get distinct addresses, and ${COUNT} DELs leave the pool empty`, async () => {
    const conf = netconf("1.0.0", { dataDir: dir.path, ipPools: [inlinePool("10.100.0.0/24")] });

    const adds = await Promise.all(ids.map((containerId) => run("ADD", conf, { containerId })));
    const failures = adds.filter((result) => result.code !== 0).map(explain);
    expect(failures).toEqual([]);
    const addresses = adds.flatMap((result) => addressesOf(result.json));
    expect(addresses).toHaveLength(COUNT);
    expect(new Set(addresses).size).toBe(COUNT);
    // Next-fit from an empty pool: exactly .2 to .101, whatever order the processes won the lock in.
    expect([...addresses].sort()).toEqual(ids.map((_, index) => `10.100.0.${index + 2}`).sort());
    expect(attachmentFiles(dir.path)).toHaveLength(COUNT);
    expect(setBitCount(dir.path)).toBe(COUNT);

    const dels = await Promise.all(ids.map((containerId) => run("DEL", conf, { containerId })));
    expect(dels.filter((result) => result.code !== 0 || result.stdout !== "").map(explain)).toEqual([]);
    expect(attachmentFiles(dir.path)).toEqual([]);
    expect(setBitCount(dir.path)).toBe(0);
    // Every process let go of the lock and finished its commit.
    expect(existsSync(join(dir.path, "store.lock"))).toBe(false);
    expect(existsSync(join(dir.path, "journal.json"))).toBe(false);
  });
});
