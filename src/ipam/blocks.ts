// Claimed blocks across the store: which exist, who is affine to them, how full they are, and handing empty ones back.
import { compareCidrs } from "../alloc/address.js";
import { bitmapFromHex, setBits } from "../alloc/bitmap.js";
import { blockCapacity, poolLayout, usableCount } from "../alloc/pool-layout.js";
import type { StoreReader, StoreTxn } from "../store/store.js";
import {
  BLOCK_PREFIX,
  NODE_STATE_PREFIX,
  blockClaimKey,
  blockKey,
  blockPrefix,
  blockSchema,
  nodeStateKey,
  nodeStatePrefix,
  nodeStateSchema,
  poolCidr,
  poolIdFromSegment,
  poolWithBlocksKey,
  type BlockDoc,
} from "./store-documents.js";
import { blockCidrOf, readBlock } from "./block-state.js";

export interface BlockSummary {
  /** The block's own CIDR (a /26 or /122, or the pool itself when it is smaller). */
  cidr: string;
  /** The pool's CIDR. */
  pool: string;
  /** The affine node. */
  node: string;
  /** Addresses held; reserved ones (network, network+1, IPv4 broadcast) count as neither used nor free. */
  used: number;
  free: number;
}

/** Pools with at least one claimed block, whether stored, inline in some netconf, or deleted with --force. */
export async function poolIdsWithBlocks(reader: StoreReader): Promise<string[]> {
  return (await reader.list(BLOCK_PREFIX)).map((key) => poolIdFromSegment(key.slice(BLOCK_PREFIX.length)));
}

/** The indexes of a pool's claimed blocks. */
export async function claimedBlocks(reader: StoreReader, poolId: string): Promise<bigint[]> {
  const prefix = blockPrefix(poolId);
  return (await reader.list(prefix)).map((key) => BigInt(`0x${key.slice(prefix.length)}`));
}

/** Nodes that have state in the store (a cursor or affine blocks in some pool). */
export async function nodesWithState(reader: StoreReader): Promise<string[]> {
  return (await reader.list(NODE_STATE_PREFIX)).map((key) => key.slice(NODE_STATE_PREFIX.length));
}

/** Held addresses of a block: set bits that are not reserved (a reserved bit set by hand is verify's business). */
export function usedInBlock(doc: BlockDoc, poolId: string, block: bigint): number {
  const layout = poolLayout(poolCidr(poolId));
  const base = block * layout.blockSize;
  return setBits(bitmapFromHex(doc.bitmap)).filter((bit) => !layout.reserved.has(base + BigInt(bit))).length;
}

/** Addresses held in a pool, summed over its blocks' bitmaps (the truth; no count is kept). */
export async function usedInPool(txn: StoreReader, poolId: string): Promise<bigint> {
  let used = 0n;
  for (const block of await claimedBlocks(txn, poolId)) {
    const doc = await txn.get(blockKey(poolId, block), blockSchema);
    if (doc) used += BigInt(usedInBlock(doc, poolId, block));
  }
  return used;
}

/** Every claimed block, by pool then address. */
export async function listBlocks(reader: StoreReader): Promise<BlockSummary[]> {
  const summaries: BlockSummary[] = [];
  const pools = (await poolIdsWithBlocks(reader)).sort((a, b) => compareCidrs(poolCidr(a), poolCidr(b)));
  for (const pool of pools) {
    const layout = poolLayout(poolCidr(pool));
    const indexes = (await claimedBlocks(reader, pool)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const block of indexes) {
      const doc = await reader.get(blockKey(pool, block), blockSchema);
      if (!doc) continue;
      const used = usedInBlock(doc, pool, block);
      summaries.push({
        cidr: blockCidrOf(pool, block),
        pool,
        node: doc.node,
        used,
        free: Math.max(0, blockCapacity(layout, block) - used),
      });
    }
  }
  return summaries;
}

/**
 * Hands back `node`'s empty blocks so any node may claim them. With `forgetNode` (a node that is
 * gone) its state documents go too once it has no block left in a pool. Returns the CIDRs of
 * the blocks released. Only the blocks the node's state lists are read, each in this
 * transaction, so one that took an address meanwhile is kept (the commit's compare-and-swap sees
 * the change).
 */
export async function releaseEmptyBlocks(txn: StoreTxn, node: string, forgetNode: boolean): Promise<string[]> {
  const released: string[] = [];
  const statePools = (await txn.list(nodeStatePrefix(node))).map((key) =>
    poolIdFromSegment(key.slice(nodeStatePrefix(node).length)),
  );
  for (const pool of statePools) {
    const state = await txn.get(nodeStateKey(node, pool), nodeStateSchema);
    if (!state) continue;
    const kept: Record<string, number> = { ...state.blocks };
    const releasedBefore = released.length;
    for (const hex of Object.keys(state.blocks)) {
      const block = BigInt(`0x${hex}`);
      const doc = await readBlock(txn, pool, block);
      if (!doc || doc.node !== node || bitmapFromHex(doc.bitmap) !== 0n) continue;
      txn.delete(blockKey(pool, block));
      txn.delete(blockClaimKey(pool, block));
      delete kept[hex];
      released.push(blockCidrOf(pool, block));
    }
    if (released.length > releasedBefore) await forgetPoolIfEmpty(txn, pool);
    if (forgetNode && Object.keys(kept).length === 0) txn.delete(nodeStateKey(node, pool));
    else if (Object.keys(kept).length !== Object.keys(state.blocks).length)
      txn.put(nodeStateKey(node, pool), { ...state, blocks: kept });
  }
  return released;
}

/**
 * Takes a pool off the pools with blocks once its last block is handed back. The unchecked look
 * keeps a pool with other blocks as it is (always safe); only an empty-looking pool is listed
 * for real, which the commit checks and which then holds only the blocks this transaction deletes.
 */
async function forgetPoolIfEmpty(txn: StoreTxn, pool: string): Promise<void> {
  if ((await txn.peekList(blockPrefix(pool))).length > 0) return;
  if ((await txn.list(blockPrefix(pool))).length === 0) txn.delete(poolWithBlocksKey(pool));
}

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
