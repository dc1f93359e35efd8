// The agent's wire protocol: one line of JSON each way on a unix socket. The exec'd plugin loads
// this module and forward.ts only, so nothing here may import the allocator, zod or a store.

/** Bumped on any change a peer of the other version would misread; a mismatch is refused, and the plugin works in-process. */
export const PROTOCOL_VERSION = 1;

export const DEFAULT_AGENT_SOCKET = "/run/ippool/agent.sock";

/** A call carries a netconf (at most 4 MiB, base64-encoded) and its environment; anything larger is no call. */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

/** How long the plugin waits for the agent's answer before it does the call in-process. */
export const DEFAULT_FORWARD_SECONDS = 10;

export interface CallRequest {
  readonly v: number;
  readonly call: {
    /** The plugin's whole environment, as the runtime set it. */
    readonly env: Record<string, string>;
    /** The stdin bytes, base64: passed on exactly as they came. */
    readonly stdin: string;
    /** Milliseconds since the epoch after which the caller no longer waits: the agent drops a call it has not begun by then. */
    readonly deadline: number;
  };
}

export interface HealthRequest {
  readonly v: number;
  readonly health: true;
}

/** The plugin's answer, exactly what the in-process path would print. */
export interface CallAnswer {
  readonly stdout: string;
  readonly exitCode: number;
  /** Lines for stderr (without the "ippool: warning: " prefix the plugin adds). */
  readonly warnings: readonly string[];
}

export interface AgentHealth {
  readonly serving: boolean;
  readonly pid: number;
  readonly version: string;
  /** ISO time the agent began serving. */
  readonly since: string;
  /** Calls received and not answered yet. */
  readonly inFlight: number;
  readonly queueLimit: number;
  /** Calls answered since start, by verb and outcome ("ADD ok", "DEL error"). */
  readonly calls: Readonly<Record<string, number>>;
}

export type AgentReply =
  | { readonly v: number; readonly answer: CallAnswer }
  | { readonly v: number; readonly health: AgentHealth }
  /** The queue is full: the plugin does the call itself at once. */
  | { readonly v: number; readonly busy: string }
  /** Not a request this agent serves (another protocol version, not JSON, too large). */
  | { readonly v: number; readonly refused: string };

/**
 * The netconf's ipam.agentSocket, found by its field rather than by parsing: this runs on every
 * call before anything else, and parsing a hostile 4 MiB of nesting would cost what the in-process
 * path bounds. A path with a quote or backslash in it is not recognised (the schema still checks it).
 */
const AGENT_SOCKET_FIELD = /"agentSocket"\s*:\s*"([^"\\]+)"/;

/** Where the plugin looks for the agent: the netconf's ipam.agentSocket, else IPPOOL_AGENT_SOCKET, else the default. */
export function agentSocketOf(stdin: string, env: Readonly<Record<string, string | undefined>>): string {
  return AGENT_SOCKET_FIELD.exec(stdin)?.[1] ?? (env.IPPOOL_AGENT_SOCKET || DEFAULT_AGENT_SOCKET);
}
