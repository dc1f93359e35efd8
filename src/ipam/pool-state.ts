// Reading and changing one pool's blocks and cursor inside a transaction.
import { bitmapFromHex, bitmapToHex, clearBit, isBitSet, setBit } from "../alloc/bitmap.js";
import { parseAddress } from "../alloc/address.js";
import { poolLayout } from "../alloc/pool-layout.js";
import type { StoreReader, StoreTxn } from "../store/store.js";
import { blockKey, blockSchema, poolCidr, poolStateKey, poolStateSchema, type BlockDoc, type PoolState } from "./documents.js";

export async function readPoolState(txn: StoreReader, poolId: string): Promise<PoolState> {
  return (await txn.get(poolStateKey(poolId), poolStateSchema)) ?? { pool: poolId, blocks: {} };
}

export const blockUsage = (state: PoolState): Map<bigint, number> =>
  new Map(Object.entries(state.blocks).map(([hex, count]) => [BigInt(`0x${hex}`), count]));

export const usedCount = (state: PoolState): bigint => Object.values(state.blocks).reduce((sum, count) => sum + BigInt(count), 0n);

export async function readBlock(txn: StoreReader, poolId: string, block: bigint): Promise<BlockDoc> {
  return (await txn.get(blockKey(poolId, block), blockSchema)) ?? { pool: poolId, bitmap: "", owners: {} };
}

/** The offset in its pool of an address ippool recorded (so known to parse and to lie in the pool). */
export const offsetOf = (poolId: string, address: string): bigint => parseAddress(address)!.value - poolCidr(poolId).network;

/** Where an offset lives: its block and bit. Block size depends only on the pool's size. */
export function locate(poolId: string, offset: bigint): { block: bigint; bit: number } {
  const { blockSize } = poolLayout(poolCidr(poolId));
  return { block: offset / blockSize, bit: Number(offset % blockSize) };
}

/** Marks `offset` as held by `owner`; the caller has checked it is free. */
export async function takeOffset(txn: StoreTxn, poolId: string, offset: bigint, owner: string, moveCursor: boolean): Promise<void> {
  const { block, bit } = locate(poolId, offset);
  const doc = await readBlock(txn, poolId, block);
  txn.put(blockKey(poolId, block), {
    pool: poolId,
    bitmap: bitmapToHex(setBit(bitmapFromHex(doc.bitmap), bit)),
    owners: { ...doc.owners, [bit]: owner },
  });
  const state = await readPoolState(txn, poolId);
  const hex = block.toString(16);
  txn.put(poolStateKey(poolId), {
    ...state,
    ...(moveCursor ? { cursor: offset.toString() } : {}),
    blocks: { ...state.blocks, [hex]: (state.blocks[hex] ?? 0) + 1 },
  });
}

/** Clears `offset` if `owner` holds it; returns whether it did. An emptied block's file is removed. */
export async function freeOffset(txn: StoreTxn, poolId: string, offset: bigint, owner: string): Promise<boolean> {
  const { block, bit } = locate(poolId, offset);
  const doc = await readBlock(txn, poolId, block);
  const bitmap = bitmapFromHex(doc.bitmap);
  if (!isBitSet(bitmap, bit) || doc.owners[bit] !== owner) return false;
  const remaining = clearBit(bitmap, bit);
  const { [bit]: _released, ...owners } = doc.owners;
  if (remaining === 0n) txn.delete(blockKey(poolId, block));
  else txn.put(blockKey(poolId, block), { pool: poolId, bitmap: bitmapToHex(remaining), owners });
  const state = await readPoolState(txn, poolId);
  const hex = block.toString(16);
  const { [hex]: count = 0, ...otherBlocks } = state.blocks;
  // The pool's state survives emptying: its cursor keeps next-fit from reusing what was just freed.
  txn.put(poolStateKey(poolId), { ...state, blocks: count > 1 ? { ...otherBlocks, [hex]: count - 1 } : otherBlocks });
  return true;
}

/** The owner recorded for an offset, or undefined when its bit is clear. */
export async function ownerOf(txn: StoreReader, poolId: string, offset: bigint): Promise<string | undefined> {
  const { block, bit } = locate(poolId, offset);
  const doc = await readBlock(txn, poolId, block);
  return isBitSet(bitmapFromHex(doc.bitmap), bit) ? doc.owners[bit] : undefined;
}
