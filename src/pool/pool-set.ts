// The pools a network may use: stored and inline pools combined, overlap-checked, and chosen per family.
import { CniError, ErrorCode } from "../errors.js";
import { compareCidrs, cidrsOverlap, parseCidr, formatCidr, type Family } from "../alloc/address.js";
import type { Pool } from "./resource.js";

/** Rejects any two pools whose ranges overlap: one address must never belong to two pools. */
export function assertNoOverlap(pools: readonly Pool[], where: string): void {
  const sorted = [...pools].sort((a, b) => compareCidrs(a.cidr, b.cidr));
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (cidrsOverlap(a.cidr, b.cidr)) {
      throw new CniError(
        ErrorCode.invalidConfig,
        `${where}: pool ${b.id} overlaps pool ${a.id}`,
        "pools may not share addresses",
      );
    }
  }
}

/**
 * Stored pools plus the netconf's inline ones. An inline pool with the same CIDR as a stored
 * one replaces it for this network (the network's own config is the more specific word); any
 * other overlap is an error. Allocation state is keyed by CIDR, so networks sharing a pool
 * share its bitmap and never hand out one address twice.
 */
export function combinePools(stored: readonly Pool[], inline: readonly Pool[]): Pool[] {
  const inlineIds = new Set(inline.map((pool) => pool.id));
  const combined = [...stored.filter((pool) => !inlineIds.has(pool.id)), ...inline];
  assertNoOverlap(combined, "pools of this network (stored and ipam.ipPools)");
  return combined.sort((a, b) => compareCidrs(a.cidr, b.cidr));
}

/**
 * Candidate pools of one family, in the order to try them. A list (ipam.ipv4_pools /
 * ipv6_pools) restricts and orders them, and naming a missing or disabled pool is an error;
 * without one, every enabled pool of the family is a candidate, in CIDR order.
 */
export function candidatePools(pools: readonly Pool[], family: Family, list: readonly string[] | undefined): Pool[] {
  if (!list) return pools.filter((pool) => pool.cidr.family === family && !pool.disabled);
  const field = `ipam.ipv${family}_pools`;
  return list.map((entry) => {
    const parsed = parseCidr(entry);
    if (!parsed || parsed.cidr.family !== family) {
      throw new CniError(ErrorCode.invalidConfig, `${field}: ${JSON.stringify(entry)} is not an IPv${family} CIDR`);
    }
    const id = formatCidr(parsed.cidr);
    const pool = pools.find((candidate) => candidate.id === id);
    if (!pool) {
      throw new CniError(
        ErrorCode.noUsablePool,
        `${field} names pool ${id}, which does not exist`,
        "create it with 'ippool apply -f FILE' or list it in ipam.ipPools",
      );
    }
    if (pool.disabled) {
      throw new CniError(
        ErrorCode.noUsablePool,
        `${field} names pool ${id}, which is disabled`,
        "enable it or remove it from the list",
      );
    }
    return pool;
  });
}
