// What the CLI asks about pools in a store: usage counts, who holds addresses, pools known by their blocks.
import { poolLayout, usableCount } from "../../alloc/pool-layout.js";
import { blockPrefix, blockSchema, poolCidr } from "../../ipam/store-documents.js";
import { poolIdsWithBlocks, usedInPool } from "../../ipam/blocks.js";
import type { StoreReader } from "../../store/store.js";

export interface PoolUsage {
  readonly capacity: bigint;
  readonly used: bigint;
  readonly free: bigint;
}

/** Capacity is what can be handed out: never the network address, network+1 (the gateway) or the IPv4 broadcast. Used is summed over the blocks' bitmaps. */
export async function poolUsage(txn: StoreReader, poolId: string): Promise<PoolUsage> {
  const capacity = usableCount(poolLayout(poolCidr(poolId)));
  const used = await usedInPool(txn, poolId);
  return { capacity, used, free: capacity > used ? capacity - used : 0n };
}

/** Up to `limit` attachment ids holding addresses of a pool, read from its blocks' owner lists. */
export async function poolHolders(txn: StoreReader, poolId: string, limit: number): Promise<string[]> {
  const holders = new Set<string>();
  for (const key of await txn.list(blockPrefix(poolId))) {
    const block = await txn.get(key, blockSchema);
    for (const owner of Object.values(block?.owners ?? {})) {
      holders.add(owner.attachment);
      if (holders.size >= limit) return [...holders];
    }
  }
  return [...holders];
}

/**
 * Pools that have claimed blocks: stored ones, deleted ones whose blocks remain, and pools given
 * inline in a network config (ipam.ipPools), which are never stored.
 */
export const poolIdsWithState = poolIdsWithBlocks;
