// Reading and changing blocks inside a transaction; every block write is recorded in its affine node's state.
import { StoreError } from "../store/store-error.js";
import { bitmapFromHex, bitmapToHex, clearBit, isBitSet, setBit } from "../alloc/bitmap.js";
import { addressAt, familyBits, parseAddress } from "../alloc/address.js";
import { poolLayout } from "../alloc/pool-layout.js";
import { tagDamagedKey, type StoreReader, type StoreTxn } from "../store/store.js";
import {
  blockClaimKey,
  blockClaimSchema,
  blockKey,
  blockSchema,
  nodeStateKey,
  nodeStateSchema,
  poolCidr,
  poolWithBlocksKey,
  poolWithBlocksSchema,
  type BlockClaimDoc,
  type BlockDoc,
  type BlockOwner,
  type NodeStateDoc,
} from "./store-documents.js";

/** The offset in its pool of an address ippool recorded (so known to parse and to lie in the pool). */
export const offsetOf = (poolId: string, address: string): bigint =>
  parseAddress(address)!.value - poolCidr(poolId).network;

/** Where an offset lives: its block and bit. Block size depends only on the pool's size. */
export function locate(poolId: string, offset: bigint): { block: bigint; bit: number } {
  const { blockSize } = poolLayout(poolCidr(poolId));
  return { block: offset / blockSize, bit: Number(offset % blockSize) };
}

export async function readNodeState(txn: StoreReader, node: string, poolId: string): Promise<NodeStateDoc> {
  return (await txn.get(nodeStateKey(node, poolId), nodeStateSchema)) ?? { pool: poolId, node, blocks: {} };
}

/** Tagged with the block's key: the store's user gives the way out (damage-advice.ts), which names the store's flags. */
const blockRefused = (poolId: string, block: bigint, message: string): StoreError =>
  tagDamagedKey(
    new StoreError("damaged", message, "nothing was allocated from it; see 'ippool verify'"),
    blockKey(poolId, block),
  );

/** The CIDR of a block, e.g. 10.22.0.64/26 (the pool itself when it is smaller than a block). */
export function blockCidrOf(poolId: string, block: bigint): string {
  const cidr = poolCidr(poolId);
  const { blockSize } = poolLayout(cidr);
  const prefix = familyBits(cidr.family) - (blockSize.toString(2).length - 1);
  return `${addressAt(cidr, block * blockSize)}/${prefix}`;
}

/**
 * A block as the allocator may trust it. Its affine node records the block's last write, so a
 * file restored from an earlier copy (whose bitmap misses addresses handed out since) is refused
 * instead of read as free space.
 */
export async function readBlock(txn: StoreReader, poolId: string, block: bigint): Promise<BlockDoc | undefined> {
  const key = blockKey(poolId, block);
  const doc = await txn.get(key, blockSchema);
  if (!doc) return undefined;
  const recorded = (await readNodeState(txn, doc.node, poolId)).blocks[block.toString(16)];
  if (recorded !== undefined && doc.seq < recorded) {
    throw blockRefused(
      poolId,
      block,
      `block ${key} is older than node ${doc.node}'s record of it (the block shows write ${doc.seq}, the node recorded write ${recorded}): ` +
        "it was restored from an earlier copy, so addresses handed out since may look free",
    );
  }
  return doc;
}

/** A block that `node`'s state lists: its document must exist, or its addresses were lost rather than freed. */
export async function readListedBlock(
  txn: StoreReader,
  node: string,
  poolId: string,
  block: bigint,
): Promise<BlockDoc> {
  const doc = await readBlock(txn, poolId, block);
  if (doc) return doc;
  throw lostBlock(poolId, block, `node ${node}'s state ${nodeStateKey(node, poolId)}`);
}

/** A claimed block whose document is gone: refused, since its addresses may be held. */
export const lostBlock = (poolId: string, block: bigint, listedBy: string): StoreError =>
  blockRefused(poolId, block, `block ${blockKey(poolId, block)} is missing, but ${listedBy} lists it as claimed`);

/** The claim of one block (who claimed it), present from the block's claim until it is handed back. */
export function readBlockClaim(txn: StoreReader, poolId: string, block: bigint): Promise<BlockClaimDoc | undefined> {
  return txn.get(blockClaimKey(poolId, block), blockClaimSchema);
}

/**
 * A block created for `node` now: its claim is read, so of two nodes racing for the block the
 * commit of one fails its compare (one retry); a claim left without its block means the block
 * was lost, not freed. The pool joins the pools with blocks on its first claim.
 */
async function claimBlock(txn: StoreTxn, poolId: string, block: bigint, node: string): Promise<void> {
  const claim = await readBlockClaim(txn, poolId, block);
  if (claim) throw lostBlock(poolId, block, `its claim ${blockClaimKey(poolId, block)} (node ${claim.node})`);
  txn.put(blockClaimKey(poolId, block), { pool: poolId, node });
  await notePoolWithBlocks(txn, poolId);
}

/** Records that a pool has blocks, unless it is recorded already (so this key is written once per pool). */
export async function notePoolWithBlocks(txn: StoreTxn, poolId: string): Promise<void> {
  if (!(await txn.get(poolWithBlocksKey(poolId), poolWithBlocksSchema)))
    txn.put(poolWithBlocksKey(poolId), { pool: poolId });
}

/**
 * The bits of a block that may not be handed out: set ones, and any with an owner recorded (a
 * bitmap and owners map that disagree were edited by hand or restored in part; whichever is
 * right, taking the bit could duplicate an address, so the owners map counts too).
 */
export function takenBits(doc: BlockDoc): bigint {
  let bitmap = bitmapFromHex(doc.bitmap);
  for (const bit of Object.keys(doc.owners)) bitmap = setBit(bitmap, Number(bit));
  return bitmap;
}

/** Writes a block's new content with the next sequence number, and records that write in its affine node's state. */
async function writeBlock(txn: StoreTxn, poolId: string, block: bigint, doc: BlockDoc): Promise<void> {
  const seq = doc.seq + 1;
  txn.put(blockKey(poolId, block), { ...doc, seq });
  const state = await readNodeState(txn, doc.node, poolId);
  txn.put(nodeStateKey(doc.node, poolId), { ...state, blocks: { ...state.blocks, [block.toString(16)]: seq } });
}

/**
 * Marks `offset` as held by `owner`, in a block `node` claims now when it has none. Taking a set
 * bit is a bug the caller's search rules out; it is refused here too, because a duplicate is
 * the one thing an IPAM must never produce.
 */
export async function takeOffset(
  txn: StoreTxn,
  poolId: string,
  offset: bigint,
  owner: BlockOwner,
  node: string,
): Promise<void> {
  const { block, bit } = locate(poolId, offset);
  const existing = await readBlock(txn, poolId, block);
  if (!existing) await claimBlock(txn, poolId, block, node);
  const doc = existing ?? { pool: poolId, node, seq: 0, bitmap: "", owners: {} };
  if (isBitSet(takenBits(doc), bit)) throw new Error(`internal error: offset ${offset} of pool ${poolId} is taken`);
  const bitmap = setBit(bitmapFromHex(doc.bitmap), bit);
  await writeBlock(txn, poolId, block, {
    ...doc,
    bitmap: bitmapToHex(bitmap),
    owners: { ...doc.owners, [bit]: owner },
  });
}

/** Moves `node`'s next-fit cursor in a pool to the address it just handed out. */
export async function moveCursor(txn: StoreTxn, node: string, poolId: string, offset: bigint): Promise<void> {
  const state = await readNodeState(txn, node, poolId);
  txn.put(nodeStateKey(node, poolId), { ...state, cursor: offset.toString() });
}

/**
 * Clears `offset` if the allocation `owner` (same attachment and same handle) holds it; returns
 * whether it did. An emptied block stays, affine to its node, for cheap reuse.
 */
export async function freeOffset(txn: StoreTxn, poolId: string, offset: bigint, owner: BlockOwner): Promise<boolean> {
  const { block, bit } = locate(poolId, offset);
  const doc = await readBlock(txn, poolId, block);
  if (!doc) return false;
  const bitmap = bitmapFromHex(doc.bitmap);
  const held = doc.owners[bit];
  if (!isBitSet(bitmap, bit) || held?.attachment !== owner.attachment || held.handle !== owner.handle) return false;
  const { [bit]: _released, ...owners } = doc.owners;
  await writeBlock(txn, poolId, block, { ...doc, bitmap: bitmapToHex(clearBit(bitmap, bit)), owners });
  return true;
}

/** The allocation recorded for an offset, or undefined when its bit is clear. */
export async function ownerOf(txn: StoreReader, poolId: string, offset: bigint): Promise<BlockOwner | undefined> {
  const { block, bit } = locate(poolId, offset);
  const doc = await readBlock(txn, poolId, block);
  return doc && isBitSet(bitmapFromHex(doc.bitmap), bit) ? doc.owners[bit] : undefined;
}
