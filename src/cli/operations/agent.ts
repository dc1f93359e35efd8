// `ippool agent` and `ippool agent status`: the flags of the node agent (src/agent/), which serves
// the exec'd plugin's calls on a unix socket and, with --dataplane, keeps this node's routes too.
import { startAgent } from "../../agent/agent.js";
import { agentHealth } from "../../agent/health.js";
import { stopOnSignals, watchDataplane } from "../../agent/dataplane-loop.js";
import { DEFAULT_AGENT_SOCKET } from "../../agent/protocol.js";
import { UsageError, booleanFlag, stringFlag, type CommandContext, type CommandSpec } from "../framework/context.js";
import { VERSION } from "../framework/version.js";
import {
  DEFAULT_INTERVAL_SECONDS,
  DEVICE_FLAG_NAMES,
  dataplaneSetup,
  deviceFlags,
  positiveInteger,
} from "./dataplane.js";

const DEFAULT_QUEUE_LIMIT = 1024;

function metricsAddress(ctx: CommandContext): { host: string; port: number } | undefined {
  const text = stringFlag(ctx, "metrics-address");
  if (text === undefined) return undefined;
  const match = /^(\[[0-9a-fA-F:]+\]|[^:]+):(\d{1,5})$/.exec(text);
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65_535)
    throw new UsageError(`--metrics-address must be HOST:PORT (e.g. 127.0.0.1:9311), not '${text}'`, "agent");
  return { host: match[1]!.replace(/^\[|\]$/g, ""), port };
}

const socketPath = (ctx: CommandContext): string => {
  const path = stringFlag(ctx, "socket") ?? DEFAULT_AGENT_SOCKET;
  if (!path.startsWith("/")) throw new UsageError(`--socket must be an absolute path, not '${path}'`, "agent");
  return path;
};

/** The flags that only `--dataplane` reads. */
const DATAPLANE_FLAGS = ["interval", ...DEVICE_FLAG_NAMES];

export const agentCommand: CommandSpec = {
  summary: "the node agent: serve the plugin's calls on a unix socket (and, with --dataplane, the routes)",
  args: ["[status]"],
  usage: [
    "agent [--socket PATH] [--metrics-address HOST:PORT] [--queue-limit N]",
    "      [--dataplane [--interval SECONDS] [--mtu N] [--vxlan-vni N] [--vxlan-port PORT] [--vxlan-mtu N]]",
    "agent status [--socket PATH]",
  ],
  description: [
    `agent serves CNI calls on a unix socket (default ${DEFAULT_AGENT_SOCKET}, its directory made 0700, the socket 0600) until`,
    "SIGTERM or SIGINT, then answers what it accepted, removes the socket and exits 0. The exec'd plugin",
    "tries it first (ipam.agentSocket, else IPPOOL_AGENT_SOCKET, else the default) and works in-process when",
    "no agent answers. Each network's store is opened once; updates that queue while a commit is in flight",
    `are committed together. Beyond --queue-limit calls in flight (default ${DEFAULT_QUEUE_LIMIT}) it answers busy at once.`,
    "--metrics-address serves Prometheus metrics on http://HOST:PORT/metrics. --dataplane also does what",
    `'dataplane watch' does, every --interval seconds (default ${DEFAULT_INTERVAL_SECONDS}), for the store named by the store flags.`,
    "status asks the agent on the socket whether it serves, since when, and its queue; exit 0 when it",
    "serves, 1 when nothing answers (the liveness probe of a DaemonSet).",
  ],
  flags: {
    socket: { type: "string", value: "PATH", help: `the agent's socket (default ${DEFAULT_AGENT_SOCKET})` },
    "metrics-address": { type: "string", value: "HOST:PORT", help: "serve Prometheus metrics at /metrics there" },
    "queue-limit": {
      type: "string",
      value: "N",
      help: `calls in flight before it answers busy (default ${DEFAULT_QUEUE_LIMIT})`,
    },
    dataplane: { type: "boolean", help: "also keep this node's nat-outgoing rules and routes, as 'dataplane watch'" },
    interval: { type: "string", value: "SECONDS", help: "with --dataplane: seconds between reconciles" },
    ...deviceFlags("with --dataplane"),
  },
  examples: [
    "ippool agent",
    "ippool agent --dataplane --metrics-address 127.0.0.1:9311",
    "ippool agent status",
    "ippool agent status --socket /run/ippool/agent.sock",
  ],
  run: async (ctx) => {
    const [subcommand] = ctx.positionals;
    if (subcommand !== undefined && subcommand !== "status")
      throw new UsageError(`unknown subcommand '${subcommand}'; the only one is 'status'`, "agent");
    const socket = socketPath(ctx);
    if (subcommand === "status") {
      const given = ["metrics-address", "queue-limit", "dataplane", ...DATAPLANE_FLAGS].find(
        (flag) => ctx.flags[flag] !== undefined,
      );
      if (given) throw new UsageError(`--${given} goes with 'ippool agent', not 'agent status'`, "agent");
      return reportStatus(ctx, socket);
    }
    const withDataplane = booleanFlag(ctx, "dataplane");
    const forDataplane = DATAPLANE_FLAGS.find((flag) => ctx.flags[flag] !== undefined);
    if (forDataplane && !withDataplane) throw new UsageError(`--${forDataplane} goes with --dataplane`, "agent");
    const dataplane = withDataplane ? dataplaneSetup(ctx, "agent") : undefined;
    const stop = stopOnSignals();
    try {
      const agent = await startAgent({
        socketPath: socket,
        queueLimit: positiveInteger(ctx, "queue-limit", 1_000_000, "agent") ?? DEFAULT_QUEUE_LIMIT,
        metricsAddress: metricsAddress(ctx),
        version: VERSION,
        now: ctx.now,
        log: (line) => ctx.error(line),
      });
      const watching = dataplane
        ? watchDataplane(dataplane.node, dataplane.options, dataplane.interval, stop.signal)
        : undefined;
      if (!stop.signal.aborted) await new Promise((resolve) => stop.signal.addEventListener("abort", resolve));
      await agent.stop();
      await watching;
      ctx.error("stopped: every accepted call was answered and the socket removed");
      return 0;
    } finally {
      stop.dispose();
    }
  },
};

async function reportStatus(ctx: CommandContext, socket: string): Promise<number> {
  const health = await agentHealth(socket, 5_000);
  if (health === undefined) {
    ctx.error(`no agent answers on ${socket}; the plugin works in-process meanwhile`);
    return 1;
  }
  const calls = Object.entries(health.calls)
    .map(([what, count]) => `${what}: ${count}`)
    .join(", ");
  ctx.out(
    [
      `serving on ${socket} since ${health.since} (pid ${health.pid}, ippool ${health.version})`,
      `in flight: ${health.inFlight} of at most ${health.queueLimit}`,
      `answered: ${calls || "none yet"}`,
      "",
    ].join("\n"),
  );
  return 0;
}
