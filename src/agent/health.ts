// Asking an agent whether it serves: `ippool agent status` and a DaemonSet's probes.
import { createConnection } from "node:net";
import { PROTOCOL_VERSION, type AgentHealth, type AgentReply } from "./protocol.js";

/** The agent's health, or undefined when nothing on `socketPath` answers within `timeoutMs`. */
export function agentHealth(socketPath: string, timeoutMs: number): Promise<AgentHealth | undefined> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    const chunks: Buffer[] = [];
    const finish = (health: AgentHealth | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(health);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.on("connect", () => socket.write(`${JSON.stringify({ v: PROTOCOL_VERSION, health: true })}\n`));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => {
      try {
        const reply = JSON.parse(Buffer.concat(chunks).toString("utf8")) as AgentReply;
        finish("health" in reply ? reply.health : undefined);
      } catch {
        finish(undefined);
      }
    });
    socket.on("error", () => finish(undefined));
  });
}
