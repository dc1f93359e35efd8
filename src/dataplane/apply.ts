// The runner: makes the kernel match a plan (nat rules per family, routes, tunl0, the VXLAN devices) and takes it all away again.
import { Failure } from "../failure.js";
import type { Family } from "../alloc/address.js";
import type { Plan, PlannedRoute } from "./plan.js";
import { canonicalAddress, canonicalDst, partRunner, type RunReport } from "./run-report.js";
import { DEFAULT_VXLAN, VXLAN_DEVICES, type VxlanSettings } from "./vxlan.js";
import { dropVxlan, ensureVxlanDevice, reconcileVxlanPeers, type VxlanEndpoints } from "./vxlan-runner.js";
import {
  JUMP_RULE,
  OWN_CHAINS,
  ROUTE_PROTOCOL,
  TUNNEL_DEVICE,
  natChainRules,
  renderNatInput,
  renderPlan,
  routeArgs,
  routeLine,
  type NatRenderOptions,
} from "./render.js";
import { systemTools, type Tools } from "../system/tools.js";
import { MissingToolError } from "../system/tool-error.js";

export interface RunOptions {
  /** Run every tool inside this named namespace (tests); absent: this process's own. */
  readonly netns?: string;
  /** tunl0's MTU; absent: the uplink's MTU minus the 20 bytes of the outer IPv4 header. */
  readonly mtu?: number;
  /** The node's tunnel address in the IPAM; absent: tunl0 gets none (the runner tests). */
  readonly tunnelAddress?: TunnelAddressing;
  /** VNI, port and MTU of the VXLAN devices; absent: DEFAULT_VXLAN, the MTU from the uplink. */
  readonly vxlan?: VxlanSettings;
  /** The node's VXLAN tunnel addresses and published endpoints; absent: the devices get none (the runner tests). */
  readonly vxlanEndpoints?: VxlanEndpoints;
}

/**
 * The IPAM side of tunl0, given by the command so the runner never sees the Store. acquire is
 * called only once tunl0 exists, so a kernel without IPIP never gets an address allocated.
 */
export interface TunnelAddressing {
  /** The node's tunnel address (IPv4, no prefix); `allocated` when this call took it. */
  acquire(): Promise<{ address: string; allocated: boolean }>;
  /** Gives it back; the address it held, or undefined when there was none. */
  release(): Promise<string | undefined>;
  /** The address the node holds now, read only (remove --dry-run); undefined when none. */
  held(): Promise<string | undefined>;
}

export const IPTABLES: Record<Family, { tables: string; restore: string }> = {
  4: { tables: "iptables", restore: "iptables-restore" },
  6: { tables: "ip6tables", restore: "ip6tables-restore" },
};

export interface NatState {
  readonly chains: string[];
  readonly jumps: number;
  /** The `-A` lines of our chains, as `-S` prints them. */
  readonly rules: string[];
}

export async function readNatState(tools: Tools, family: Family): Promise<NatState> {
  const lines = (await tools.check(IPTABLES[family].tables, ["-w", "-t", "nat", "-S"])).split("\n");
  return {
    chains: OWN_CHAINS.filter((chain) => lines.includes(`-N ${chain}`)),
    jumps: lines.filter((line) => line === `-A POSTROUTING ${JUMP_RULE}`).length,
    rules: lines.filter((line) => OWN_CHAINS.some((chain) => line.startsWith(`-A ${chain} `))),
  };
}

/** `-S` lists chain after chain in its own order; the rules' order only counts within a chain. */
const byChain = (rules: readonly string[]): string =>
  OWN_CHAINS.map((chain) => rules.filter((rule) => rule.startsWith(`-A ${chain} `)).join("\n")).join("\n\n");

const randomFullyKnown = new Map<string, Promise<boolean>>();

/** iptables 1.6.2 and later list --random-fully in MASQUERADE's help; asked once per process (watch runs for days). */
function hasRandomFully(tools: Tools, family: Family): Promise<boolean> {
  const tool = IPTABLES[family].tables;
  let known = randomFullyKnown.get(tool);
  if (!known) {
    known = tools.run(tool, ["-j", "MASQUERADE", "--help"]).then((result) => result.stdout.includes("--random-fully"));
    // A failed probe (the tool missing) is asked again next time.
    known.catch(() => randomFullyKnown.delete(tool));
    randomFullyKnown.set(tool, known);
  }
  return known;
}

async function applyNat(tools: Tools, family: Family, plan: Plan, report: RunReport): Promise<void> {
  const nat = plan.nat[family];
  let state: NatState;
  try {
    state = await readNatState(tools, family);
  } catch (error) {
    // Without a nat-outgoing pool of this family there is nothing to write, so the tool is not needed.
    if (error instanceof MissingToolError && nat.masqueradePools.length === 0) return;
    throw error;
  }
  const randomFully = nat.masqueradePools.length > 0 && (await hasRandomFully(tools, family));
  const inSync =
    nat.masqueradePools.length > 0
      ? state.jumps === 1 &&
        state.chains.length === OWN_CHAINS.length &&
        byChain(natChainRules(nat, randomFully)) === byChain(state.rules)
      : state.jumps === 0 && state.chains.length === 0;
  if (inSync) return;
  await tools.check(IPTABLES[family].restore, ["-w", "--noflush"], renderNatInput(nat, { randomFully, ...state })!);
  report.changes.push(
    nat.masqueradePools.length > 0
      ? `IPv${family} nat-outgoing rules written (${nat.masqueradePools.length} pool(s) masqueraded)`
      : `IPv${family} nat-outgoing chains removed (no pool of the family has nat-outgoing)`,
  );
}

export interface KernelRoute {
  readonly type?: string;
  readonly dst: string;
  readonly gateway?: string;
  readonly dev?: string;
  readonly flags?: string[];
}

/** Compared on type, destination, gateway, device and onlink: a route on the wrong device is a wrong route. */
function routeKey(route: PlannedRoute): string {
  if (route.kind === "blackhole") return `blackhole ${canonicalDst(route.dst, route.family)}`;
  if (route.kind === "endpoint") return `endpoint ${canonicalDst(route.dst, route.family)}`;
  return `${route.kind} ${canonicalDst(route.dst, route.family)} ${canonicalAddress(route.via)}`;
}

function kernelRouteKey(route: KernelRoute, family: Family): string {
  const dst = canonicalDst(route.dst, family);
  if (route.type === "blackhole") return `blackhole ${dst}`;
  if (route.gateway === undefined && route.dev === VXLAN_DEVICES[family]) return `endpoint ${dst}`;
  const onlink = (route.flags ?? []).includes("onlink");
  const kind =
    onlink && route.dev === TUNNEL_DEVICE
      ? "tunnel"
      : onlink && route.dev === VXLAN_DEVICES[family]
        ? "vxlan"
        : "direct";
  return `${kind} ${dst} ${canonicalAddress(route.gateway ?? "")}`;
}

/** The routes of our protocol in one family, as `ip -j` prints them. */
export async function ownRoutes(tools: Tools, family: Family): Promise<KernelRoute[]> {
  const text = await tools.check("ip", [`-${family}`, "-j", "route", "show", "proto", String(ROUTE_PROTOCOL)]);
  return text.trim() ? (JSON.parse(text) as KernelRoute[]) : [];
}

/** Adds what is missing or different (`ip route replace`), deletes our routes the plan no longer has. */
export async function reconcileRoutes(tools: Tools, routes: readonly PlannedRoute[], report: RunReport): Promise<void> {
  for (const family of [4, 6] as const) {
    const existing = await ownRoutes(tools, family);
    const present = new Set(existing.map((route) => kernelRouteKey(route, family)));
    const wanted = routes.filter((route) => route.family === family);
    const wantedDsts = new Set(wanted.map((route) => canonicalDst(route.dst, family)));
    for (const route of wanted) {
      if (present.has(routeKey(route))) continue;
      try {
        await tools.check("ip", [`-${family}`, "route", "replace", ...routeArgs(route)]);
        report.changes.push(`route set: ${routeLine(route)}`);
      } catch (error) {
        report.errors.push(`route ${routeLine(route)} not set: ${(error as Error).message}`);
      }
    }
    for (const route of existing) {
      if (wantedDsts.has(canonicalDst(route.dst, family))) continue;
      await tools.check("ip", [`-${family}`, "route", "del", ...routeDeleteArgs(route)]);
      report.changes.push(`route removed: ${route.type === "blackhole" ? "blackhole " : ""}${route.dst}`);
    }
  }
}

/** What names one of our routes to `ip route del` (after "del"). */
export const routeDeleteArgs = (route: KernelRoute): string[] => [
  ...(route.type === "blackhole" ? ["blackhole"] : []),
  route.dst,
  "proto",
  String(ROUTE_PROTOCOL),
];

/** The MTU of the device holding the default route, minus the outer IPv4 header. */
async function defaultTunnelMtu(tools: Tools): Promise<number> {
  const [route] = JSON.parse(
    (await tools.check("ip", ["-4", "-j", "route", "show", "default"])) || "[]",
  ) as KernelRoute[];
  if (!route?.dev) return 1480;
  const [link] = JSON.parse(await tools.check("ip", ["-j", "link", "show", "dev", route.dev])) as { mtu: number }[];
  return (link?.mtu ?? 1500) - 20;
}

/** True when tunl0 is up with its MTU; false (with the error reported) when this kernel cannot have it. */
async function ensureTunnel(tools: Tools, plan: Plan, options: RunOptions, report: RunReport): Promise<boolean> {
  const exists = async () => (await tools.run("ip", ["link", "show", "dev", TUNNEL_DEVICE])).code === 0;
  if (!(await exists()) && (await tools.run("ip", ["link", "add", "name", TUNNEL_DEVICE, "type", "ipip"])).code !== 0) {
    // Loading the module creates tunl0 as its fallback device; modprobe may be absent, so its failure is only a hint.
    await tools.run("modprobe", ["ipip"]).catch(() => undefined);
    if (!(await exists())) {
      report.errors.push(
        `${TUNNEL_DEVICE}: this kernel has no IPIP support (ip link add ${TUNNEL_DEVICE} type ipip and modprobe ipip failed); ` +
          `the routes of pool(s) ${plan.tunnelPools.join(", ")} need it and were not set; everything else was applied. ` +
          `Load the ipip module, or set ipip.mode: cross-subnet or ipip.enabled: false on pools whose nodes share a subnet`,
      );
      return false;
    }
  }
  const mtu = options.mtu ?? (await defaultTunnelMtu(tools));
  await tools.check("ip", ["link", "set", "dev", TUNNEL_DEVICE, "mtu", String(mtu), "up"]);
  if (options.tunnelAddress) await setTunnelAddress(tools, options.tunnelAddress, report);
  return true;
}

/** tunl0 carries exactly the node's tunnel address (/32, as the source of tunnelled packets); the device is the agent's. */
async function setTunnelAddress(tools: Tools, addressing: TunnelAddressing, report: RunReport): Promise<void> {
  const { address, allocated } = await addressing.acquire();
  if (allocated) report.changes.push(`tunnel address ${address} allocated for ${TUNNEL_DEVICE}`);
  const [link] = JSON.parse(await tools.check("ip", ["-4", "-j", "addr", "show", "dev", TUNNEL_DEVICE])) as {
    addr_info?: { local: string }[];
  }[];
  const present = (link?.addr_info ?? []).map((info) => info.local);
  for (const other of present.filter((local) => local !== address))
    await tools.check("ip", ["addr", "del", `${other}/32`, "dev", TUNNEL_DEVICE]);
  if (present.includes(address)) return;
  await tools.check("ip", ["addr", "add", `${address}/32`, "dev", TUNNEL_DEVICE]);
  report.changes.push(`${TUNNEL_DEVICE} address set: ${address}/32`);
}

/**
 * No route needs tunl0 (or remove): the tunnel address goes back to its pool, and off tunl0 where
 * the node had one. Returns the change to report, or undefined when the node held none.
 */
export async function dropTunnelAddress(tools: Tools, addressing: TunnelAddressing): Promise<string | undefined> {
  const released = await addressing.release();
  if (released === undefined) return undefined;
  await tools.run("ip", ["addr", "del", `${released}/32`, "dev", TUNNEL_DEVICE]);
  return `tunnel address ${released} released`;
}

/** One reconcile: each part runs even when another failed, so a missing iptables still leaves routes right. */
export async function applyPlan(plan: Plan, options: RunOptions = {}): Promise<RunReport> {
  const tools = systemTools(options.netns);
  const report: RunReport = { changes: [], errors: [] };
  const attempt = partRunner(report);
  for (const family of [4, 6] as const) await attempt(() => applyNat(tools, family, plan, report));
  let routes = plan.routes;
  if (plan.tunnelPools.length > 0) {
    let tunnelReady = false;
    await attempt(async () => void (tunnelReady = await ensureTunnel(tools, plan, options, report)));
    if (!tunnelReady) routes = routes.filter((route) => route.kind !== "tunnel");
  } else if (options.tunnelAddress) {
    const addressing = options.tunnelAddress;
    await attempt(async () => {
      const released = await dropTunnelAddress(tools, addressing);
      if (released !== undefined) report.changes.push(released);
    });
  }
  const vxlanReady = new Set<Family>();
  for (const family of [4, 6] as const) {
    const device = plan.vxlanDevices.find((planned) => planned.family === family);
    await attempt(async () => {
      if (!device) return dropVxlan(tools, family, options.vxlanEndpoints, report);
      const settings = options.vxlan ?? DEFAULT_VXLAN;
      if (!(await ensureVxlanDevice(tools, device, settings, options.vxlanEndpoints, report))) return;
      vxlanReady.add(family);
      const peers = plan.vxlanPeers.filter((peer) => peer.family === family);
      await reconcileVxlanPeers(tools, family, peers, report);
    });
  }
  // A route through a device that is not there would be refused, or worse, go elsewhere.
  routes = routes.filter(
    (route) => (route.kind !== "vxlan" && route.kind !== "endpoint") || vxlanReady.has(route.family),
  );
  await attempt(() => reconcileRoutes(tools, routes, report));
  return report;
}

/** --dry-run: reads (never writes) the nat state where iptables exists, to print exactly what apply would feed it. */
export async function describePlan(plan: Plan, options: RunOptions = {}): Promise<string> {
  const tools = systemTools(options.netns);
  const renderOptions = async (family: Family): Promise<NatRenderOptions> => {
    try {
      const { jumps, chains } = await readNatState(tools, family);
      return { randomFully: await hasRandomFully(tools, family), jumps, chains };
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      // No iptables here: print what a node with a current iptables and none of our rules would get.
      return { randomFully: true, jumps: 0, chains: [] };
    }
  };
  return renderPlan(plan, { 4: await renderOptions(4), 6: await renderOptions(6) }, options.vxlan);
}
