// A tiny container runtime for the e2e suites: runs a conflist's plugins the way libcni does, inside a "node" namespace.
import { existsSync, readFileSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { IPPOOL, REPO_ROOT, runProcess, tempDir, type ProcessResult } from "../helpers/ippool.js";
import { inNetns, netnsPath } from "./netns.js";

export const SYSTEM_CNI_DIR = "/usr/lib/cni";

export interface Conflist {
  cniVersion: string;
  name: string;
  plugins: Record<string, any>[];
}

export interface Attachment {
  readonly containerId: string;
  /** Name of the container's network namespace (ip netns). */
  readonly netns: string;
  readonly ifname: string;
  /** CNI_ARGS, e.g. what podman passes: "IgnoreUnknown=1;K8S_POD_NAME=web". */
  readonly args?: string;
  /** Runtime data by capability name (e.g. portMappings), injected as runtimeConfig into plugins that declare it. */
  readonly capabilityArgs?: Record<string, unknown>;
}

/** A plugin's error answer, kept whole so tests can assert the code and message the runtime would show. */
export class CniCallError extends Error {
  constructor(
    readonly plugin: string,
    readonly command: string,
    readonly result: ProcessResult,
    readonly json: { code?: number; msg?: string; details?: string } | undefined,
  ) {
    super(`${plugin} ${command} exited ${result.code}: ${result.stdout.trim()} ${result.stderr.trim()}`);
  }
}

/** A config from netconf-examples/, parsed. */
export function loadExample(file: string): Conflist {
  return JSON.parse(readFileSync(join(REPO_ROOT, "netconf-examples", file), "utf8")) as Conflist;
}

/**
 * The example as a suite runs it: every ipam gets the suite's temp data dir (never
 * /var/lib/cni/ippool) or the suite's datastore, and the bridge / macvlan master get the suite's
 * unique link names.
 */
export function customize(
  conflist: Conflist,
  overrides: { dataDir: string; datastore?: Record<string, unknown>; bridge?: string; master?: string; name?: string },
): Conflist {
  const datastore = overrides.datastore ? { datastore: overrides.datastore } : {};
  const plugins = conflist.plugins.map((plugin) => ({
    ...plugin,
    ...(plugin.ipam ? { ipam: { ...plugin.ipam, dataDir: overrides.dataDir, ...datastore } } : {}),
    ...(overrides.bridge && "bridge" in plugin ? { bridge: overrides.bridge } : {}),
    ...(overrides.master && "master" in plugin ? { master: overrides.master } : {}),
  }));
  return { ...conflist, ...(overrides.name ? { name: overrides.name } : {}), plugins };
}

/** CNI_PATH for the suites: a temp dir holding only `ippool` (the built executable), then Debian's plugins. */
export function pluginDirWithIppool(): { dirs: string[]; remove: () => void } {
  const dir = tempDir("ippool-e2e-bin-");
  symlinkSync(IPPOOL, join(dir.path, "ippool"));
  return { dirs: [dir.path, SYSTEM_CNI_DIR], remove: dir.remove };
}

/** libcni: CHECK exists from 0.4.0, and DEL gets the cached result as prevResult from 0.4.0 on. */
const atLeast040 = (version: string): boolean => !["0.1.0", "0.2.0", "0.3.0", "0.3.1"].includes(version);

/**
 * Runs one conflist like libcni 1.1: each plugin's stdin is its own object plus the list's name
 * and cniVersion; ADD passes each plugin's output to the next as prevResult; the last output is
 * the result, cached per attachment; CHECK runs in order and DEL in reverse, both with the cached
 * result. Plugins run in `hostNetns`, so bridges, routes and sysctls they touch live there.
 */
export class CniRuntime {
  private readonly cache = new Map<string, unknown>();

  constructor(
    readonly conflist: Conflist,
    /** `env`: more variables for every plugin, as a node's runtime passes its own environment on (NODENAME). */
    private readonly options: { hostNetns: string; cniPath: readonly string[]; env?: Readonly<Record<string, string>> },
  ) {}

  async add(attachment: Attachment): Promise<any> {
    let prevResult: unknown;
    for (const plugin of this.conflist.plugins) {
      prevResult = await this.invoke(plugin, "ADD", attachment, prevResult);
    }
    this.cache.set(cacheKey(attachment), prevResult);
    return prevResult;
  }

  /** `prevResult` defaults to the cached result; tests pass a doctored one to see CHECK fail. */
  async check(attachment: Attachment, prevResult: unknown = this.cache.get(cacheKey(attachment))): Promise<void> {
    if (!atLeast040(this.conflist.cniVersion))
      throw new Error(`CHECK needs cniVersion 0.4.0 or later, the list is ${this.conflist.cniVersion}`);
    for (const plugin of this.conflist.plugins) await this.invoke(plugin, "CHECK", attachment, prevResult);
  }

  /** Like libcni, DEL works without a cached result (e.g. after a failed ADD or a restart). */
  async del(attachment: Attachment): Promise<void> {
    const cached = atLeast040(this.conflist.cniVersion) ? this.cache.get(cacheKey(attachment)) : undefined;
    for (const plugin of [...this.conflist.plugins].reverse()) await this.invoke(plugin, "DEL", attachment, cached);
    this.cache.delete(cacheKey(attachment));
  }

  cachedResult(attachment: Attachment): any {
    return this.cache.get(cacheKey(attachment));
  }

  private async invoke(
    plugin: Record<string, any>,
    command: string,
    attachment: Attachment,
    prevResult: unknown,
  ): Promise<any> {
    const type = String(plugin.type);
    const runtimeConfig = Object.fromEntries(
      Object.entries(attachment.capabilityArgs ?? {}).filter(
        ([capability]) => plugin.capabilities?.[capability] === true,
      ),
    );
    const stdin = {
      ...plugin,
      name: this.conflist.name,
      cniVersion: this.conflist.cniVersion,
      ...(Object.keys(runtimeConfig).length > 0 ? { runtimeConfig } : {}),
      ...(prevResult !== undefined ? { prevResult } : {}),
    };
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      ...this.options.env,
      CNI_COMMAND: command,
      CNI_CONTAINERID: attachment.containerId,
      CNI_NETNS: netnsPath(attachment.netns),
      CNI_IFNAME: attachment.ifname,
      CNI_PATH: this.options.cniPath.join(":"),
      ...(attachment.args !== undefined ? { CNI_ARGS: attachment.args } : {}),
    };
    const result = await runProcess("ip", inNetns(this.options.hostNetns, [findPlugin(type, this.options.cniPath)]), {
      env,
      stdin: JSON.stringify(stdin),
    });
    const json = result.stdout.trim() ? JSON.parse(result.stdout) : undefined;
    if (result.code !== 0) throw new CniCallError(type, command, result, json);
    return json;
  }
}

const cacheKey = (attachment: Attachment): string => `${attachment.containerId}:${attachment.ifname}`;

export function findPlugin(type: string, cniPath: readonly string[]): string {
  for (const dir of cniPath) {
    if (existsSync(join(dir, type))) return join(dir, type);
  }
  throw new Error(`plugin ${type} not found in ${cniPath.join(":")}`);
}

/** The store's record of an attachment (data dir layout: attachment/<network>/<containerId>:<ifname>.json). */
export function attachmentFile(dataDir: string, network: string, containerId: string, ifname: string): string {
  return join(dataDir, "attachment", network, `${containerId}:${ifname}.json`);
}

/** Container ids the store holds an attachment for in this network. */
export function storedAttachments(dataDir: string, network: string): string[] {
  const dir = join(dataDir, "attachment", network);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort();
}
