// `dataplane remove`: takes away every rule, chain and route of ippool's and the tunnel address, or (dry run) prints what it would.
import type { Family } from "../alloc/address.js";
import {
  IPTABLES,
  dropTunnelAddress,
  ownRoutes,
  partRunner,
  readNatState,
  routeDeleteArgs,
  type RunOptions,
  type RunReport,
} from "./apply.js";
import { ROUTE_PROTOCOL, TUNNEL_DEVICE, renderNatRemoval } from "./render.js";
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
  return found;
}

/** Deletes our jumps, chains, every route of our protocol and the tunnel address, whatever the datastore says now. */
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
