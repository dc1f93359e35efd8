// `ippool dataplane apply | watch | remove`: the flags of the node agent's dataplane half (src/agent/).
import {
  applyOnce,
  currentPlan,
  stopOnSignals,
  tell,
  tunnelAddressing,
  vxlanEndpoints,
  watchDataplane,
  type DataplaneNode,
} from "../../agent/dataplane-loop.js";
import { describePlan, type RunOptions } from "../../dataplane/apply.js";
import { describeRemoval, removeDataplane } from "../../dataplane/remove.js";
import { ROUTE_PROTOCOL } from "../../dataplane/render.js";
import { DEFAULT_VXLAN, VXLAN_OVERHEAD } from "../../dataplane/vxlan.js";
import {
  UsageError,
  booleanFlag,
  stringFlag,
  type CommandContext,
  type CommandSpec,
  type FlagSpec,
} from "../framework/context.js";

const SUBCOMMANDS = ["apply", "watch", "remove"] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];
export const DEFAULT_INTERVAL_SECONDS = 10;
/** The largest VNI: the VXLAN header has 24 bits for it. */
const MAX_VNI = 16_777_215;

/** How this node's devices are made, for `dataplane apply|watch` and `agent --dataplane` alike. */
const DEVICE_FLAGS: Readonly<Record<string, FlagSpec>> = {
  mtu: { type: "string", value: "N", help: "tunl0's MTU (default: the uplink's MTU minus 20)" },
  "vxlan-vni": {
    type: "string",
    value: "N",
    help: `the VXLAN devices' VNI, the same on every node (default ${DEFAULT_VXLAN.vni})`,
  },
  "vxlan-port": {
    type: "string",
    value: "PORT",
    help: `the VXLAN devices' UDP port, the same on every node (default ${DEFAULT_VXLAN.port})`,
  },
  "vxlan-mtu": {
    type: "string",
    value: "N",
    help: `the VXLAN devices' MTU (default: the uplink's MTU minus ${VXLAN_OVERHEAD[4]} over IPv4, ${VXLAN_OVERHEAD[6]} over IPv6)`,
  },
};
export const DEVICE_FLAG_NAMES = Object.keys(DEVICE_FLAGS);

/** The command's own flags each subcommand reads; any other is a usage error there, never silently ignored. */
const SUBCOMMAND_FLAGS: Readonly<Record<Subcommand, readonly string[]>> = {
  apply: ["dry-run", ...DEVICE_FLAG_NAMES],
  watch: [...DEVICE_FLAG_NAMES, "interval"],
  remove: ["dry-run"],
};

export function positiveInteger(ctx: CommandContext, flag: string, max: number, command: string): number | undefined {
  const text = stringFlag(ctx, flag);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max)
    throw new UsageError(`--${flag} must be a whole number from 1 to ${max}, not '${text}'`, command);
  return value;
}

/** DEVICE_FLAGS with their help saying which command or subcommands read them. */
export const deviceFlags = (readBy: string): Record<string, FlagSpec> =>
  Object.fromEntries(
    Object.entries(DEVICE_FLAGS).map(([name, spec]) => [name, { ...spec, help: `${readBy}: ${spec.help}` }]),
  );

export const dataplaneCommand: CommandSpec = {
  summary: "program this node: nat-outgoing rules, routes to other nodes' blocks, tunl0 and the VXLAN devices",
  args: ["SUBCOMMAND"],
  usage: [
    "dataplane apply [--nodename NAME] [--dry-run] [--mtu N] [--vxlan-vni N] [--vxlan-port PORT] [--vxlan-mtu N]",
    "dataplane watch [--nodename NAME] [--mtu N] [--vxlan-vni N] [--vxlan-port PORT] [--vxlan-mtu N] [--interval SECONDS]",
    "dataplane remove [--nodename NAME] [--dry-run]",
  ],
  description: [
    "apply reconciles once: per family an iptables-restore --noflush of the chains IPPOOL-POSTROUTING and",
    "IPPOOL-NAT-OUTGOING (hooked once from nat POSTROUTING), and the routes of protocol " +
      String(ROUTE_PROTOCOL) +
      ": blackhole for",
    "this node's blocks, via the affine node for the others (dev tunl0 onlink for ipip; tunl0 then gets",
    "the node's tunnel address, an allocation 'ippool allocations' shows, released when no route needs it).",
    "With a VXLAN pool of a family: the device vxlan.ippool (vxlan6.ippool for IPv6) with the node's VXLAN",
    "tunnel address, published with the device's MAC in the node record, and for each remote node with",
    "an endpoint: a neighbour entry, a forwarding entry and the routes to its blocks via its tunnel address.",
    `watch re-applies every --interval seconds (default ${DEFAULT_INTERVAL_SECONDS}) until SIGTERM or SIGINT. remove deletes`,
    "every chain, route and device of ippool and releases the tunnel addresses.",
    "--dry-run changes nothing: with apply it prints the iptables-restore input and the routes, with remove",
    "the iptables-restore input, the routes (ip route del arguments), the devices and the tunnel addresses it",
    "would take away.",
    "A flag of another subcommand (apply --interval, remove --mtu, watch --dry-run) is a usage error.",
  ],
  flags: {
    "dry-run": { type: "boolean", help: "apply, remove: print what would change, change nothing" },
    ...deviceFlags("apply, watch"),
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
      const removeOptions = { tunnelAddress: tunnelAddressing(node, []), vxlanEndpoints: vxlanEndpoints(node) };
      return tell(node, await (dryRun ? describeRemoval(removeOptions) : removeDataplane(removeOptions)));
    }
    if (dryRun) {
      const plan = await currentPlan(node);
      plan.warnings.forEach(ctx.warn);
      ctx.out(await describePlan(plan, options));
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
  const vxlan = {
    vni: positiveInteger(ctx, "vxlan-vni", MAX_VNI, command) ?? DEFAULT_VXLAN.vni,
    port: positiveInteger(ctx, "vxlan-port", 65_535, command) ?? DEFAULT_VXLAN.port,
    ...optional("mtu", positiveInteger(ctx, "vxlan-mtu", 65_535, command)),
  };
  const interval = positiveInteger(ctx, "interval", 86_400, command) ?? DEFAULT_INTERVAL_SECONDS;
  const node: DataplaneNode = {
    store: ctx.store,
    nodename: ctx.nodename,
    now: ctx.now,
    out: ctx.out,
    warn: ctx.warn,
    error: ctx.error,
  };
  return { node, options: { ...optional("mtu", mtu), vxlan }, interval };
}

const optional = <K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, number>);

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
