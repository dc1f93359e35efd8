// The node agent: serves the exec'd plugin's CNI calls on a unix socket, each through the same
// runPlugin as in-process, with every store opened once and its updates committed in batches.
import { chmodSync, lstatSync, mkdirSync, unlinkSync } from "node:fs";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { dirname } from "node:path";
import { runPlugin } from "../plugin/run-plugin.js";
import { openStore, type StoreConfig } from "../store/open-store.js";
import { BatchingStore } from "../store/batching-store.js";
import type { Store } from "../store/store.js";
import { AgentMetrics } from "./metrics.js";
import { Failure } from "../failure.js";
import {
  MAX_REQUEST_BYTES,
  PROTOCOL_VERSION,
  type AgentHealth,
  type AgentReply,
  type CallAnswer,
  type CallRequest,
} from "./protocol.js";

export interface AgentOptions {
  readonly socketPath: string;
  /** Calls received and not answered yet, at most; one more is answered "busy" at once. */
  readonly queueLimit: number;
  readonly metricsAddress?: { host: string; port: number } | undefined;
  readonly version: string;
  readonly now: () => Date;
  /** Lines for the agent's log (stderr). */
  readonly log: (line: string) => void;
}

export interface RunningAgent {
  /** Stops accepting, answers every call it accepted, removes the socket; resolves when all is done. */
  stop(): Promise<void>;
  readonly health: () => AgentHealth;
  /** Where the metrics are served (the port chosen when 0 was asked for), when they are. */
  readonly metricsUrl: string | undefined;
}

/** Starts serving; refuses (throws) when another agent answers on the socket. */
export async function startAgent(options: AgentOptions): Promise<RunningAgent> {
  await claimSocketPath(options.socketPath);
  const stores = new Map<string, Promise<BatchingStore>>();
  const opened: BatchingStore[] = [];
  let inFlight = 0;
  const answered = new Map<string, number>();
  const since = options.now().toISOString();
  const metrics = new AgentMetrics(
    () => inFlight,
    () => opened.map((batching) => batching.inner),
  );
  const health = (): AgentHealth => ({
    serving: true,
    pid: process.pid,
    version: options.version,
    since,
    inFlight,
    queueLimit: options.queueLimit,
    calls: Object.fromEntries(answered),
  });

  /** Each store once, keyed by its whole config; a failed open is forgotten so the next call tries again. */
  const storeFor = (config: StoreConfig): Promise<BatchingStore> => {
    const key = JSON.stringify(config);
    let store = stores.get(key);
    if (!store) {
      store = openStore(config).then((inner) => {
        const batching = new BatchingStore(inner, { onBatch: (report) => metrics.batched(report) });
        opened.push(batching);
        return batching;
      });
      store.catch(() => stores.delete(key));
      stores.set(key, store);
    }
    return store;
  };

  const serveCall = async (call: CallRequest["call"]): Promise<CallAnswer> => {
    const started = performance.now();
    const warnings: string[] = [];
    const stdin = Buffer.from(call.stdin, "base64").toString("utf8");
    const stillWanted = () => Date.now() < call.deadline;
    const open = async (config: StoreConfig): Promise<Store> => (await storeFor(config)).forCall(stillWanted);
    const outcome = await runPlugin(
      { env: call.env, readStdin: async () => stdin, now: options.now, warn: (line) => warnings.push(line) },
      open,
    );
    const verb = typeof call.env.CNI_COMMAND === "string" ? call.env.CNI_COMMAND : "";
    const known = ["ADD", "DEL", "CHECK", "GC", "STATUS", "VERSION"].includes(verb) ? verb : "other";
    const outcomeKey = `${known} ${outcome.exitCode === 0 ? "ok" : "error"}`;
    answered.set(outcomeKey, (answered.get(outcomeKey) ?? 0) + 1);
    metrics.called(known, outcome.exitCode, (performance.now() - started) / 1000);
    return { ...outcome, warnings };
  };

  const reply = async (line: string): Promise<AgentReply> => {
    let request: Partial<CallRequest & { health: unknown }>;
    try {
      request = JSON.parse(line) as typeof request;
    } catch {
      return { v: PROTOCOL_VERSION, refused: "the request is not JSON" };
    }
    if (typeof request !== "object" || request === null)
      return { v: PROTOCOL_VERSION, refused: "the request is not a JSON object" };
    if (request.v !== PROTOCOL_VERSION)
      return {
        v: PROTOCOL_VERSION,
        refused: `protocol version ${JSON.stringify(request.v)} is not served; this agent speaks version ${PROTOCOL_VERSION}`,
      };
    if (request.health === true) return { v: PROTOCOL_VERSION, health: health() };
    const call = request.call;
    if (!isCall(call)) return { v: PROTOCOL_VERSION, refused: "the request is neither a call nor a health check" };
    if (inFlight >= options.queueLimit) {
      metrics.refusedBusy();
      return { v: PROTOCOL_VERSION, busy: `${inFlight} calls are in flight (the limit is ${options.queueLimit})` };
    }
    inFlight++;
    try {
      return { v: PROTOCOL_VERSION, answer: await serveCall(call) };
    } finally {
      inFlight--;
      idle();
    }
  };

  let whenIdle: (() => void) | undefined;
  const idle = () => {
    if (inFlight === 0) whenIdle?.();
  };

  const server = createServer((connection) => serveConnection(connection, reply));
  await listenPrivately(server, options.socketPath);
  const metricsServer = options.metricsAddress ? await metrics.serve(options.metricsAddress) : undefined;
  const bound = metricsServer?.address();
  const metricsUrl =
    bound && typeof bound === "object"
      ? `http://${bound.family === "IPv6" ? `[${bound.address}]` : bound.address}:${bound.port}/metrics`
      : undefined;
  options.log(`serving CNI calls on ${options.socketPath}${metricsUrl ? `, metrics on ${metricsUrl}` : ""}`);

  return {
    health,
    metricsUrl,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // The socket goes first, so a plugin exec'd from now on works in-process at once.
      removeSocket(options.socketPath);
      if (inFlight > 0) await new Promise<void>((resolve) => (whenIdle = resolve));
      await closed;
      metricsServer?.closeAllConnections();
      await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
    },
  };
}

const isCall = (call: unknown): call is CallRequest["call"] => {
  if (typeof call !== "object" || call === null) return false;
  const { env, stdin, deadline } = call as Record<string, unknown>;
  return (
    typeof env === "object" &&
    env !== null &&
    Object.values(env).every((value) => typeof value === "string") &&
    typeof stdin === "string" &&
    typeof deadline === "number"
  );
};

/** One request line per connection, then its reply line; a request over the bound is refused unread. */
function serveConnection(connection: Socket, reply: (line: string) => Promise<AgentReply>): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  const answer = (body: AgentReply) => {
    done = true;
    connection.end(`${JSON.stringify(body)}\n`);
  };
  connection.on("error", () => connection.destroy());
  connection.on("data", (chunk: Buffer) => {
    if (done) return;
    const newline = chunk.indexOf(10);
    const part = newline < 0 ? chunk : chunk.subarray(0, newline);
    size += part.length;
    if (size > MAX_REQUEST_BYTES) {
      answer({ v: PROTOCOL_VERSION, refused: `the request is larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MiB` });
      return;
    }
    chunks.push(part);
    if (newline < 0) return;
    done = true;
    reply(Buffer.concat(chunks).toString("utf8")).then(
      (body) => {
        if (!connection.destroyed) connection.end(`${JSON.stringify(body)}\n`);
      },
      () => connection.destroy(),
    );
  });
  connection.on("end", () => {
    if (!done) answer({ v: PROTOCOL_VERSION, refused: "the request ended without a newline" });
  });
}

/**
 * The socket's directory is made 0700 when the agent creates it. A socket file left by a killed
 * agent is removed; one that answers belongs to a live agent and is never taken over.
 */
async function claimSocketPath(path: string): Promise<void> {
  const dir = dirname(path);
  try {
    lstatSync(dir);
  } catch {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  let isSocket: boolean;
  try {
    isSocket = lstatSync(path).isSocket();
  } catch {
    return;
  }
  if (!isSocket) throw new AgentStartError(`${path} exists and is not a socket; remove it or choose another --socket`);
  if (await answers(path))
    throw new AgentStartError(
      `another agent serves on ${path}; stop it first (it keeps serving), or give this one another --socket`,
    );
  unlinkSync(path);
}

export class AgentStartError extends Failure {}

const answers = (path: string): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = createConnection(path);
    probe.once("connect", () => {
      probe.destroy();
      resolve(true);
    });
    probe.once("error", () => resolve(false));
  });

/** Listens with a umask that leaves the socket 0600 from its first moment: only root may connect. */
async function listenPrivately(server: Server, path: string): Promise<void> {
  const previous = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(path, () => resolve());
    });
  } finally {
    process.umask(previous);
  }
  chmodSync(path, 0o600);
}

function removeSocket(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone (removed by hand, or by a successor that found it dead).
  }
}
