// Converting a store written by an earlier version (one claims document per pool) to a claim per block.
import * as z from "zod/mini";
import type { Store, StoreReader, StoreTxn } from "../store/store.js";
import {
  LEGACY_CLAIMS_PREFIX,
  blockClaimKey,
  blockKey,
  blockSchema,
  legacyClaimsSchema,
  poolIdFromSegment,
  type LegacyClaimsDoc,
} from "./store-documents.js";
import { notePoolWithBlocks, readBlockClaim } from "./block-state.js";
import { claimedBlocks } from "./blocks.js";

/** Thrown from a transaction's work when the store still has the earlier layout: convert first, then run it again. */
export class EarlierLayout extends Error {
  constructor() {
    super("the store has the layout of an earlier ippool version");
  }
}

/** Claims written per transaction while converting: a compare and a put each, well below etcd's 128 operations. */
const BATCH = 32;

/** Throws EarlierLayout while any claims document of an earlier version is left (an ADD prefetches this listing). */
export async function assertCurrentLayout(txn: StoreReader): Promise<void> {
  if ((await txn.list(LEGACY_CLAIMS_PREFIX)).length > 0) throw new EarlierLayout();
}

/** `store.update(work)`, converting the store first when the work finds it in the earlier layout. */
export async function updateInCurrentLayout<T>(store: Store, work: (txn: StoreTxn) => Promise<T>): Promise<T> {
  try {
    return await store.update(work);
  } catch (error) {
    if (!(error instanceof EarlierLayout)) throw error;
  }
  await upgradeLayout(store);
  return store.update(work);
}

/**
 * Each claims document becomes one claim per block it lists (a listed block whose document is
 * missing stays claimed: lost, not freed), plus a claim for every block of the pool without one,
 * and the pool's entry among the pools with blocks; then the document goes. Every step is its own
 * idempotent transaction, so nodes converting at once, or a conversion cut short, do no harm;
 * the document is removed only by a transaction that finds it as it was read, so a block an
 * earlier-version process claimed meanwhile is converted in the next round. No address changes
 * hands: the blocks and their bitmaps stay as they are. Returns the count of claims written.
 */
export async function upgradeLayout(store: Store): Promise<number> {
  let written = 0;
  for (;;) {
    const legacy = await store.read(async (txn) => {
      const docs: { key: string; doc: LegacyClaimsDoc; blocks: bigint[] }[] = [];
      for (const key of await txn.list(LEGACY_CLAIMS_PREFIX)) {
        const doc = await txn.get(key, legacyClaimsSchema);
        const poolId = poolIdFromSegment(key.slice(LEGACY_CLAIMS_PREFIX.length));
        if (doc) docs.push({ key, doc, blocks: await claimedBlocks(txn, poolId) });
      }
      return docs;
    });
    if (legacy.length === 0) return written;
    for (const { key, doc, blocks } of legacy) {
      const poolId = poolIdFromSegment(key.slice(LEGACY_CLAIMS_PREFIX.length));
      const hexes = [...new Set([...Object.keys(doc.blocks), ...blocks.map((block) => block.toString(16))])];
      for (let start = 0; start < hexes.length; start += BATCH) {
        written += await store.update((txn) => writeClaims(txn, poolId, doc, hexes.slice(start, start + BATCH)));
      }
      await store.update(async (txn) => {
        const current = await txn.get(key, legacyClaimsSchema);
        if (JSON.stringify(current) !== JSON.stringify(doc)) return;
        await notePoolWithBlocks(txn, poolId);
        txn.delete(key);
      });
    }
  }
}

/** A claim for each block of `hexes` that has none, naming the node the block (or else the old document) names. */
async function writeClaims(
  txn: StoreTxn,
  poolId: string,
  doc: LegacyClaimsDoc,
  hexes: readonly string[],
): Promise<number> {
  let written = 0;
  for (const hex of hexes) {
    const block = BigInt(`0x${hex}`);
    if (await readBlockClaim(txn, poolId, block)) continue;
    // The block's own affinity wins over the document's; a damaged block is left for verify to name.
    const affine = await txn.get(blockKey(poolId, block), z.catch(z.optional(blockSchema), undefined));
    const node = affine?.node ?? doc.blocks[hex];
    if (node === undefined) continue;
    txn.put(blockClaimKey(poolId, block), { pool: poolId, node });
    written++;
  }
  return written;
}
