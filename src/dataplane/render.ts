// The plan as text the kernel tools read: iptables-restore input per family and `ip route` arguments.
import type { Family } from "../alloc/address.js";
import type { NatPlan, Plan, PlannedRoute } from "./plan.js";
import { DEFAULT_VXLAN, VXLAN_DEVICES, renderVxlan, type VxlanSettings } from "./vxlan.js";

/**
 * The route protocol that marks a route as ippool's: unused by iproute2's rt_protos, by BIRD (12)
 * and felix (80), so `ip route show proto 201` lists exactly ours and removing them touches nothing else.
 */
export const ROUTE_PROTOCOL = 201;
export const TUNNEL_DEVICE = "tunl0";

/** Our chains in the nat table. Never the cali- prefix: felix deletes any cali- chain it did not write. */
export const POSTROUTING_CHAIN = "IPPOOL-POSTROUTING";
export const NAT_OUTGOING_CHAIN = "IPPOOL-NAT-OUTGOING";
export const OWN_CHAINS = [POSTROUTING_CHAIN, NAT_OUTGOING_CHAIN] as const;
/** The rule in the kernel's POSTROUTING that hands packets to ours, as `-A`/`-D` arguments after the chain name. */
export const JUMP_RULE = `-j ${POSTROUTING_CHAIN}`;

export interface NatRenderOptions {
  /** MASQUERADE --random-fully, when this iptables and kernel have it. */
  readonly randomFully: boolean;
  /** How many jumps POSTROUTING holds now: one is added when none is there, extras are removed. */
  readonly jumps: number;
  /** Which of our chains exist now. */
  readonly chains: readonly string[];
}

/**
 * The `-A` rules of our chains. Without ipsets, "source in a masquerade pool and destination
 * outside every pool" is a RETURN per pool followed by the MASQUERADE, per masquerade pool.
 */
export function natChainRules(nat: NatPlan, randomFully: boolean): string[] {
  const rules = [`-A ${POSTROUTING_CHAIN} -j ${NAT_OUTGOING_CHAIN}`];
  for (const source of nat.masqueradePools) {
    for (const destination of nat.allPools)
      rules.push(`-A ${NAT_OUTGOING_CHAIN} -s ${source} -d ${destination} -j RETURN`);
    rules.push(`-A ${NAT_OUTGOING_CHAIN} -s ${source} -j MASQUERADE${randomFully ? " --random-fully" : ""}`);
  }
  return rules;
}

/**
 * Input for `iptables-restore --noflush`: declaring a chain flushes it, so the whole nat-outgoing
 * state is rewritten in one atomic commit and no other chain of the table is touched.
 */
export function renderNatRestore(nat: NatPlan, options: NatRenderOptions): string {
  const jumpLines =
    options.jumps === 0
      ? [`-A POSTROUTING ${JUMP_RULE}`]
      : Array.from({ length: options.jumps - 1 }, () => `-D POSTROUTING ${JUMP_RULE}`);
  return [
    "*nat",
    ...OWN_CHAINS.map((chain) => `:${chain} - [0:0]`),
    ...natChainRules(nat, options.randomFully),
    ...jumpLines,
    "COMMIT",
    "",
  ].join("\n");
}

/** Input for `iptables-restore --noflush` that takes away the jumps and the chains found. */
export function renderNatRemoval(existingChains: readonly string[], jumps: number): string {
  const present = OWN_CHAINS.filter((chain) => existingChains.includes(chain));
  return [
    "*nat",
    ...Array.from({ length: jumps }, () => `-D POSTROUTING ${JUMP_RULE}`),
    ...present.map((chain) => `-F ${chain}`),
    ...present.map((chain) => `-X ${chain}`),
    "COMMIT",
    "",
  ].join("\n");
}

/**
 * What one family needs: our chains filled when a pool of the family has nat-outgoing, else
 * taken away if present, so a family without such a pool needs no ip(6)tables at all (undefined).
 */
export function renderNatInput(nat: NatPlan, options: NatRenderOptions): string | undefined {
  if (nat.masqueradePools.length > 0) return renderNatRestore(nat, options);
  return options.chains.length > 0 || options.jumps > 0 ? renderNatRemoval(options.chains, options.jumps) : undefined;
}

/** Arguments of `ip route replace` (after "replace"), which also name the route in `ip route del`. */
export function routeArgs(route: PlannedRoute): string[] {
  const proto = ["proto", String(ROUTE_PROTOCOL)];
  switch (route.kind) {
    case "blackhole":
      return ["blackhole", route.dst, ...proto];
    case "endpoint":
      return [route.dst, "dev", VXLAN_DEVICES[route.family], ...proto];
    case "direct":
      return [route.dst, "via", route.via, ...proto];
    case "tunnel":
      return [route.dst, "via", route.via, "dev", TUNNEL_DEVICE, "onlink", ...proto];
    case "vxlan":
      return [route.dst, "via", route.via, "dev", VXLAN_DEVICES[route.family], "onlink", ...proto];
  }
}

export const routeLine = (route: PlannedRoute): string => routeArgs(route).join(" ");

/**
 * What --dry-run prints: the rules per family in iptables-restore syntax, then the routes one per
 * line, then (only when a pool has VXLAN) the VXLAN devices, neighbours and forwarding entries.
 */
export function renderPlan(
  plan: Plan,
  options: Readonly<Record<Family, NatRenderOptions>>,
  vxlan: VxlanSettings = DEFAULT_VXLAN,
): string {
  const sections = ([4, 6] as const).map((family) => {
    const tool = family === 4 ? "iptables-restore" : "ip6tables-restore";
    const input = renderNatInput(plan.nat[family], options[family]);
    return input === undefined
      ? `# ${tool}: nothing to write (no IPv${family} pool has nat-outgoing)\n`
      : `# ${tool} --noflush\n${input}`;
  });
  const routes = plan.routes.length > 0 ? plan.routes.map(routeLine).join("\n") + "\n" : "";
  return `${sections.join("")}# routes (ip route, proto ${ROUTE_PROTOCOL})\n${routes}${renderVxlan(plan.vxlanDevices, plan.vxlanPeers, vxlan)}`;
}
