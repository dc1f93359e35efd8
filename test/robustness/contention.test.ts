// Robustness: hundreds of plugin processes at once, ADD and DEL over two pools and two networks, never lose or duplicate an address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir, type ProcessResult } from "../helpers/ippool.js";
import {
  STRESS_SCALE,
  expectVerifyPasses,
  heldAddresses,
  inlineConf,
  resultAddresses,
  startPlugin,
} from "./support.js";

/**
 * CI size: one burst of 300 processes at once (200 ADD, 100 DEL, plus 10 repeated ADDs).
 * IPPOOL_STRESS_SCALE=N runs N bursts one after another on the same store: a node holds
 * 300 Node processes in memory, not thousands.
 */
const ROUNDS = STRESS_SCALE;
const ADDS = 200;
const DELS = 100;
/** Containers ADDed twice at the same moment: both calls must answer the same address. */
const TWICE = 10;
const POOLS = ["10.91.0.0/20", "10.92.0.0/20"];
const NETWORKS = ["net-a", "net-b"];

interface Call {
  readonly command: "ADD" | "DEL";
  readonly network: string;
  readonly containerId: string;
}

describe("many plugin processes at once", () => {
  const dir = tempDir();
  // Each network prefers a different pool, so both pools' state is written by both networks.
  const confs = new Map(
    NETWORKS.map((network, index) => [
      network,
      inlineConf(dir.path, network, POOLS, {
        ipv4_pools: index === 0 ? POOLS : [...POOLS].reverse(),
        lockWaitSeconds: 300,
      }),
    ]),
  );
  const run = (calls: readonly Call[]) =>
    Promise.all(
      calls.map((call) =>
        startPlugin(
          { CNI_COMMAND: call.command, CNI_CONTAINERID: call.containerId, CNI_IFNAME: "eth0" },
          confs.get(call.network),
        ).done.then((result) => ({ call, result })),
      ),
    );
  const outcomes: { call: Call; result: ProcessResult }[] = [];
  const preAdded: { call: Call; result: ProcessResult }[] = [];

  beforeAll(async () => {
    const keep = Array.from({ length: 20 }, (_, i) => ({
      command: "ADD" as const,
      network: NETWORKS[i % 2]!,
      containerId: `keep-${i}`,
    }));
    for (let round = 0; round < ROUNDS; round++) {
      // The containers the burst deletes, added (concurrently too) beforehand.
      const toDelete = Array.from({ length: DELS }, (_, i) => ({
        command: "ADD" as const,
        network: NETWORKS[i % 2]!,
        containerId: `old-${round}-${i}`,
      }));
      const added = await run([...toDelete, ...(round === 0 ? keep : [])]);
      for (const { call, result } of added) expect(result.code, `${call.containerId}: ${result.stdout}`).toBe(0);
      preAdded.push(...added);

      const adds = Array.from({ length: ADDS }, (_, i) => ({
        command: "ADD" as const,
        network: NETWORKS[i % 2]!,
        containerId: `new-${round}-${i}`,
      }));
      const twice = adds.slice(0, TWICE);
      const dels = toDelete.map((call) => ({ ...call, command: "DEL" as const }));
      // Interleaved so ADDs and DELs of both networks start side by side.
      const burst = [...adds, ...twice, ...dels].map((call, i) => ({
        call,
        order: (i * 7919) % (ADDS + TWICE + DELS),
      }));
      outcomes.push(...(await run(burst.sort((a, b) => a.order - b.order).map((entry) => entry.call))));
    }
  }, 600_000 * ROUNDS);
  afterAll(() => dir.remove());

  it("finishes every call with exit 0 (none gives up on the lock)", () => {
    expect(outcomes).toHaveLength(ROUNDS * (ADDS + TWICE + DELS));
    const failed = outcomes
      .filter(({ result }) => result.code !== 0)
      .map(({ call, result }) => `${call.command} ${call.containerId}: ${result.stdout}${result.stderr}`);
    expect(failed).toEqual([]);
  });

  it("records every successful ADD's address for its caller, and nothing for a successful DEL", () => {
    const held = new Map(NETWORKS.map((network) => [network, heldAddresses(dir.path, network)]));
    for (const { call, result } of [
      ...outcomes,
      ...preAdded.filter(({ call }) => call.containerId.startsWith("keep-")),
    ]) {
      if (result.code !== 0) continue;
      const recorded = held.get(call.network)!.get(`${call.containerId}:eth0`);
      if (call.command === "ADD") expect(recorded, call.containerId).toEqual(resultAddresses(result.stdout));
      else expect(recorded, call.containerId).toBeUndefined();
    }
  });

  it("answers the same address to both of two simultaneous ADDs of one container", () => {
    const byContainer = new Map<string, string[][]>();
    for (const { call, result } of outcomes) {
      if (call.command !== "ADD" || result.code !== 0) continue;
      byContainer.set(call.containerId, [...(byContainer.get(call.containerId) ?? []), resultAddresses(result.stdout)]);
    }
    const doubles = [...byContainer.values()].filter((answers) => answers.length === 2);
    expect(doubles).toHaveLength(ROUNDS * TWICE);
    for (const [first, second] of doubles) expect(second).toEqual(first);
  });

  it("never gives one address to two holders", () => {
    const all = NETWORKS.flatMap((network) => [...heldAddresses(dir.path, network).values()].flat());
    expect(all).toHaveLength(ROUNDS * ADDS + 20);
    expect(new Set(all).size).toBe(all.length);
  });

  it("leaves a store that ippool verify passes", async () => {
    const report = await expectVerifyPasses(dir.path);
    expect(report.checked.attachments).toBe(ROUNDS * ADDS + 20);
  });
});
