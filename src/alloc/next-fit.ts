// Next-fit search: the block ranges to scan, in order, after the last address handed out.
import type { PoolLayout } from "./pool-layout.js";
import { isBitSet } from "./bitmap.js";

/** Part of one block to scan: bits [fromBit, toBit). */
export interface BlockRange {
  readonly block: bigint;
  readonly fromBit: number;
  readonly toBit: number;
}

/**
 * Yields the ranges of `blocks` (a node's affine blocks, or the blocks it may borrow from) that
 * hold every offset after `cursor`, wrapping round to the ones before it, so a released address
 * is reused only once every other free one has been taken (stale ARP and conntrack entries still
 * point at it). The caller reads a block only when its range comes up and stops at the first free
 * address, so the walk costs one block read per full block it passes.
 */
export function* nextFitRanges(
  layout: PoolLayout,
  cursor: bigint | undefined,
  blocks: readonly bigint[],
): Generator<BlockRange> {
  const blockSize = layout.blockSize;
  const start = cursor === undefined ? 0n : (cursor + 1n) % layout.size;
  const startBlock = start / blockSize;
  const startBit = Number(start % blockSize);
  const sorted = [...new Set(blocks)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const whole = (block: bigint): BlockRange => ({ block, fromBit: 0, toBit: Number(blockSize) });
  const hasStart = sorted.includes(startBlock);

  if (hasStart) yield { block: startBlock, fromBit: startBit, toBit: Number(blockSize) };
  for (const block of sorted) if (block > startBlock) yield whole(block);
  for (const block of sorted) if (block < startBlock) yield whole(block);
  if (hasStart && startBit > 0) yield { block: startBlock, fromBit: 0, toBit: startBit };
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
