// The plugins under test: how to configure and call ippool and host-local the same way a runtime would.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { timedRun, type TimedRun } from "./process.js";

export const HOST_LOCAL = "/usr/lib/cni/host-local";
export const NETWORK = "benchnet";
/** host-local speaks up to 1.0.0 (Debian's build), so both plugins get that version. */
const CNI_VERSION = "1.0.0";

export type Verb = "ADD" | "DEL" | "CHECK";

/** The columns of the report: both ippool artifacts, the standalone one through the node agent, the compiled floor program, host-local. */
export type SubjectName = "node" | "standalone" | "via agent" | "floor" | "host-local";

export interface Subject {
  readonly name: SubjectName;
  /** Which on-disk format a pre-populated store is written in; the floor keeps no store. */
  readonly kind: "ippool" | "host-local" | "floor";
  readonly binary: string;
  /** The netconf for a fresh store in `dataDir` with one pool/range `cidr`. */
  conf(dataDir: string, cidr: string): Record<string, unknown>;
}

const ippoolConf = (dataDir: string, cidr: string) => ({
  cniVersion: CNI_VERSION,
  name: NETWORK,
  type: "bridge",
  // Inline pool: the bench measures the plugin path, not the CLI's pool store.
  ipam: { type: "ippool", dataDir, ipPools: [{ apiVersion: "v1", kind: "ipPool", metadata: { cidr } }] },
});

/** build/ippool (the Node bundle) and build/ippool-linux-<arch> (compiled with bun from that bundle). */
export function ippoolSubjects(repoRoot: string): Subject[] {
  return [
    { name: "node", kind: "ippool", binary: join(repoRoot, "build/ippool"), conf: ippoolConf },
    {
      name: "standalone",
      kind: "ippool",
      binary: join(repoRoot, `build/ippool-linux-${process.arch}`),
      conf: ippoolConf,
    },
  ];
}

/** bench/floor.ts compiled as ippool is: reads stdin, writes one line. What no compiled plugin can beat. */
export function floorSubject(binary: string): Subject {
  return { name: "floor", kind: "floor", binary, conf: ippoolConf };
}

export function hostLocalSubject(): Subject | undefined {
  if (!existsSync(HOST_LOCAL)) return undefined;
  return {
    name: "host-local",
    kind: "host-local",
    binary: HOST_LOCAL,
    conf: (dataDir, cidr) => ({
      cniVersion: CNI_VERSION,
      name: NETWORK,
      type: "bridge",
      ipam: { type: "host-local", ranges: [[{ subnet: cidr }]], dataDir },
    }),
  };
}

export interface Call {
  readonly verb: Verb;
  readonly containerId: string;
  /** The ADD result, passed to CHECK as prevResult. */
  readonly prevResult?: unknown;
}

/** One exec of the subject with the CNI environment and the netconf on stdin. */
export function callPlugin(subject: Subject, conf: Record<string, unknown>, call: Call): Promise<TimedRun> {
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    CNI_COMMAND: call.verb,
    CNI_CONTAINERID: call.containerId,
    // Neither plugin enters the netns: IPAM plugins only record it.
    CNI_NETNS: "/var/run/netns/bench",
    CNI_IFNAME: "eth0",
    CNI_PATH: "/usr/lib/cni",
  };
  const body = call.prevResult === undefined ? conf : { ...conf, prevResult: call.prevResult };
  return timedRun(subject.binary, [], env, JSON.stringify(body));
}

/** The addresses (without prefix) of an ADD result. */
export function resultAddresses(stdout: string): string[] {
  const result = JSON.parse(stdout) as { ips?: { address: string }[] };
  // The floor's line has no ips: it hands out nothing.
  return (result.ips ?? []).map((ip) => ip.address.split("/")[0]!);
}
