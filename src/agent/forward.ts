// The exec'd plugin's first try: hand the call to the node agent and print its answer. Anything
// short of an answer (no socket, refused, busy, another protocol version, silence until the
// deadline, a connection that drops) returns undefined, and the plugin does the call in-process.
import { existsSync } from "node:fs";
import { PROTOCOL_VERSION, type AgentReply, type CallAnswer } from "./protocol.js";

interface BunSocket {
  write(data: string | Uint8Array): number;
  end(): void;
}

interface BunRuntime {
  connect(options: {
    unix: string;
    socket: {
      open(socket: BunSocket): void;
      data(socket: BunSocket, chunk: Uint8Array): void;
      drain(socket: BunSocket): void;
      close(): void;
      error(socket: BunSocket, error: Error): void;
      connectError?(socket: BunSocket, error: Error): void;
    };
  }): Promise<BunSocket>;
}

/** One request line out, one reply line back; undefined when no reply line came. */
type Exchange = (socketPath: string, request: string, timeoutMs: number) => Promise<string | undefined>;

export async function forwardToAgent(
  socketPath: string,
  env: Readonly<Record<string, string | undefined>>,
  stdin: Buffer,
  timeoutMs: number,
): Promise<CallAnswer | undefined> {
  // No socket file, no agent: the common case where none is deployed costs one stat, and the
  // socket client (node:net under Node) is never loaded.
  if (!existsSync(socketPath)) return undefined;
  const definedEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) definedEnv[name] = value;
  const request = `${JSON.stringify({
    v: PROTOCOL_VERSION,
    call: { env: definedEnv, stdin: stdin.toString("base64"), deadline: Date.now() + timeoutMs },
  })}\n`;
  const bun = (globalThis as { Bun?: BunRuntime }).Bun;
  const line = await (bun ? bunExchange(bun) : nodeExchange)(socketPath, request, timeoutMs);
  if (line === undefined) return undefined;
  try {
    const reply = JSON.parse(line) as AgentReply;
    if (reply.v !== PROTOCOL_VERSION || !("answer" in reply)) return undefined;
    const { stdout, exitCode, warnings } = reply.answer;
    if (typeof stdout !== "string" || !Number.isInteger(exitCode) || !Array.isArray(warnings)) return undefined;
    return reply.answer;
  } catch {
    return undefined;
  }
}

/** Collects bytes up to the first newline; the text before it is the reply. */
function lineCollector(): { add(chunk: Uint8Array): string | undefined } {
  const chunks: Buffer[] = [];
  return {
    add(chunk) {
      const buffer = Buffer.from(chunk);
      const newline = buffer.indexOf(10);
      if (newline < 0) {
        chunks.push(buffer);
        return undefined;
      }
      chunks.push(buffer.subarray(0, newline));
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}

/** The compiled executable's path: Bun.connect costs a fraction of node:net's start-up. */
const bunExchange =
  (bun: BunRuntime): Exchange =>
  (socketPath, request, timeoutMs) =>
    new Promise((resolve) => {
      const reply = lineCollector();
      let pending = Buffer.from(request);
      let socket: BunSocket | undefined;
      const finish = (line: string | undefined) => {
        clearTimeout(timer);
        socket?.end();
        resolve(line);
      };
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      const flush = (target: BunSocket) => {
        const written = target.write(pending);
        pending = pending.subarray(Math.max(written, 0));
      };
      bun
        .connect({
          unix: socketPath,
          socket: {
            open(opened) {
              socket = opened;
              flush(opened);
            },
            drain: (target) => (pending.length > 0 ? flush(target) : undefined),
            data(_socket, chunk) {
              const line = reply.add(chunk);
              if (line !== undefined) finish(line);
            },
            close: () => finish(undefined),
            error: () => finish(undefined),
            connectError: () => finish(undefined),
          },
        })
        .catch(() => finish(undefined));
    });

/** One request line and its reply line over node:net; also what `agent status` asks with. */
export const nodeExchange: Exchange = async (socketPath, request, timeoutMs) => {
  const { createConnection } = await import("node:net");
  return new Promise((resolve) => {
    const reply = lineCollector();
    const socket = createConnection(socketPath);
    const finish = (line: string | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(line);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.on("connect", () => socket.write(request));
    socket.on("data", (chunk: Buffer) => {
      const line = reply.add(chunk);
      if (line !== undefined) finish(line);
    });
    socket.on("error", () => finish(undefined));
    socket.on("close", () => finish(undefined));
  });
};
