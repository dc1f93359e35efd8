// Robustness: a lock left by a dead holder (a node rebooted mid-commit), then 32 ADDs at once: one taker wins, no address is handed out twice.
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/ippool.js";
import { STRESS_SCALE, deadOwner, expectVerifyPasses, inlineConf, resultAddresses, startPlugin } from "./support.js";

/** Six rounds of each kind of left lock at CI size; IPPOOL_STRESS_SCALE=N runs N times as many. */
const ROUNDS = 18 * STRESS_SCALE;
const ADDS = 32;
const NETWORK = "stampnet";

/** What a dead holder leaves: its lock dir, old, with an owner record of a process that is gone. */
const leftLocks: Record<string, () => object | undefined> = {
  "a pid that no longer runs": () => deadOwner(),
  "another boot": () => ({ ...deadOwner(), pid: process.pid, boot: "00000000-0000-0000-0000-000000000000" }),
  "no owner record (killed between mkdir and writing it)": () => undefined,
};
const kinds = Object.keys(leftLocks);

describe("a stampede on a lock left by a dead holder", () => {
  const dir = tempDir();
  const conf = inlineConf(dir.path, NETWORK, ["10.97.0.0/20"], { lockWaitSeconds: 60 });
  afterAll(() => dir.remove());

  it(`hands every one of ${ADDS} simultaneous ADDs its own address, ${ROUNDS} rounds in a row`, async () => {
    const seen = new Map<string, string>();
    for (let round = 0; round < ROUNDS; round++) {
      const kind = kinds[round % kinds.length]!;
      const lockDir = join(dir.path, "store.lock");
      mkdirSync(lockDir);
      const owner = leftLocks[kind]!();
      if (owner) writeFileSync(join(lockDir, "owner.json"), JSON.stringify(owner));
      const old = new Date(Date.now() - 3600_000);
      utimesSync(lockDir, old, old);

      const ids = Array.from({ length: ADDS }, (_, index) => `r${round}-c${index}`);
      const results = await Promise.all(
        ids.map((id) => startPlugin({ CNI_COMMAND: "ADD", CNI_CONTAINERID: id, CNI_IFNAME: "eth0" }, conf).done),
      );
      const failed = results.flatMap((result, index) =>
        result.code === 0 ? [] : [`${ids[index]}: ${result.code} ${result.stdout}${result.stderr}`],
      );
      expect(failed, `round ${round} (${kind})`).toEqual([]);
      results.forEach((result, index) => {
        for (const address of resultAddresses(result.stdout)) {
          expect(seen.get(address), `round ${round} (${kind}): ${address} reported twice`).toBeUndefined();
          seen.set(address, ids[index]!);
        }
      });
      await expectVerifyPasses(dir.path);
    }
    expect(seen.size).toBe(ROUNDS * ADDS);
  }, 900_000);
});
