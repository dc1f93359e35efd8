// The dataplane half of the node agent: read pools, nodes and blocks, plan this node, run the plan; once or in a loop.
import { setTimeout as sleep } from "node:timers/promises";
import type { Family } from "../alloc/address.js";
import { applyPlan, type RunOptions, type TunnelAddressing } from "../dataplane/apply.js";
import { planDataplane, type Plan } from "../dataplane/plan.js";
import { DataplaneError } from "../dataplane/dataplane-error.js";
import type { RunReport } from "../dataplane/run-report.js";
import { VXLAN_DEVICES } from "../dataplane/vxlan.js";
import type { VxlanEndpoints } from "../dataplane/vxlan-runner.js";
import { listBlocks } from "../ipam/blocks.js";
import { readStoredPools } from "../ipam/stored-pools.js";
import {
  TUNL0,
  ensureTunnelAddress,
  heldTunnelAddress,
  releaseTunnelAddress,
  type TunnelDevice,
} from "../ipam/tunnel-address.js";
import { readStoredNode, readStoredNodes, recordVxlanEndpoint } from "../ipam/stored-nodes.js";
import { vxlanEndpoint } from "../node/resource.js";
import type { Store, StoreReader } from "../store/store.js";

/** What the loop acts on and where it reports: the CLI passes its own store and output. */
export interface DataplaneNode {
  readonly store: Store;
  readonly nodename: string;
  readonly now: () => Date;
  /** Writes to stdout as is (add the newline yourself). */
  out(text: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** Pools, nodes and blocks in one consistent read, then the plan for this node. */
export async function currentPlan(ctx: DataplaneNode): Promise<Plan> {
  const input = await ctx.store.read(async (txn) => ({
    pools: await readStoredPools(txn),
    nodes: await readStoredNodes(txn),
    blocks: await listBlocks(txn),
  }));
  return planDataplane({ ...input, nodename: ctx.nodename });
}

/**
 * The node's address for a tunnel device through the IPAM, for the runner to call. It comes from
 * an enabled pool among those the plan tunnels for, each time read afresh in the same transaction
 * as the allocation.
 */
export function tunnelAddressing(
  ctx: DataplaneNode,
  tunnelPools: readonly string[],
  device: TunnelDevice = TUNL0,
): TunnelAddressing {
  const nodename = ctx.nodename;
  return {
    acquire: () =>
      ctx.store.update(async (txn) => {
        const pools = (await readStoredPools(txn)).filter((pool) => tunnelPools.includes(pool.id) && !pool.disabled);
        if (pools.length === 0)
          throw new DataplaneError(
            `${device.ifname}: no enabled pool among ${tunnelPools.join(", ")} to take the tunnel address of node ${nodename} from`,
            "enable one of them (spec.disabled: false)",
          );
        return ensureTunnelAddress(txn, nodename, pools, ctx.now(), device);
      }),
    release: async () =>
      (await ctx.store.update((txn) => releaseTunnelAddress(txn, nodename, device.ifname)))?.addresses[0]?.address,
    held: () => ctx.store.read((txn) => heldTunnelAddress(txn, nodename, device.ifname)),
  };
}

/** The node's VXLAN tunnel addresses (one per family, each with its own record) and the endpoints its record publishes. */
export function vxlanEndpoints(ctx: DataplaneNode): VxlanEndpoints {
  const nodename = ctx.nodename;
  const device = (family: Family): TunnelDevice => ({ ifname: VXLAN_DEVICES[family], family });
  const recordedIn = async (txn: StoreReader, family: Family) => {
    const node = await readStoredNode(txn, nodename);
    return node && vxlanEndpoint(node, family);
  };
  const heldIn = (txn: StoreReader, family: Family) => heldTunnelAddress(txn, nodename, device(family).ifname);
  return {
    recorded: (family) => ctx.store.read((txn) => recordedIn(txn, family)),
    held: (family) => ctx.store.read((txn) => heldIn(txn, family)),
    acquire: (family, pools) => tunnelAddressing(ctx, pools, device(family)).acquire(),
    publish: (family, endpoint) => ctx.store.update((txn) => recordVxlanEndpoint(txn, nodename, family, endpoint)),
    withdraw: async (family) => {
      // Every reconcile of a node without VXLAN asks; one read first keeps that from writing to the store.
      const holdsAny = await ctx.store.read(
        async (txn) => (await heldIn(txn, family)) !== undefined || (await recordedIn(txn, family)) !== undefined,
      );
      if (!holdsAny) return undefined;
      return ctx.store.update(async (txn) => {
        await recordVxlanEndpoint(txn, nodename, family, undefined);
        return (await releaseTunnelAddress(txn, nodename, device(family).ifname))?.addresses[0]?.address;
      });
    },
  };
}

export function tell(ctx: DataplaneNode, report: RunReport): number {
  report.changes.forEach((line) => ctx.out(`${line}\n`));
  report.errors.forEach(ctx.error);
  return report.errors.length > 0 ? 1 : 0;
}

/** One reconcile; the plan's warnings (unroutable nodes, blocks of unknown nodes) go to stderr and leave the exit 0. */
export async function applyOnce(ctx: DataplaneNode, options: RunOptions, lastWarnings?: Set<string>): Promise<number> {
  const plan = await currentPlan(ctx);
  // watch repeats a warning only when it is new, so a steady problem does not fill the log.
  for (const line of plan.warnings) if (!lastWarnings?.has(line)) ctx.warn(line);
  if (lastWarnings) {
    lastWarnings.clear();
    plan.warnings.forEach((line) => lastWarnings.add(line));
  }
  let allocated = false;
  const noting = <T extends { allocated: boolean }>(taken: T): T => {
    allocated ||= taken.allocated;
    return taken;
  };
  const run = (current: Plan) => {
    const tunnel = tunnelAddressing(ctx, current.tunnelPools);
    const vxlan = vxlanEndpoints(ctx);
    return applyPlan(current, {
      ...options,
      tunnelAddress: { ...tunnel, acquire: () => tunnel.acquire().then(noting) },
      vxlanEndpoints: { ...vxlan, acquire: (family, pools) => vxlan.acquire(family, pools).then(noting) },
    });
  };
  const report = await run(plan);
  if (!allocated) return tell(ctx, report);
  // A tunnel address taken in this run may have claimed a block for this node, whose blackhole
  // route the plan could not know yet: one more run with a fresh plan, so one apply is enough.
  const again = await run(await currentPlan(ctx));
  return tell(ctx, { changes: [...report.changes, ...again.changes], errors: again.errors });
}

/** Polls until `stop` aborts: every interval a full reconcile, which also puts back a rule or route deleted by hand. */
export async function watchDataplane(
  ctx: DataplaneNode,
  options: RunOptions,
  intervalSeconds: number,
  stop: AbortSignal,
): Promise<number> {
  const warnings = new Set<string>();
  while (!stop.aborted) {
    try {
      await applyOnce(ctx, options, warnings);
    } catch (error) {
      // A bad datastore state (a pool change that names an unknown node, say) waits for the next round.
      ctx.error((error as Error).message);
    }
    await sleep(intervalSeconds * 1000, undefined, { signal: stop }).catch(() => undefined);
  }
  return 0;
}

/** Aborts on the first SIGTERM or SIGINT, the way a service manager or a terminal stops a resident process. */
export function stopOnSignals(): { readonly signal: AbortSignal; dispose(): void } {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  return {
    signal: stop.signal,
    dispose: () => {
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
    },
  };
}
