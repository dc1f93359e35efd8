// Runs the built executable as runtimes and operators do: a real process with env, stdin and argv.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { storeArgs, withTestDatastore } from "./datastore.js";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/**
 * The executable every exec'ing suite runs: IPPOOL_BIN (absolute, or relative to the repository),
 * else the Node bundle. `npm test` runs those suites once per artifact; see docs/testing.md.
 */
export const IPPOOL = resolve(REPO_ROOT, process.env.IPPOOL_BIN || "build/ippool");

export interface ProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runProcess(
  file: string,
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: options.env ?? { PATH: process.env.PATH ?? "" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    // A process that exits before reading all of stdin closes the pipe; that is its answer, not a test failure.
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.stdin ?? "");
  });
}

export interface PluginCall {
  readonly command: string;
  readonly containerId?: string;
  readonly ifname?: string;
  readonly netns?: string;
  readonly args?: string;
  /** Extra or overriding variables; a value of undefined removes the variable. */
  readonly env?: Record<string, string | undefined>;
  /** Another executable than IPPOOL, for a suite that runs both artifacts against one store. */
  readonly executable?: string;
}

export interface PluginResult extends ProcessResult {
  /** stdout parsed as JSON, or undefined when stdout is empty. */
  readonly json: any;
}

/** Execs IPPOOL as a CNI plugin with `conf` (object or raw text) on stdin. */
export async function execPlugin(call: PluginCall, conf: unknown): Promise<PluginResult> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? "",
    CNI_COMMAND: call.command,
    CNI_CONTAINERID: call.containerId ?? "ctr-1",
    CNI_NETNS: call.netns ?? "/var/run/netns/test",
    CNI_IFNAME: call.ifname ?? "eth0",
    CNI_PATH: "/opt/cni/bin",
    ...(call.args !== undefined ? { CNI_ARGS: call.args } : {}),
    // The run's agent, when the run has one (IPPOOL_TEST_AGENT=1): every call goes through it.
    ...(process.env.IPPOOL_TEST_AGENT_SOCKET ? { IPPOOL_AGENT_SOCKET: process.env.IPPOOL_TEST_AGENT_SOCKET } : {}),
    ...call.env,
  };
  const cleanEnv = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const result = await runProcess(call.executable ?? IPPOOL, [], {
    env: cleanEnv,
    stdin: typeof conf === "string" ? conf : JSON.stringify(withTestDatastore(conf)),
  });
  return { ...result, json: result.stdout.trim() ? JSON.parse(result.stdout) : undefined };
}

/** Execs IPPOOL as the operator CLI. */
export function execCli(
  args: readonly string[],
  options: { dataDir?: string; stdin?: string; env?: Record<string, string>; executable?: string } = {},
): Promise<ProcessResult> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", ...options.env };
  const dataArgs = options.dataDir ? storeArgs(options.dataDir) : [];
  return runProcess(options.executable ?? IPPOOL, [...args, ...dataArgs], {
    env,
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
  });
}

/** A fresh data dir; call the returned function (e.g. in afterEach) to remove it. */
export function tempDir(prefix = "ippool-test-"): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export const poolDoc = (cidr: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: "v1",
  kind: "ipPool",
  metadata: { cidr },
  spec,
});

/** A network config for ippool with the given ipam fields (dataDir is required so no test touches /var/lib). */
export function netconf(
  cniVersion: string,
  ipam: Record<string, unknown> & { dataDir: string },
  extra: Record<string, unknown> = {},
) {
  return { cniVersion, name: "testnet", type: "bridge", ipam: { type: "ippool", ...ipam }, ...extra };
}
