// Next-fit search: the block ranges to scan, in order, after the last address handed out.
import { isBitSet } from "./bitmap.js";
import { blockCapacity, type PoolLayout } from "./pool-layout.js";

/** Part of one block to scan: bits [fromBit, toBit). */
export interface BlockRange {
  readonly block: bigint;
  readonly fromBit: number;
  readonly toBit: number;
}

/**
 * Yields the ranges that hold every offset after `cursor`, wrapping round to the ones before
 * it, so a released address is reused only once every other free one has been taken (stale
 * ARP and conntrack entries still point at it). Blocks whose usage count says they are full
 * are skipped without being read. An untouched block is never full and the caller stops at the
 * first free address, so the walk costs one step per full block: a /64 never walks 2^58 blocks.
 */
export function* nextFitRanges(
  layout: PoolLayout,
  cursor: bigint | undefined,
  blockUsage: ReadonlyMap<bigint, number>,
): Generator<BlockRange> {
  const blockSize = layout.blockSize;
  const start = cursor === undefined ? 0n : (cursor + 1n) % layout.size;
  const startBlock = start / blockSize;
  const startBit = Number(start % blockSize);
  const isFull = (block: bigint) => (blockUsage.get(block) ?? 0) >= blockCapacity(layout, block);
  const whole = (block: bigint): BlockRange => ({ block, fromBit: 0, toBit: Number(blockSize) });

  if (!isFull(startBlock)) yield { block: startBlock, fromBit: startBit, toBit: Number(blockSize) };
  for (let block = startBlock + 1n; block < layout.blockCount; block++) if (!isFull(block)) yield whole(block);
  for (let block = 0n; block < startBlock; block++) if (!isFull(block)) yield whole(block);
  if (startBit > 0 && !isFull(startBlock)) yield { block: startBlock, fromBit: 0, toBit: startBit };
}

/** First offset in `range` that is neither taken in `bitmap` nor reserved, or undefined. */
export function findFreeInRange(layout: PoolLayout, range: BlockRange, bitmap: bigint): bigint | undefined {
  const base = range.block * layout.blockSize;
  for (let bit = range.fromBit; bit < range.toBit; bit++) {
    const offset = base + BigInt(bit);
    if (!isBitSet(bitmap, bit) && !layout.reserved.has(offset)) return offset;
  }
  return undefined;
}
