// `dataplane remove`: takes away every rule, chain, route and VXLAN device of ippool's and the tunnel addresses, or (dry run) prints what it would.
import type { Family } from "../alloc/address.js";
import { IPTABLES, dropTunnelAddress, ownRoutes, readNatState, routeDeleteArgs, type RunOptions } from "./apply.js";
import { ROUTE_PROTOCOL, TUNNEL_DEVICE, renderNatRemoval } from "./render.js";
import { partRunner, type RunReport } from "./run-report.js";
import { VXLAN_DEVICES } from "./vxlan.js";
import { deleteVxlanDevice, readVxlanLink, type VxlanEndpoints } from "./vxlan-runner.js";
import { systemTools, type Tools } from "../system/tools.js";

/** One thing of ippool's found on this node: the lines --dry-run prints for it, and the act that removes it. */
interface Removal {
  readonly preview: readonly string[];
  /** Removes it and returns the line a real run reports (undefined: it was gone); absent when nothing was found. */
  readonly remove?: () => Promise<string | undefined>;
}

const FAMILIES = [4, 6] as const;

async function natRemoval(tools: Tools, family: Family): Promise<Removal> {
  const { restore } = IPTABLES[family];
  const state = await readNatState(tools, family);
  if (state.chains.length === 0 && state.jumps === 0)
    return { preview: [`# ${restore}: nothing to remove (no chain or jump of ippool's)`] };
  const input = renderNatRemoval(state.chains, state.jumps);
  return {
    preview: [`# ${restore} --noflush`, ...input.trimEnd().split("\n")],
    remove: async () => {
      await tools.check(restore, ["-w", "--noflush"], input);
      return `IPv${family} nat-outgoing chains removed`;
    },
  };
}

async function routeRemovals(tools: Tools, family: Family): Promise<Removal[]> {
  return (await ownRoutes(tools, family)).map((route) => {
    const args = routeDeleteArgs(route);
    return {
      preview: [args.join(" ")],
      remove: async () => {
        await tools.check("ip", [`-${family}`, "route", "del", ...args]);
        return `route removed: ${route.type === "blackhole" ? "blackhole " : ""}${route.dst}`;
      },
    };
  });
}

/**
 * Everything of ippool's on this node, read from the kernel and the IPAM and changed nowhere, in
 * the order remove takes it away. A part that cannot be read (no iptables) is an error of the
 * report, and the others are still found.
 */
async function findRemovals(tools: Tools, options: RunOptions, report: RunReport): Promise<Removal[]> {
  const attempt = partRunner(report);
  const found: Removal[] = [];
  for (const family of FAMILIES) await attempt(async () => void found.push(await natRemoval(tools, family)));
  found.push({ preview: [`# routes to delete (ip route del, proto ${ROUTE_PROTOCOL})`] });
  for (const family of FAMILIES) await attempt(async () => void found.push(...(await routeRemovals(tools, family))));
  const addressing = options.tunnelAddress;
  if (addressing) {
    await attempt(async () => {
      const held = await addressing.held();
      found.push(
        held === undefined
          ? { preview: ["# tunnel address: none held"] }
          : {
              preview: [`# tunnel address to release: ${held} (taken off ${TUNNEL_DEVICE})`],
              remove: () => dropTunnelAddress(tools, addressing),
            },
      );
    });
  }
  for (const family of FAMILIES)
    await attempt(async () => void found.push(...(await vxlanRemovals(tools, family, options))));
  return found;
}

/** The family's VXLAN device, and its tunnel address and published endpoint where the IPAM is given. */
async function vxlanRemovals(tools: Tools, family: Family, options: RunOptions): Promise<Removal[]> {
  const name = VXLAN_DEVICES[family];
  const removals: Removal[] = [];
  if (await readVxlanLink(tools, family))
    removals.push({
      preview: [`# device to delete: ${name} (its neighbour and forwarding entries go with it)`],
      remove: () => deleteVxlanDevice(tools, family),
    });
  const endpoints = options.vxlanEndpoints;
  const endpoint = endpoints && (await endpointRemoval(endpoints, family));
  return endpoint ? [...removals, endpoint] : removals;
}

/** Undefined when the node holds no VXLAN tunnel address of the family and publishes no endpoint: a node without VXLAN hears nothing of it. */
async function endpointRemoval(endpoints: VxlanEndpoints, family: Family): Promise<Removal | undefined> {
  const held = await endpoints.held(family);
  const recorded = await endpoints.recorded(family);
  if (held === undefined && !recorded) return undefined;
  return {
    preview: [
      `# IPv${family} VXLAN tunnel address to release: ${held ?? "none held"}; the node record's endpoint taken out`,
    ],
    remove: async () => {
      const released = await endpoints.withdraw(family);
      return released === undefined
        ? `IPv${family} VXLAN endpoint taken out of the node record`
        : `VXLAN tunnel address ${released} released`;
    },
  };
}

/** Deletes our jumps, chains, every route of our protocol, the VXLAN devices and the tunnel addresses, whatever the datastore says now. */
export async function removeDataplane(options: RunOptions = {}): Promise<RunReport> {
  const tools = systemTools(options.netns);
  const report: RunReport = { changes: [], errors: [] };
  const attempt = partRunner(report);
  for (const { remove } of await findRemovals(tools, options, report)) {
    if (!remove) continue;
    await attempt(async () => {
      const done = await remove();
      if (done !== undefined) report.changes.push(done);
    });
  }
  return report;
}

/** --dry-run: what remove would take away, as the restore input and route arguments it would use; changes nothing. */
export async function describeRemoval(options: RunOptions = {}): Promise<RunReport> {
  const report: RunReport = { changes: [], errors: [] };
  const found = await findRemovals(systemTools(options.netns), options, report);
  report.changes.push(...found.flatMap((removal) => removal.preview));
  return report;
}
