// What the CLI asks about pools in a store: who holds addresses, pools known by their blocks.
import { blockPrefix, blockSchema } from "../../ipam/store-documents.js";
import { poolIdsWithBlocks } from "../../ipam/blocks.js";
import type { StoreReader } from "../../store/store.js";

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
