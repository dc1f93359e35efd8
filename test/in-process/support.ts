// Shared by the in-process suites: the plugin (runPlugin) and the CLI (runCli) on one in-memory store, no exec.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect } from "vitest";
import { stringify } from "yaml";
import { runCli } from "../../src/cli/framework/run-cli.js";
import { runPlugin } from "../../src/plugin/run-plugin.js";
import type { StoreConfig } from "../../src/store/open-store.js";
import { MemoryDatastore, MemoryStore } from "../../src/store/memory/memory-store.js";

/**
 * The data dir every config and command names: the in-memory store ignores it, and nothing can
 * be created below /proc, so a call that reached the disk store by mistake fails loudly.
 */
export const UNUSED_DATA_DIR = "/proc/ippool-in-memory";
export const NETWORK = "testnet";
export const NODE = "node-a";

export interface PluginCall {
  readonly command: string;
  readonly containerId?: string;
  readonly ifname?: string;
  readonly args?: string;
  readonly node?: string;
}

export interface PluginRun {
  readonly exitCode: number;
  /** stdout parsed: the result, the error object, or undefined when empty. */
  readonly json: any;
  readonly warnings: string[];
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly stdin?: string;
  readonly env?: Record<string, string>;
  /** The file `ippool install` copies, as main.ts passes the running executable. */
  readonly executable?: string;
}

export interface Cluster {
  readonly datastore: MemoryDatastore;
  /** What every runPlugin and runCli call asked to open, in order. */
  readonly opened: StoreConfig[];
  plugin(call: PluginCall, conf: object): Promise<PluginRun>;
  /** `ippool ARGV` as node-a (NODENAME), stdin given or empty. */
  cli(argv: readonly string[], options?: CliOptions): Promise<CliRun>;
  /** ADD that must succeed; returns the addresses without prefix. */
  add(containerId: string, conf?: object, node?: string): Promise<string[]>;
}

/** A fresh in-memory store; each call opens a new handle on it, as each exec'd process would. */
export function memoryCluster(): Cluster {
  const datastore = new MemoryDatastore();
  const opened: StoreConfig[] = [];
  const open = async (config: StoreConfig) => {
    opened.push(config);
    return new MemoryStore(datastore);
  };
  const cluster: Cluster = {
    datastore,
    opened,
    plugin: async (call, conf) => {
      const env = {
        CNI_COMMAND: call.command,
        CNI_CONTAINERID: call.containerId ?? "ctr-1",
        CNI_NETNS: "/var/run/netns/test",
        CNI_IFNAME: call.ifname ?? "eth0",
        CNI_PATH: "/opt/cni/bin",
        NODENAME: call.node ?? NODE,
        ...(call.args !== undefined ? { CNI_ARGS: call.args } : {}),
      };
      const warnings: string[] = [];
      const io = {
        env,
        readStdin: async () => JSON.stringify(conf),
        now: () => new Date(),
        warn: (line: string) => warnings.push(line),
      };
      const outcome = await runPlugin(io, open);
      return {
        exitCode: outcome.exitCode,
        json: outcome.stdout.trim() ? JSON.parse(outcome.stdout) : undefined,
        warnings,
      };
    },
    cli: async (argv, options = {}) => {
      let stdout = "";
      let stderr = "";
      const code = await runCli(
        {
          argv,
          env: { NODENAME: NODE, IPPOOL_DATA_DIR: UNUSED_DATA_DIR, ...options.env },
          readStdin: async () => options.stdin ?? "",
          stdout: (text) => (stdout += text),
          stderr: (text) => (stderr += text),
          now: () => new Date(),
          ...(options.executable !== undefined ? { executable: options.executable } : {}),
        },
        open,
      );
      return { code, stdout, stderr };
    },
    add: async (containerId, conf = netconf(), node = NODE) => {
      const run = await cluster.plugin({ command: "ADD", containerId, node }, conf);
      expect(run.exitCode, JSON.stringify(run.json)).toBe(0);
      return run.json.ips.map((ip: { address: string }) => ip.address.split("/")[0]);
    },
  };
  return cluster;
}

/** A network config on the stored pools (or `ipam` additions such as inline ipPools). */
export const netconf = (
  ipam: Record<string, unknown> = {},
  cniVersion = "1.1.0",
  extra: Record<string, unknown> = {},
) => ({
  cniVersion,
  name: NETWORK,
  type: "bridge",
  ...extra,
  ipam: { type: "ippool", dataDir: UNUSED_DATA_DIR, ...ipam },
});

export const poolDoc = (cidr: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: "v1",
  kind: "ipPool",
  metadata: { cidr },
  spec,
});
export const nodeDoc = (name: string, ipv4Address?: string) => ({
  apiVersion: "v1",
  kind: "node",
  metadata: { name },
  spec: ipv4Address ? { bgp: { ipv4Address } } : {},
});

/** Several documents as one YAML file, for `-f -`. */
export const yamlDocs = (...docs: unknown[]): string => docs.map((doc) => stringify(doc)).join("---\n");

/** Exit 0; returns stdout. */
export function ok(run: CliRun): string {
  expect(run.code, `exit ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(0);
  return run.stdout;
}

/** A failure with this exit code and "ippool: ..." lines on stderr naming `fragment`. */
export function fails(run: CliRun, code: number, fragment: string | RegExp): void {
  expect(run.code, `stdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(code);
  expect(run.stderr).toMatch(/^ippool: /);
  expect(run.stderr).toMatch(fragment);
}

/** A temp dir for the files a command reads or writes, removed after each test of the calling file. */
export function useTempDir(): { file(name: string, text: string): string; path(name: string): string } {
  let dir: string | undefined;
  const root = () => (dir ??= mkdtempSync(join(tmpdir(), "ippool-in-process-")));
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return {
    path: (name) => join(root(), name),
    file: (name, text) => {
      const path = join(root(), name);
      writeFileSync(path, text);
      return path;
    },
  };
}
