// Network namespaces for the e2e suites: a per-suite "node" namespace that plays the host, container namespaces, veths and ping.
import { runProcess, type ProcessResult } from "../helpers/ippool.js";

const PATH_ENV = { PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin" };

/** Runs a command and throws with its stderr when it fails: setup steps must not fail silently. */
export async function run(
  file: string,
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<string> {
  const result = await runProcess(file, args, {
    env: { ...PATH_ENV, ...options.env },
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
  });
  if (result.code !== 0)
    throw new Error(`${file} ${args.join(" ")} exited ${result.code}: ${result.stderr.trim() || result.stdout.trim()}`);
  return result.stdout;
}

/** Same as run, but the caller judges the exit code (e.g. a ping that must fail). */
export function attempt(file: string, args: readonly string[]): Promise<ProcessResult> {
  return runProcess(file, args, { env: PATH_ENV });
}

export const netnsPath = (name: string): string => `/var/run/netns/${name}`;

/** argv that runs `argv` inside namespace `name` (only the network namespace changes for the program). */
export const inNetns = (name: string, argv: readonly string[]): string[] => ["netns", "exec", name, ...argv];

export interface AddressInfo {
  readonly family: 4 | 6;
  readonly address: string;
  readonly prefix: number;
}

/**
 * The namespaces of one suite. Names carry the process id so parallel runs (or a leftover from a
 * crashed run) never collide; cleanup() removes everything and is safe to call twice.
 */
export class NetnsLab {
  private readonly created = new Set<string>();

  constructor(private readonly tag: string) {}

  /** A unique name for anything this suite creates (netns or link; links must stay <= 15 chars). */
  name(suffix: string): string {
    return `ipp${this.tag}${process.pid}${suffix}`;
  }

  /**
   * A fresh namespace with loopback up. IPv6 duplicate address detection stays on, as on a real
   * node: the bridge plugin waits for the container's addresses to leave "tentative" before it
   * returns, and ping() allows a few seconds for neighbour discovery.
   */
  async add(suffix: string): Promise<string> {
    const name = this.name(suffix);
    await run("ip", ["netns", "add", name]);
    this.created.add(name);
    await this.exec(name, ["ip", "link", "set", "lo", "up"]);
    return name;
  }

  /** Deletes a namespace without any CNI DEL, as a reboot or a crashed runtime would. */
  async remove(name: string): Promise<void> {
    await run("ip", ["netns", "del", name]);
    this.created.delete(name);
  }

  exec(name: string, argv: readonly string[]): Promise<string> {
    return run("ip", inNetns(name, argv));
  }

  async cleanup(): Promise<void> {
    for (const name of [...this.created].reverse()) {
      await attempt("ip", ["netns", "del", name]);
      this.created.delete(name);
    }
  }
}

export async function netnsExists(name: string): Promise<boolean> {
  return (await run("ip", ["netns", "list"])).split("\n").some((line) => line.split(" ")[0] === name);
}

/** Global addresses on an interface inside a namespace (link-local IPv6 left out). */
export async function addressesOf(netns: string, ifname: string): Promise<AddressInfo[]> {
  const attempted = await attempt("ip", inNetns(netns, ["ip", "-j", "addr", "show", "dev", ifname]));
  if (attempted.code !== 0) return [];
  const links = JSON.parse(attempted.stdout) as {
    addr_info: { family: string; local: string; prefixlen: number; scope: string }[];
  }[];
  return links
    .flatMap((link) => link.addr_info)
    .filter((info) => info.scope === "global")
    .map((info) => ({ family: info.family === "inet6" ? 6 : 4, address: info.local, prefix: info.prefixlen }));
}

export async function linkExists(netns: string, ifname: string): Promise<boolean> {
  return (await attempt("ip", inNetns(netns, ["ip", "link", "show", "dev", ifname]))).code === 0;
}

export interface RouteInfo {
  readonly dst: string;
  readonly gateway?: string;
  readonly dev?: string;
}

export async function routesOf(netns: string, family: 4 | 6): Promise<RouteInfo[]> {
  return JSON.parse(await run("ip", inNetns(netns, ["ip", `-${family}`, "-j", "route", "show"]))) as RouteInfo[];
}

/** ICMP echo from inside `netns`, one per second until the first answer or 5 s; true when answered. */
export async function ping(netns: string, address: string): Promise<boolean> {
  const family = address.includes(":") ? "-6" : "-4";
  const result = await attempt("ip", inNetns(netns, ["ping", family, "-c", "1", "-w", "5", address]));
  return result.code === 0;
}

/** A veth pair inside one namespace, both ends up (a macvlan parent needs carrier). */
export async function addVethPair(lab: NetnsLab, netns: string, left: string, right: string): Promise<void> {
  await lab.exec(netns, ["ip", "link", "add", left, "type", "veth", "peer", "name", right]);
  await lab.exec(netns, ["ip", "link", "set", left, "up"]);
  await lab.exec(netns, ["ip", "link", "set", right, "up"]);
}

/** Strips the prefix length: "10.1.0.2/24" -> "10.1.0.2". */
export const hostPart = (cidr: string): string => cidr.split("/")[0]!;
