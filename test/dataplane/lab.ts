// The dataplane suites' lab: a node namespace with an uplink veth to an "external" namespace, and helpers that read what ippool made there.
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IPPOOL, runProcess, type ProcessResult } from "../helpers/ippool.js";
import { run, type NetnsLab } from "../e2e/netns.js";

export interface Uplink {
  readonly node: string;
  readonly external: string;
}

/**
 * node <-> external over one veth: 192.168.77.1/24 and fd00:77::1/64 on the node, .2 / ::2 on the
 * external side. The external namespace gets no route to any pool, so only a masqueraded packet can be answered.
 */
export async function addUplink(lab: NetnsLab, tag: string): Promise<Uplink> {
  const node = await lab.add(`n${tag}`);
  const external = await lab.add(`x${tag}`);
  const [left, right] = [lab.name(`u${tag}`), lab.name(`v${tag}`)];
  await lab.exec(node, ["ip", "link", "add", left, "type", "veth", "peer", "name", right]);
  await lab.exec(node, ["ip", "link", "set", right, "netns", external]);
  await lab.exec(node, ["ip", "addr", "add", "192.168.77.1/24", "dev", left]);
  await lab.exec(node, ["ip", "addr", "add", "fd00:77::1/64", "dev", left, "nodad"]);
  await lab.exec(node, ["ip", "link", "set", left, "up"]);
  await lab.exec(external, ["ip", "addr", "add", "192.168.77.2/24", "dev", right]);
  await lab.exec(external, ["ip", "addr", "add", "fd00:77::2/64", "dev", right, "nodad"]);
  await lab.exec(external, ["ip", "link", "set", right, "up"]);
  await lab.exec(node, ["sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1"]);
  return { node, external };
}

/** The argv of `ippool ARGS --data-dir DIR` inside `netns`. */
export const ippoolArgvIn = (netns: string, dataDir: string, args: readonly string[]): string[] => [
  "netns",
  "exec",
  netns,
  IPPOOL,
  ...args,
  "--data-dir",
  dataDir,
];

/** `ippool ARGS --data-dir DIR` run inside `netns`, as an operator on that node would. */
export function ippoolIn(
  netns: string,
  dataDir: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<ProcessResult> {
  return runProcess("ip", ippoolArgvIn(netns, dataDir, args), { env: { PATH: process.env.PATH ?? "", ...env } });
}

/** iptables-save of both families without counters and comments: what "changes nothing" compares. */
export async function savedRules(netns: string): Promise<string> {
  const strip = (text: string) =>
    text
      .split("\n")
      .filter((line) => !line.startsWith("#"))
      .map((line) => line.replace(/\[\d+:\d+\]/g, ""))
      .join("\n");
  return (
    strip(await run("ip", ["netns", "exec", netns, "iptables-save"])) +
    strip(await run("ip", ["netns", "exec", netns, "ip6tables-save"]))
  );
}

/** Every line of either family's rules that names one of ippool's chains. */
export async function ownRuleLines(netns: string): Promise<string[]> {
  return (await savedRules(netns)).split("\n").filter((line) => line.includes("IPPOOL-"));
}

/** The routes of ippool's protocol in both families. */
export async function ownRoutes(
  netns: string,
): Promise<{ dst: string; type?: string; gateway?: string; dev?: string; flags?: string[] }[]> {
  const routes = [];
  for (const family of ["-4", "-6"])
    routes.push(...JSON.parse((await run("ip", ["-n", netns, family, "-j", "route", "show", "proto", "201"])) || "[]"));
  return routes;
}

/** A PATH holding only node and ip: iptables is "not installed". */
export function pathWithoutIptables(): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "ippool-noipt-"));
  symlinkSync(process.execPath, join(dir, "node"));
  symlinkSync("/usr/sbin/ip", join(dir, "ip"));
  return { path: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
