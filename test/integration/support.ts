// Shared pieces of the integration suites: a data dir per test, verb shortcuts and a look at what is on disk.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, expect } from "vitest";
import { execCli, execPlugin, tempDir, type PluginCall, type PluginResult } from "../helpers/ippool.js";
import { etcdDocuments, onEtcd } from "../helpers/datastore.js";
import { SUPPORTED_VERSIONS } from "../../src/cni/versions.js";

export const VERSIONS = SUPPORTED_VERSIONS;

/** A fresh data dir for each test of the calling file, removed afterwards. */
export function useDataDir(): { path: string } {
  const dir = { path: "" };
  let current: ReturnType<typeof tempDir> | undefined;
  beforeEach(() => {
    current = tempDir();
    dir.path = current.path;
  });
  afterEach(() => current?.remove());
  return dir;
}

/** Execs build/ippool with one CNI verb; `call` overrides the default container, ifname, netns, args and env. */
export const run = (command: string, conf: unknown, call: Omit<PluginCall, "command"> = {}): Promise<PluginResult> =>
  execPlugin({ command, ...call }, conf);

/** ADD that must succeed; returns the result JSON. */
export async function addOk(conf: unknown, call: Omit<PluginCall, "command"> = {}): Promise<any> {
  const result = await run("ADD", conf, call);
  expect(result.code, `ADD failed: ${result.stdout}${result.stderr}`).toBe(0);
  return result.json;
}

/** A failure must be one CNI error object on stdout and a non-zero exit. */
export function expectError(result: PluginResult, code: number, fragment?: string | RegExp): void {
  expect(result.code, `expected error ${code}, got stdout ${result.stdout}`).not.toBe(0);
  expect(result.json).toMatchObject({ code });
  expect(typeof result.json.msg).toBe("string");
  if (fragment !== undefined) {
    const text = `${result.json.msg} ${result.json.details ?? ""}`;
    if (typeof fragment === "string") expect(text).toContain(fragment);
    else expect(text).toMatch(fragment);
  }
}

/** The addresses (without prefix) of an ADD result in any version's shape. */
export function addressesOf(result: any): string[] {
  const cidrs: string[] = result.ips
    ? result.ips.map((ip: any) => ip.address)
    : [result.ip4?.ip, result.ip6?.ip].filter(Boolean);
  return cidrs.map((cidr) => cidr.split("/")[0]!);
}

/** The ipPool document list for ipam.ipPools. */
export const inlinePool = (cidr: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: "v1",
  kind: "ipPool",
  metadata: { cidr },
  spec,
});

/** Stores pools with the operator CLI (`ippool apply -f -`), as an operator does before pods start. */
export async function storePools(dataDir: string, docs: readonly unknown[]): Promise<void> {
  // JSON documents are YAML documents, so one stream separated by '---' holds them all.
  const stdin = docs.map((doc) => JSON.stringify(doc)).join("\n---\n");
  const applied = await execCli(["apply", "-f", "-"], { dataDir, stdin });
  expect(applied.code, applied.stderr).toBe(0);
}

/** Attachment records on disk, as "network/containerId:ifname". */
export function attachmentFiles(dataDir: string): string[] {
  if (onEtcd()) return [...etcdDocuments(dataDir, "attachment/").keys()].map((key) => key.slice("attachment/".length));
  const root = join(dataDir, "attachment");
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((network) =>
    readdirSync(join(root, network))
      .filter((name) => name.endsWith(".json"))
      .map((name) => `${network}/${name.slice(0, -".json".length)}`),
  );
}

/** How many bits are set across every block file of every pool (what the allocator believes is taken). */
export function setBitCount(dataDir: string): number {
  if (onEtcd())
    return [...etcdDocuments(dataDir, "block/").values()].reduce(
      (sum: number, block) => sum + bitsSet((block as { bitmap: string }).bitmap),
      0,
    );
  const root = join(dataDir, "block");
  if (!existsSync(root)) return 0;
  let count = 0;
  for (const pool of readdirSync(root)) {
    for (const name of readdirSync(join(root, pool)).filter((file) => file.endsWith(".json"))) {
      count += bitsSet(JSON.parse(readFileSync(join(root, pool, name), "utf8")).data.bitmap);
    }
  }
  return count;
}

function bitsSet(bitmap: string): number {
  let count = 0;
  if (bitmap) for (let rest = BigInt(`0x${bitmap}`); rest > 0n; rest &= rest - 1n) count++;
  return count;
}
