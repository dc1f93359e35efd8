// Shared pieces of the CLI suites: a data dir per test, the CLI and plugin run against it, pool files on disk.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, expect } from "vitest";
import { stringify } from "yaml";
import { onEtcd } from "../helpers/datastore.js";
import { execCli, execPlugin, netconf, tempDir, type ProcessResult } from "../helpers/ippool.js";

export interface CliDir {
  path: string;
  /** Runs `ippool ARGS --data-dir <this dir>`. */
  cli(args: readonly string[], stdin?: string): Promise<ProcessResult>;
  /** Writes a file next to the store and returns its path. */
  file(name: string, text: string): string;
}

/** A fresh temp dir for each test of the calling file: the store in store/, pool files beside it. */
export function useCliDir(): CliDir {
  let current: ReturnType<typeof tempDir> | undefined;
  const dir: CliDir = {
    path: "",
    cli: (args, stdin) => execCli(args, { dataDir: dir.path, ...(stdin !== undefined ? { stdin } : {}) }),
    file: (name, text) => {
      const path = join(current!.path, name);
      writeFileSync(path, text);
      return path;
    },
  };
  beforeEach(() => {
    current = tempDir("ippool-cli-");
    dir.path = join(current.path, "store");
  });
  afterEach(() => current?.remove());
  return dir;
}

/** Several pool documents as one YAML file. */
export const yamlDocs = (...docs: unknown[]): string => docs.map((doc) => stringify(doc)).join("---\n");

/** The command succeeded: exit 0. Returns stdout for further checks. */
export function ok(result: ProcessResult): string {
  expect(result.code, `exit ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`).toBe(0);
  return result.stdout;
}

/** The command failed with one or more "ippool: ..." lines on stderr and no stack trace. */
export function fails(result: ProcessResult, fragment: string | RegExp): void {
  expect(result.code, `expected failure, stdout: ${result.stdout}`).not.toBe(0);
  expect(result.stderr).toMatch(/^ippool: /);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  if (typeof fragment === "string") expect(result.stderr).toContain(fragment);
  else expect(result.stderr).toMatch(fragment);
}

/** ADD through the real plugin on network "testnet" using the stored pools; returns the addresses. */
export async function pluginAdd(
  dataDir: string,
  containerId: string,
  ifname = "eth0",
  args?: string,
): Promise<string[]> {
  const result = await execPlugin(
    { command: "ADD", containerId, ifname, ...(args !== undefined ? { args } : {}) },
    netconf("1.0.0", { dataDir }),
  );
  expect(result.code, `ADD ${containerId} failed: ${result.stdout}${result.stderr}`).toBe(0);
  return result.json.ips.map((ip: { address: string }) => ip.address.split("/")[0]);
}

export async function pluginDel(dataDir: string, containerId: string, ifname = "eth0"): Promise<ProcessResult> {
  return execPlugin({ command: "DEL", containerId, ifname }, netconf("1.0.0", { dataDir }));
}

/**
 * A command's answer once every key of the store is gone: on disk the data dir is still there (an
 * empty listing); on etcd nothing is left under the prefix, which reads exactly like a mistyped
 * --etcd-prefix, so the CLI says there is no store there.
 */
export function expectEmptiedStore(result: ProcessResult, onDisk: string): void {
  if (onEtcd()) expect(result.stderr).toContain("no key under the prefix");
  else expect(ok(result)).toBe(onDisk);
}
