// Robustness: plugin processes SIGKILLed at random moments (before, while and after holding the lock) lose and duplicate nothing.
import { existsSync, readFileSync, readdirSync, watch } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir, type ProcessResult } from "../helpers/ippool.js";
import {
  STRESS_SCALE,
  expectVerifyPasses,
  heldAddresses,
  inlineConf,
  resultAddresses,
  seededRandom,
  startPlugin,
} from "./support.js";

/**
 * CI size: 500 operations in waves of 50. A killed lock holder is taken over at once (its pid is
 * gone), unless it died between making the lock dir and writing its owner record (10 s);
 * IPPOOL_STRESS_SCALE=10 is the manual soak (5000 operations).
 */
const WAVES = 10 * STRESS_SCALE;
const WAVE_SIZE = 50;
const KILL_SHARE = 0.2;
/** Kill moments spread over a plugin's life under contention: start-up, waiting, holding the lock, exiting. */
const MAX_KILL_DELAY_MS = 400;
const SEED = Number(process.env.IPPOOL_STRESS_SEED ?? Date.now() % 1_000_000);
const NETWORK = "crashnet";

interface Op {
  readonly command: "ADD" | "DEL";
  readonly containerId: string;
  readonly killed: boolean;
  result?: ProcessResult;
}

describe("plugin processes killed at random moments", () => {
  const dir = tempDir();
  const conf = inlineConf(dir.path, NETWORK, ["10.95.0.0/18"], { lockWaitSeconds: 300 });
  const random = seededRandom(SEED);
  const ops: Op[] = [];

  const runOp = async (op: Op): Promise<void> => {
    const plugin = startPlugin({ CNI_COMMAND: op.command, CNI_CONTAINERID: op.containerId, CNI_IFNAME: "eth0" }, conf);
    if (op.killed) {
      const delay = random() * MAX_KILL_DELAY_MS;
      void plugin.started.then((child) => setTimeout(() => child.kill("SIGKILL"), delay));
    }
    op.result = await plugin.done;
  };

  beforeAll(async () => {
    console.log(`crash suite: seed ${SEED} (repeat with IPPOOL_STRESS_SEED=${SEED}), ${WAVES * WAVE_SIZE} operations`);
    // Containers ADDed in an earlier wave; a later wave may DEL each at most once.
    const deletable: string[] = [];
    const waveSeconds: number[] = [];
    for (let wave = 0; wave < WAVES; wave++) {
      const started = Date.now();
      const batch: Op[] = [];
      for (let i = 0; i < WAVE_SIZE; i++) {
        const del = deletable.length > 0 && random() < 0.35;
        const containerId = del ? deletable.splice(Math.floor(random() * deletable.length), 1)[0]! : `c-${wave}-${i}`;
        batch.push({ command: del ? "DEL" : "ADD", containerId, killed: random() < KILL_SHARE });
      }
      await Promise.all(batch.map(runOp));
      waveSeconds.push(Math.round((Date.now() - started) / 100) / 10);
      ops.push(...batch);
      deletable.push(...batch.filter((op) => op.command === "ADD").map((op) => op.containerId));
    }
    const killed = ops.filter((op) => op.result!.signal === "SIGKILL").length;
    // A wave that took over the stale bound most likely waited out a lock whose holder was killed.
    console.log(
      `crash suite: ${killed} of ${ops.length} processes died by SIGKILL; wave seconds ${waveSeconds.join(" ")}`,
    );
  }, 900_000);
  afterAll(() => dir.remove());

  it("kills about a fifth of the processes and every other one exits 0", () => {
    expect(ops.filter((op) => op.killed).length).toBeGreaterThan(ops.length / 10);
    const failed = ops.filter((op) => op.result!.signal === null && op.result!.code !== 0);
    expect(failed.map((op) => `${op.command} ${op.containerId}: ${op.result!.stdout}`)).toEqual([]);
  });

  it("records every address a surviving ADD reported for its caller, and nothing for a surviving DEL", () => {
    const held = heldAddresses(dir.path, NETWORK);
    const deleted = new Set(ops.filter((op) => op.command === "DEL").map((op) => op.containerId));
    for (const op of ops) {
      if (op.result!.code !== 0) continue;
      const recorded = held.get(`${op.containerId}:eth0`);
      if (op.command === "DEL") expect(recorded, op.containerId).toBeUndefined();
      else if (!deleted.has(op.containerId))
        expect(recorded, op.containerId).toEqual(resultAddresses(op.result!.stdout));
    }
    const all = [...held.values()].flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it("leaves a store that parses and that ippool verify passes", async () => {
    await expectVerifyPasses(dir.path);
  });

  it("frees every address once every container is released: nothing leaked", async () => {
    // One GC with no live attachment releases every record; a bit without a record would stay set.
    const gc = await startPlugin(
      { CNI_COMMAND: "GC" },
      { ...conf, cniVersion: "1.1.0", "cni.dev/valid-attachments": [] },
    ).done;
    expect(gc.code, gc.stdout).toBe(0);
    expect(heldAddresses(dir.path, NETWORK).size).toBe(0);
    // Emptied blocks stay claimed by their node (affinity), with no bit set.
    const blockDir = join(dir.path, "block", "10.95.0.0_18");
    const bitmaps = existsSync(blockDir)
      ? readdirSync(blockDir).map((name) => JSON.parse(readFileSync(join(blockDir, name), "utf8")).data.bitmap)
      : [];
    expect(bitmaps.filter((bitmap: string) => bitmap !== "" && BigInt(`0x${bitmap}`) !== 0n)).toEqual([]);
    await expectVerifyPasses(dir.path);
  }, 300_000);
});

/**
 * Random kills rarely land on the few milliseconds of a commit, so these kill on cue: the
 * moment the lock directory appears, or the victim's commit record (in commit/, just before or
 * just after the commit point, the head's rename). Each case uses its own store, all at once,
 * so their stale-lock waits overlap.
 */
describe("plugin processes killed while they hold the lock", () => {
  const cues = [
    { dir: "", matches: (name: string) => name === "store.lock" },
    { dir: "commit", matches: (name: string, pid: number) => name.includes(`.${pid}-`) && name.endsWith(".json") },
    { dir: "commit", matches: (name: string, pid: number) => name.startsWith("head.") && name.includes(`.${pid}-`) },
  ];
  const dirs = cues.map(() => tempDir());
  afterAll(() => dirs.forEach((dir) => dir.remove()));

  it("finishes or discards the killed ADD atomically, and the next ADD takes over the lock", async () => {
    const outcomes = await Promise.all(
      cues.map(async (cue, index) => {
        const dataDir = dirs[index]!.path;
        const conf = inlineConf(dataDir, NETWORK, ["10.96.0.0/24"], { lockWaitSeconds: 60 });
        const env = (containerId: string, command = "ADD") => ({
          CNI_COMMAND: command,
          CNI_CONTAINERID: containerId,
          CNI_IFNAME: "eth0",
        });
        expect((await startPlugin(env("first"), conf).done).code).toBe(0);
        const watcher = watch(join(dataDir, cue.dir));
        const victim = startPlugin(env("victim"), conf);
        const child = await victim.started;
        watcher.on("change", (_event, name) => cue.matches(String(name), child.pid!) && child.kill("SIGKILL"));
        const killed = await victim.done;
        watcher.close();
        const leftRecord = readdirSync(join(dataDir, "commit")).some((name) => /^\d+\.\d+-[0-9a-f]+\.json$/.test(name));
        const next = await startPlugin(env("next"), conf).done;
        expect(next.code, next.stdout).toBe(0);
        await expectVerifyPasses(dataDir);
        // The victim either committed (its address is recorded) or not (nothing is); a DEL clears either.
        const held = heldAddresses(dataDir, NETWORK);
        if (killed.code === 0) expect(held.get("victim:eth0")).toEqual(resultAddresses(killed.stdout));
        expect(new Set([...held.values()].flat()).size).toBe([...held.values()].flat().length);
        expect((await startPlugin(env("victim", "DEL"), conf).done).code).toBe(0);
        expect(heldAddresses(dataDir, NETWORK).has("victim:eth0")).toBe(false);
        await expectVerifyPasses(dataDir);
        return `${cue.dir || "."}: victim ${killed.signal ?? `exit ${killed.code}`}${leftRecord ? ", left an unapplied record" : ""}`;
      }),
    );
    console.log(`kills on cue: ${outcomes.join("; ")}`);
  }, 300_000);
});
