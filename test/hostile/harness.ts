// Shared set-up of the hostile suites: a seeded store on tmpfs, in-process plugin runs, the case budget.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { runPlugin, type PluginOutcome } from "../../src/plugin/run-plugin.js";
import { parsePoolDocument } from "../../src/pool/resource.js";
import { writeStoredPools } from "../../src/ipam/stored-pools.js";
import { DiskStore } from "../../src/store/disk/disk-store.js";
import { NETWORK, SEEDED_CONTAINERS, SEEDED_POOLS, type PluginEnv } from "./arbitraries.js";
import { STACK_FRAME } from "./outcome.js";

/**
 * CI runs the default sizes (>= 10,000 generated cases in all); IPPOOL_HOSTILE_SCALE=10 runs ten
 * times as many, IPPOOL_HOSTILE_SEED=<n> replays a run that fast-check reported.
 */
export const SCALE = Number(process.env.IPPOOL_HOSTILE_SCALE ?? 1);
export const cases = (count: number): number => Math.max(1, Math.round(count * SCALE));
export const checkOptions = (count: number): fc.Parameters<unknown> => ({
  numRuns: cases(count),
  ...(process.env.IPPOOL_HOSTILE_SEED ? { seed: Number(process.env.IPPOOL_HOSTILE_SEED) } : {}),
});

/** tmpfs when there is one: every accepted ADD fsyncs, and the property is about content, not disks. */
export function hostileRoot(): { path: string; remove: () => void } {
  const base = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
  const path = mkdtempSync(join(base, "ippool-hostile-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export const validEnv = (command: string, containerId: string, extra: PluginEnv = {}): PluginEnv => ({
  CNI_COMMAND: command,
  CNI_CONTAINERID: containerId,
  CNI_NETNS: "/var/run/netns/hostile",
  CNI_IFNAME: "eth0",
  CNI_PATH: "/opt/cni/bin",
  ...extra,
});

export const validConf = (dataDir: string, ipam: Record<string, unknown> = {}) => ({
  cniVersion: "1.0.0",
  name: NETWORK,
  type: "bridge",
  ipam: { type: "ippool", dataDir, ...ipam },
});

export interface InProcessRun {
  readonly outcome: PluginOutcome;
  readonly warnings: string[];
}

/** runPlugin as main.ts calls it, with a deadline so a hang fails the case instead of the suite. */
export async function runInProcess(env: PluginEnv, stdin: string, deadlineMs = 30_000): Promise<InProcessRun> {
  const warnings: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`runPlugin did not answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    const outcome = await Promise.race([
      runPlugin({ env, readStdin: async () => stdin, now: () => new Date(), warn: (line) => warnings.push(line) }),
      hang,
    ]);
    const stacked = warnings.find((line) => STACK_FRAME.test(line));
    if (stacked) throw new Error(`a warning carries a stack trace: ${stacked}`);
    return { outcome, warnings };
  } finally {
    clearTimeout(timer);
  }
}

/** Empties `dataDir` and stores the seeded pools plus one attachment per seeded container. */
export async function seedStore(dataDir: string): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  const pools = SEEDED_POOLS.map(
    (cidr) => parsePoolDocument({ apiVersion: "v1", kind: "ipPool", metadata: { cidr } }, "seed").pool,
  );
  await new DiskStore(dataDir, 5000).update(async (txn) => writeStoredPools(txn, pools));
  for (const containerId of SEEDED_CONTAINERS) {
    const { outcome } = await runInProcess(validEnv("ADD", containerId), JSON.stringify(validConf(dataDir)));
    if (outcome.exitCode !== 0) throw new Error(`seeding ${containerId} failed: ${outcome.stdout}`);
  }
}
