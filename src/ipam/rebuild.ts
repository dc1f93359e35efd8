// Rebuilding a lost or restored block from the attachment records, the one repair that is safe and unambiguous.
import { StoreError, isDamage } from "../store/store-error.js";
import { bitmapToHex, setBit } from "../alloc/bitmap.js";
import { parseAddress } from "../alloc/address.js";
import { damagedKeyOf, type StoreTxn } from "../store/store.js";
import {
  attachmentKey,
  attachmentSchema,
  blockClaimKey,
  blockKey,
  blockSchema,
  idOfAttachment,
  nodeStateKey,
  type BlockDoc,
  type BlockOwner,
} from "./store-documents.js";
import { blockCidrOf, locate, notePoolWithBlocks, offsetOf, readBlockClaim, readNodeState } from "./block-state.js";
import { nodesWithState } from "./blocks.js";
import { listAttachments } from "./release.js";

export interface RebuiltBlock {
  readonly cidr: string;
  readonly node: string;
  /** Addresses the attachment records hold in the block. */
  readonly held: number;
  /** Owners of the old copy kept because their attachment record is missing (a leak, never a free bit). */
  readonly keptUnknown: number;
}

/**
 * Attachment records are written in the same commit as the bits they hold, so every address an
 * attachment lists in the block gets its bit back, with that allocation's handle. A bit of the
 * old copy whose owner has no record at all is kept (unknown is never free); one whose owner's
 * record no longer lists it is dropped, as its release did. The write count goes past what the
 * node recorded, so the block is current again. Refused when it is ambiguous: two records
 * holding one address, or several nodes listing the block.
 */
/**
 * The block as it is, or undefined when it is gone or damaged: a damaged copy is replaced like a
 * lost one (the attachment records are the truth), except that owners it alone knew are lost.
 */
async function readOldCopy(txn: StoreTxn, key: string): Promise<BlockDoc | undefined> {
  try {
    return await txn.get(key, blockSchema);
  } catch (error) {
    if (isDamage(error) && damagedKeyOf(error) === key) return undefined;
    throw error;
  }
}

export async function rebuildBlock(txn: StoreTxn, poolId: string, block: bigint): Promise<RebuiltBlock> {
  const key = blockKey(poolId, block);
  const hex = block.toString(16);
  const old = await readOldCopy(txn, key);
  const listing: string[] = [];
  for (const node of await nodesWithState(txn))
    if ((await readNodeState(txn, node, poolId)).blocks[hex] !== undefined) listing.push(node);
  const claimant = (await readBlockClaim(txn, poolId, block))?.node;
  const nodes = [...new Set([...listing, ...(old ? [old.node] : []), ...(claimant !== undefined ? [claimant] : [])])];
  if (nodes.length !== 1) {
    throw new StoreError(
      "damaged",
      nodes.length === 0
        ? `block ${blockCidrOf(poolId, block)} is not claimed: nothing to rebuild`
        : `block ${blockCidrOf(poolId, block)} is claimed by several nodes (${nodes.join(", ")})`,
      "see 'ippool blocks' and 'ippool verify'; a block is rebuilt only when one node holds it",
    );
  }
  const node = nodes[0]!;
  let bitmap = 0n;
  const owners: Record<string, BlockOwner> = {};
  for (const doc of await listAttachments(txn)) {
    for (const { pool, address } of doc.addresses) {
      if (pool !== poolId || parseAddress(address) === undefined) continue;
      const place = locate(poolId, offsetOf(poolId, address));
      if (place.block !== block) continue;
      const holder = owners[place.bit];
      if (holder)
        throw new StoreError(
          "damaged",
          `${address} is held by both ${holder.attachment} and ${idOfAttachment(doc)}`,
          "release one of them first ('ippool release'), then rebuild",
        );
      owners[place.bit] = { attachment: idOfAttachment(doc), handle: doc.handle };
      bitmap = setBit(bitmap, place.bit);
    }
  }
  const held = Object.keys(owners).length;
  let keptUnknown = 0;
  for (const [bit, owner] of Object.entries(old?.owners ?? {})) {
    if (owners[bit] || (await txn.get(attachmentKey(owner.attachment), attachmentSchema))) continue;
    owners[bit] = owner;
    bitmap = setBit(bitmap, Number(bit));
    keptUnknown++;
  }
  const state = await readNodeState(txn, node, poolId);
  const seq = Math.max(old?.seq ?? 0, state.blocks[hex] ?? 0) + 1;
  txn.put(key, { pool: poolId, node, seq, bitmap: bitmapToHex(bitmap), owners });
  txn.put(nodeStateKey(node, poolId), { ...state, blocks: { ...state.blocks, [hex]: seq } });
  if (claimant === undefined) txn.put(blockClaimKey(poolId, block), { pool: poolId, node });
  await notePoolWithBlocks(txn, poolId);
  return { cidr: blockCidrOf(poolId, block), node, held, keptUnknown };
}
