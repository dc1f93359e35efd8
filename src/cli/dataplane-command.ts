// `ippool dataplane apply | watch | remove`: the node agent that gives the pool fields their meaning on this node.
import { setTimeout as sleep } from "node:timers/promises";
import { readStoredPools } from "../ipam/stored-pools.js";
import { listBlocks } from "../ipam/blocks.js";
import { readStoredNodes } from "../node/stored-nodes.js";
import { ensureTunnelAddress, releaseTunnelAddress } from "../ipam/tunnel-address.js";
import { planDataplane, type Plan } from "../dataplane/plan.js";
import { applyPlan, describePlan, removeDataplane, type RunOptions, type RunReport, type TunnelAddressing } from "../dataplane/apply.js";
import { ROUTE_PROTOCOL } from "../dataplane/render.js";
import { CniError, ErrorCode } from "../cni/errors.js";
import { UsageError, booleanFlag, stringFlag, type CommandContext, type CommandSpec } from "./context.js";

const SUBCOMMANDS = ["apply", "watch", "remove"] as const;
const DEFAULT_INTERVAL_SECONDS = 10;

/** Pools, nodes and blocks in one consistent read, then the plan for this node. */
async function currentPlan(ctx: CommandContext, nodename: string): Promise<Plan> {
  const input = await ctx.store.read(async (txn) => ({ pools: await readStoredPools(txn), nodes: await readStoredNodes(txn), blocks: await listBlocks(txn) }));
  return planDataplane({ ...input, nodename });
}

/**
 * The node's tunnel address through the IPAM, for the runner to call. It comes from an enabled
 * pool among those the plan tunnels for, each time read afresh in the same transaction as the allocation.
 */
function tunnelAddressing(ctx: CommandContext, nodename: string, tunnelPools: readonly string[]): TunnelAddressing {
  return {
    acquire: () =>
      ctx.store.update(async (txn) => {
        const pools = (await readStoredPools(txn)).filter((pool) => tunnelPools.includes(pool.id) && !pool.disabled);
        if (pools.length === 0) throw new CniError(ErrorCode.invalidConfig, `tunl0: no enabled pool among ${tunnelPools.join(", ")} to take the tunnel address of node ${nodename} from`, "enable one of them (spec.disabled: false)");
        return ensureTunnelAddress(txn, nodename, pools, ctx.now());
      }),
    release: async () => (await ctx.store.update((txn) => releaseTunnelAddress(txn, nodename)))?.addresses[0]?.address,
  };
}

function positiveInteger(ctx: CommandContext, flag: string, max: number): number | undefined {
  const text = stringFlag(ctx, flag);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max) throw new UsageError(`--${flag} must be a whole number from 1 to ${max}, not '${text}'`, "dataplane");
  return value;
}

function tell(ctx: CommandContext, report: RunReport): number {
  report.changes.forEach((line) => ctx.out(`${line}\n`));
  report.errors.forEach(ctx.error);
  return report.errors.length > 0 ? 1 : 0;
}

/** One reconcile; the plan's warnings (unroutable nodes, blocks of unknown nodes) go to stderr and leave the exit 0. */
async function applyOnce(ctx: CommandContext, nodename: string, options: RunOptions, lastWarnings?: Set<string>): Promise<number> {
  const plan = await currentPlan(ctx, nodename);
  // watch repeats a warning only when it is new, so a steady problem does not fill the log.
  for (const line of plan.warnings) if (!lastWarnings?.has(line)) ctx.warn(line);
  if (lastWarnings) {
    lastWarnings.clear();
    plan.warnings.forEach((line) => lastWarnings.add(line));
  }
  return tell(ctx, await applyPlan(plan, { ...options, tunnelAddress: tunnelAddressing(ctx, nodename, plan.tunnelPools) }));
}

/** Polls: every interval a full reconcile, which also puts back a rule or route deleted by hand. */
async function watch(ctx: CommandContext, nodename: string, options: RunOptions, intervalSeconds: number): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  const warnings = new Set<string>();
  try {
    while (!stop.signal.aborted) {
      try {
        await applyOnce(ctx, nodename, options, warnings);
      } catch (error) {
        // A bad datastore state (a pool change that names an unknown node, say) waits for the next round.
        ctx.error((error as Error).message);
      }
      await sleep(intervalSeconds * 1000, undefined, { signal: stop.signal }).catch(() => undefined);
    }
    return 0;
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  }
}

export const dataplaneCommand: CommandSpec = {
  summary: "program this node: nat-outgoing rules, routes to other nodes' blocks, tunl0",
  args: ["SUBCOMMAND"],
  usage: ["dataplane apply [--nodename NAME] [--dry-run] [--mtu N]", "dataplane watch [--nodename NAME] [--mtu N] [--interval SECONDS]", "dataplane remove"],
  description: [
    "apply reconciles once: per family an iptables-restore --noflush of the chains IPPOOL-POSTROUTING and",
    "IPPOOL-NAT-OUTGOING (hooked once from nat POSTROUTING), and the routes of protocol " + String(ROUTE_PROTOCOL) + ": blackhole for",
    "this node's blocks, via the affine node for the others (dev tunl0 onlink for ipip; tunl0 then gets",
    "the node's tunnel address, an allocation 'ippool allocations' shows, released when no route needs it).",
    `watch re-applies every --interval seconds (default ${DEFAULT_INTERVAL_SECONDS}) until SIGTERM or SIGINT. remove deletes`,
    "every chain and route of ippool and releases the tunnel address.",
    "--dry-run prints the iptables-restore input and the routes, and changes nothing.",
  ],
  flags: {
    "dry-run": { type: "boolean", help: "print the plan, change nothing" },
    mtu: { type: "string", value: "N", help: "tunl0's MTU (default: the uplink's MTU minus 20)" },
    interval: { type: "string", value: "SECONDS", help: `watch: seconds between reconciles (default ${DEFAULT_INTERVAL_SECONDS})` },
  },
  examples: ["ippool dataplane apply --dry-run", "ippool dataplane apply --nodename node-a", "ippool dataplane watch --interval 5", "ippool dataplane remove"],
  run: async (ctx) => {
    const [subcommand] = ctx.positionals;
    if (!(SUBCOMMANDS as readonly (string | undefined)[]).includes(subcommand)) {
      throw new UsageError(subcommand === undefined ? `'ippool dataplane' needs a subcommand: ${SUBCOMMANDS.join(", ")}` : `unknown subcommand '${subcommand}'; use ${SUBCOMMANDS.join(", ")}`, "dataplane");
    }
    const mtu = positiveInteger(ctx, "mtu", 65_535);
    const interval = positiveInteger(ctx, "interval", 86_400) ?? DEFAULT_INTERVAL_SECONDS;
    const options: RunOptions = mtu !== undefined ? { mtu } : {};
    const nodename = ctx.nodename;
    if (subcommand === "remove") return tell(ctx, await removeDataplane({ ...options, tunnelAddress: tunnelAddressing(ctx, nodename, []) }));
    if (booleanFlag(ctx, "dry-run")) {
      if (subcommand === "watch") throw new UsageError("--dry-run goes with 'dataplane apply'", "dataplane");
      const plan = await currentPlan(ctx, nodename);
      plan.warnings.forEach(ctx.warn);
      ctx.out(await describePlan(plan));
      return 0;
    }
    return subcommand === "apply" ? applyOnce(ctx, nodename, options) : watch(ctx, nodename, options, interval);
  },
};
