// `ippool dataplane apply | watch | remove`: the flags of the node agent's dataplane half (src/agent/).
import {
  applyOnce,
  currentPlan,
  stopOnSignals,
  tell,
  tunnelAddressing,
  watchDataplane,
  type DataplaneNode,
} from "../../agent/dataplane-loop.js";
import { describePlan, type RunOptions } from "../../dataplane/apply.js";
import { describeRemoval, removeDataplane } from "../../dataplane/remove.js";
import { ROUTE_PROTOCOL } from "../../dataplane/render.js";
import { UsageError, booleanFlag, stringFlag, type CommandContext, type CommandSpec } from "../framework/context.js";

const SUBCOMMANDS = ["apply", "watch", "remove"] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];
/** The command's own flags each subcommand reads; any other is a usage error there, never silently ignored. */
const SUBCOMMAND_FLAGS: Readonly<Record<Subcommand, readonly string[]>> = {
  apply: ["dry-run", "mtu"],
  watch: ["mtu", "interval"],
  remove: ["dry-run"],
};
export const DEFAULT_INTERVAL_SECONDS = 10;

export function positiveInteger(ctx: CommandContext, flag: string, max: number, command: string): number | undefined {
  const text = stringFlag(ctx, flag);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max)
    throw new UsageError(`--${flag} must be a whole number from 1 to ${max}, not '${text}'`, command);
  return value;
}

export const dataplaneCommand: CommandSpec = {
  summary: "program this node: nat-outgoing rules, routes to other nodes' blocks, tunl0",
  args: ["SUBCOMMAND"],
  usage: [
    "dataplane apply [--nodename NAME] [--dry-run] [--mtu N]",
    "dataplane watch [--nodename NAME] [--mtu N] [--interval SECONDS]",
    "dataplane remove [--nodename NAME] [--dry-run]",
  ],
  description: [
    "apply reconciles once: per family an iptables-restore --noflush of the chains IPPOOL-POSTROUTING and",
    "IPPOOL-NAT-OUTGOING (hooked once from nat POSTROUTING), and the routes of protocol " +
      String(ROUTE_PROTOCOL) +
      ": blackhole for",
    "this node's blocks, via the affine node for the others (dev tunl0 onlink for ipip; tunl0 then gets",
    "the node's tunnel address, an allocation 'ippool allocations' shows, released when no route needs it).",
    `watch re-applies every --interval seconds (default ${DEFAULT_INTERVAL_SECONDS}) until SIGTERM or SIGINT. remove deletes`,
    "every chain and route of ippool and releases the tunnel address.",
    "--dry-run changes nothing: with apply it prints the iptables-restore input and the routes, with remove",
    "the iptables-restore input, the routes (ip route del arguments) and the tunnel address it would take away.",
    "A flag of another subcommand (apply --interval, remove --mtu, watch --dry-run) is a usage error.",
  ],
  flags: {
    "dry-run": { type: "boolean", help: "apply, remove: print what would change, change nothing" },
    mtu: { type: "string", value: "N", help: "apply, watch: tunl0's MTU (default: the uplink's MTU minus 20)" },
    interval: {
      type: "string",
      value: "SECONDS",
      help: `watch: seconds between reconciles (default ${DEFAULT_INTERVAL_SECONDS})`,
    },
  },
  examples: [
    "ippool dataplane apply --dry-run",
    "ippool dataplane apply --nodename node-a",
    "ippool dataplane watch --interval 5",
    "ippool dataplane remove --dry-run",
    "ippool dataplane remove",
  ],
  run: async (ctx) => {
    const [subcommand] = ctx.positionals;
    if (!isSubcommand(subcommand)) {
      throw new UsageError(
        subcommand === undefined
          ? `'ippool dataplane' needs a subcommand: ${SUBCOMMANDS.join(", ")}`
          : `unknown subcommand '${subcommand}'; use ${SUBCOMMANDS.join(", ")}`,
        "dataplane",
      );
    }
    rejectFlagsOfOtherSubcommands(ctx, subcommand);
    const { node, options, interval } = dataplaneSetup(ctx, "dataplane");
    const dryRun = booleanFlag(ctx, "dry-run");
    if (subcommand === "remove") {
      const removeOptions = { tunnelAddress: tunnelAddressing(node, []) };
      return tell(node, await (dryRun ? describeRemoval(removeOptions) : removeDataplane(removeOptions)));
    }
    if (dryRun) {
      const plan = await currentPlan(node);
      plan.warnings.forEach(ctx.warn);
      ctx.out(await describePlan(plan));
      return 0;
    }
    if (subcommand === "apply") return applyOnce(node, options);
    const stop = stopOnSignals();
    try {
      return await watchDataplane(node, options, interval, stop.signal);
    } finally {
      stop.dispose();
    }
  },
};

/** What the watch loop needs from the command line, for `dataplane` and `agent --dataplane` alike. */
export function dataplaneSetup(
  ctx: CommandContext,
  command: string,
): { node: DataplaneNode; options: RunOptions; interval: number } {
  const mtu = positiveInteger(ctx, "mtu", 65_535, command);
  const interval = positiveInteger(ctx, "interval", 86_400, command) ?? DEFAULT_INTERVAL_SECONDS;
  const node: DataplaneNode = {
    store: ctx.store,
    nodename: ctx.nodename,
    now: ctx.now,
    out: ctx.out,
    warn: ctx.warn,
    error: ctx.error,
  };
  return { node, options: mtu !== undefined ? { mtu } : {}, interval };
}

const isSubcommand = (word: string | undefined): word is Subcommand =>
  (SUBCOMMANDS as readonly (string | undefined)[]).includes(word);

function rejectFlagsOfOtherSubcommands(ctx: CommandContext, subcommand: Subcommand): void {
  for (const flag of new Set(Object.values(SUBCOMMAND_FLAGS).flat())) {
    if (ctx.flags[flag] === undefined || SUBCOMMAND_FLAGS[subcommand].includes(flag)) continue;
    const owners = SUBCOMMANDS.filter((other) => SUBCOMMAND_FLAGS[other].includes(flag)).map(
      (other) => `'dataplane ${other}'`,
    );
    throw new UsageError(
      `--${flag} does not apply to 'dataplane ${subcommand}'; it goes with ${owners.join(" and ")}`,
      "dataplane",
    );
  }
}
