// The node's name: ipam.nodename, else NODENAME, else the host name; checked once, since it becomes a store key segment.
import { hostname } from "node:os";
import { CniError, ErrorCode } from "./errors.js";
import { NAME_PATTERN } from "./env.js";

/** A DNS name's limit; Kubernetes node names fit it. */
export const MAX_NODENAME_LENGTH = 253;

/** Why `name` cannot be a node name, or undefined when it can. */
export function nodenameProblem(name: string): string | undefined {
  if (name.length > MAX_NODENAME_LENGTH) return `may be at most ${MAX_NODENAME_LENGTH} characters`;
  // The pattern rules out '/', a leading '.', and so '.' and '..': a node name is a directory of the disk store.
  if (!NAME_PATTERN.test(name)) return `must match ${NAME_PATTERN.source}`;
  return undefined;
}

/**
 * The configured name wins (netconf or --nodename, already checked where it entered), then the
 * NODENAME environment variable (as Calico reads it), then the host name.
 */
export function resolveNodename(configured: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  if (configured !== undefined) return configured;
  const [name, source] = env.NODENAME ? [env.NODENAME, "env variable NODENAME"] : [hostname(), "the host name"];
  const problem = nodenameProblem(name);
  if (problem !== undefined) {
    throw new CniError(ErrorCode.invalidEnvironment, `node name ${JSON.stringify(name)} from ${source} ${problem}`, "set ipam.nodename or NODENAME to the node's name");
  }
  return name;
}
