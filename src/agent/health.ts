// Asking an agent whether it serves: `ippool agent status` and a DaemonSet's probes.
import { nodeExchange } from "./forward.js";
import { PROTOCOL_VERSION, type AgentHealth, type AgentReply } from "./protocol.js";

/** The agent's health, or undefined when nothing on `socketPath` answers within `timeoutMs`. */
export async function agentHealth(socketPath: string, timeoutMs: number): Promise<AgentHealth | undefined> {
  const line = await nodeExchange(socketPath, `${JSON.stringify({ v: PROTOCOL_VERSION, health: true })}\n`, timeoutMs);
  if (line === undefined) return undefined;
  try {
    const reply = JSON.parse(line) as AgentReply;
    return "health" in reply ? reply.health : undefined;
  } catch {
    return undefined;
  }
}
