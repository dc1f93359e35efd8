// Shared pieces of the robustness suites: configs, `ippool verify` as a check, store snapshots, scale and root gates.
import { spawn, type ChildProcess } from "node:child_process";
import { encodeStateFile } from "../../src/store/disk/state-file.js";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { IPPOOL, execCli, poolDoc, type ProcessResult } from "../helpers/ippool.js";

/**
 * Long suites run a CI size by default; IPPOOL_STRESS_SCALE=N multiplies their operation
 * counts for a manual soak (see the README), e.g. IPPOOL_STRESS_SCALE=10.
 */
export const STRESS_SCALE = Math.max(1, Number(process.env.IPPOOL_STRESS_SCALE ?? "1") || 1);

export const IS_CI = process.env.CI === "true" || process.env.CI === "1";
export const IS_ROOT = process.getuid?.() === 0;

/** Off CI a missing prerequisite skips with a reason; on CI it must fail, or a green run would prove nothing. */
export function needsRoot(what: string): boolean {
  if (IS_ROOT) return true;
  if (IS_CI) throw new Error(`${what} needs root (it mounts file systems), and CI must run it`);
  console.warn(`skipping ${what}: needs root to mount file systems`);
  return false;
}

/** A network whose pools are inline, so no CLI step is needed to create them. */
export function inlineConf(
  dataDir: string,
  name: string,
  cidrs: readonly string[],
  ipam: Record<string, unknown> = {},
) {
  return {
    cniVersion: "1.0.0",
    name,
    type: "bridge",
    ipam: { type: "ippool", dataDir, ipPools: cidrs.map((cidr) => poolDoc(cidr)), ...ipam },
  };
}

export interface VerifyOutput {
  readonly result: ProcessResult;
  readonly report: {
    ok: boolean;
    problems: { file: string; message: string }[];
    notes: string[];
    checked: Record<string, number>;
  };
}

export async function runVerify(dataDir: string): Promise<VerifyOutput> {
  const result = await execCli(["verify", "-o", "json"], { dataDir });
  let report: VerifyOutput["report"];
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(`ippool verify printed no JSON (exit ${result.code}): ${result.stdout}${result.stderr}`);
  }
  return { result, report };
}

/** Runs `ippool verify` and fails the test with its problems listed when it finds any. */
export async function expectVerifyPasses(dataDir: string): Promise<VerifyOutput["report"]> {
  const { result, report } = await runVerify(dataDir);
  expect(report.problems, "ippool verify problems").toEqual([]);
  expect(result.code).toBe(0);
  return report;
}

/** Writes a state file exactly as ippool does (checksummed envelope), to plant a specific state. */
export function writeState(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, encodeStateFile(data), { mode: 0o600 });
}

/** A process identity that provably does not run: a pid above Linux's pid_max (4194304), this boot. */
export const deadOwner = () => ({
  pid: 4_194_400,
  start: "1",
  boot: readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim(),
});

/**
 * Plants the commit record a writer leaves when it dies after its commit point but before
 * applying its writes (see docs/store.md): the head moved to a new generation whose record holds
 * `writes`. Returns the record's path.
 */
export function plantPendingCommit(dataDir: string, writes: [string, unknown][]): string {
  const commitDir = join(dataDir, "commit");
  const head = readdirSync(commitDir).find((name) => name.startsWith("head."))!;
  const next = Number(head.split(".")[1]) + 1;
  const record = join(commitDir, `${next}.planted.json`);
  writeState(record, { owner: deadOwner(), writes });
  renameSync(join(commitDir, head), join(commitDir, `head.${next}.planted`));
  return record;
}

/** The data of a state file. */
export const readState = (path: string): any => JSON.parse(readFileSync(path, "utf8")).data;

/** Every file under `dir` with its bytes (as base64), to prove a failed call changed nothing. */
export function snapshotFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) {
        if (name !== "store.lock") walk(full);
      } else files[full.slice(dir.length + 1)] = readFileSync(full).toString("base64");
    }
  };
  walk(dir);
  return files;
}

/** Attachment id -> addresses, read from the store with the CLI-independent file layout. */
export function heldAddresses(dataDir: string, network: string): Map<string, string[]> {
  const held = new Map<string, string[]>();
  let names: string[] = [];
  try {
    names = readdirSync(join(dataDir, "attachment", network));
  } catch {
    return held;
  }
  for (const name of names.filter((entry) => entry.endsWith(".json"))) {
    const doc = JSON.parse(readFileSync(join(dataDir, "attachment", network, name), "utf8")).data;
    held.set(
      name.slice(0, -".json".length),
      doc.addresses.map((entry: { address: string }) => entry.address),
    );
  }
  return held;
}

/** A plugin process started without waiting for it, so a test can kill it at a moment of its choosing. */
export interface RunningPlugin {
  /** Resolves once the process exists (spawn retried while the binary is being rebuilt). */
  readonly started: Promise<ChildProcess>;
  readonly done: Promise<ProcessResult>;
}

export function startPlugin(env: Record<string, string>, conf: unknown): RunningPlugin {
  let started!: (child: ChildProcess) => void;
  const startedPromise = new Promise<ChildProcess>((resolve) => (started = resolve));
  const attempt = (tries: number): Promise<ProcessResult> =>
    new Promise<ProcessResult>((resolve, reject) => {
      const child = spawn(IPPOOL, [], {
        env: { PATH: process.env.PATH ?? "", CNI_NETNS: "/var/run/netns/test", CNI_PATH: "/opt/cni/bin", ...env },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdin!.on("error", () => undefined);
      child.on("spawn", () => {
        started(child);
        child.stdin!.end(JSON.stringify(conf));
      });
      let failed = false;
      child.on("error", (error: NodeJS.ErrnoException) => {
        failed = true;
        // Another test run may be rewriting build/ippool this instant; on CI this never happens.
        if (error.code === "ETXTBSY" && tries < 50) setTimeout(() => attempt(tries + 1).then(resolve, reject), 100);
        else reject(error);
      });
      child.on("close", (code, signal) => failed || resolve({ code, signal, stdout, stderr }));
    });
  return { started: startedPromise, done: attempt(0) };
}

/** A small seeded PRNG (mulberry32), so a failing random run can be repeated with IPPOOL_STRESS_SEED. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The address part of an ADD result's first IP ("10.1.0.5/24" -> "10.1.0.5"). */
export const resultAddresses = (stdout: string): string[] =>
  (JSON.parse(stdout) as { ips: { address: string }[] }).ips.map((ip) => ip.address.split("/")[0]!);
