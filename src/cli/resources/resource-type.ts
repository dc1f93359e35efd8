// Command-line words for resources: the TYPE aliases of the v1 specs, CIDR and node-name arguments.
import { formatCidr, parseCidr } from "../../alloc/address.js";
import { nodeNameProblem } from "../../node/name.js";
import { UsageError } from "../framework/context.js";

/** The resource-type aliases of docs/ippool-v1.md: exactly these, in any letter case. */
export const POOL_TYPE_ALIASES = ["ippool", "ippools", "ipp", "ipps", "pool", "pools"] as const;
/** The node spec's aliases, in any letter case. */
export const NODE_TYPE_ALIASES = ["node", "nodes", "no", "nos"] as const;

export type ResourceKind = "ipPool" | "node";

/** Checks the TYPE argument and says which resource it names. */
export function resourceType(word: string | undefined, command: string): ResourceKind {
  const accepted = `accepted types: ${[...POOL_TYPE_ALIASES, ...NODE_TYPE_ALIASES].join(", ")} (any case)`;
  if (word === undefined) throw new UsageError(`'ippool ${command}' needs a resource TYPE; ${accepted}`, command);
  const lower = word.toLowerCase();
  if ((POOL_TYPE_ALIASES as readonly string[]).includes(lower)) return "ipPool";
  if ((NODE_TYPE_ALIASES as readonly string[]).includes(lower)) return "node";
  throw new UsageError(`unknown resource type '${word}'; ${accepted}`, command);
}

/** A pool's identity from a CIDR argument, canonical ("10.1.2.3/16" names 10.1.0.0/16, "fd00:0::/64" fd00::/64). */
export function poolIdArgument(text: string, command: string): string {
  const parsed = parseCidr(text);
  if (!parsed)
    throw new UsageError(
      `'${text}' is not an IPv4 or IPv6 CIDR (a pool is named by its CIDR, e.g. 10.22.0.0/16)`,
      command,
    );
  return formatCidr(parsed.cidr);
}

/** A node's name from an argument, checked as the resource checks metadata.name (it becomes a store key). */
export function nodeNameArgument(text: string, command: string): string {
  const problem = nodeNameProblem(text);
  if (problem !== undefined) throw new UsageError(`'${text}' is not a node name: ${problem}`, command);
  return text;
}
