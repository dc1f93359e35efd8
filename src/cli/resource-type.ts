// Command-line words for pools: the TYPE aliases of the v1 spec and CIDR arguments.
import { formatCidr, parseCidr } from "../alloc/address.js";
import { UsageError } from "./context.js";

/** ../shared/spec/ippool-v1.md, "The resource-type aliases": exactly these, in any letter case. */
export const POOL_TYPE_ALIASES = ["ippool", "ippools", "ipp", "ipps", "pool", "pools"] as const;

/** Checks the TYPE argument; the only resource type ippool has is the IP pool. */
export function requirePoolType(word: string | undefined, command: string): void {
  const accepted = `accepted types: ${POOL_TYPE_ALIASES.join(", ")} (any case)`;
  if (word === undefined) throw new UsageError(`'ippool ${command}' needs a resource TYPE; ${accepted}`, command);
  if (!(POOL_TYPE_ALIASES as readonly string[]).includes(word.toLowerCase())) {
    throw new UsageError(`unknown resource type '${word}'; ${accepted}`, command);
  }
}

/** A pool's identity from a CIDR argument, canonical ("10.1.2.3/16" names 10.1.0.0/16, "fd00:0::/64" fd00::/64). */
export function poolIdArgument(text: string, command: string): string {
  const parsed = parseCidr(text);
  if (!parsed) throw new UsageError(`'${text}' is not an IPv4 or IPv6 CIDR (a pool is named by its CIDR, e.g. 10.22.0.0/16)`, command);
  return formatCidr(parsed.cidr);
}
