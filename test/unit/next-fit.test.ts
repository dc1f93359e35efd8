// Unit tests of the pure allocation choice: next-fit over a node's blocks, then an unclaimed block, driven through a tiny in-memory node.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCidr } from "../../src/alloc/address.js";
import { clearBit, isBitSet, setBit } from "../../src/alloc/bitmap.js";
import { findFreeInRange, nextFitRanges } from "../../src/alloc/next-fit.js";
import { poolLayout, type PoolLayout } from "../../src/alloc/pool-layout.js";

/** One node's allocator as src/ipam/assign.ts runs it (own blocks, then claim one), with bitmaps in a Map instead of the store. */
class MemoryPool {
  readonly bitmaps = new Map<bigint, bigint>();
  cursor: bigint | undefined;
  blocksRead = 0;

  constructor(readonly layout: PoolLayout) {}

  /** The blocks this node has claimed (every block with a bitmap: a claimed block stays, even empty). */
  get claimed(): bigint[] {
    return [...this.bitmaps.keys()];
  }

  take(): bigint | undefined {
    let offset: bigint | undefined;
    for (const range of nextFitRanges(this.layout, this.cursor, this.claimed)) {
      this.blocksRead++;
      offset = findFreeInRange(this.layout, range, this.bitmaps.get(range.block)!);
      if (offset !== undefined) break;
    }
    if (offset === undefined) {
      // One node alone: which unclaimed block it claims is src/ipam/block-search.ts's business; here the lowest.
      let block = 0n;
      while (this.bitmaps.has(block)) block++;
      if (block >= this.layout.blockCount) return undefined;
      offset = findFreeInRange(this.layout, { block, fromBit: 0, toBit: Number(this.layout.blockSize) }, 0n)!;
    }
    this.mark(offset, +1);
    this.cursor = offset;
    return offset;
  }

  release(offset: bigint): void {
    this.mark(offset, -1);
  }

  private mark(offset: bigint, delta: 1 | -1): void {
    const block = offset / this.layout.blockSize;
    const bit = Number(offset % this.layout.blockSize);
    const bitmap = this.bitmaps.get(block) ?? 0n;
    expect(isBitSet(bitmap, bit)).toBe(delta === -1);
    this.bitmaps.set(block, delta === 1 ? setBit(bitmap, bit) : clearBit(bitmap, bit));
  }
}

const memoryPool = (text: string) => new MemoryPool(poolLayout(parseCidr(text)!.cidr));

describe("nextFitRanges with findFreeInRange", () => {
  it("hands out every usable address once, in order, skipping the reserved ones", () => {
    const pool = memoryPool("10.0.0.0/28");
    const taken: bigint[] = [];
    for (let offset = pool.take(); offset !== undefined; offset = pool.take()) taken.push(offset);
    // /28: network 0, gateway 1 and broadcast 15 stay out.
    expect(taken).toEqual([2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n, 12n, 13n, 14n]);
  });

  it("does not reuse a released address while other free ones remain", () => {
    const pool = memoryPool("10.0.0.0/28");
    const first = pool.take()!;
    const second = pool.take()!;
    pool.release(first);
    expect(pool.take()).toBe(second + 1n);
    // Release early addresses: the cursor keeps going up to the end before wrapping to them.
    pool.release(second);
    const next: bigint[] = [];
    for (let i = 0; i < 10; i++) next.push(pool.take()!);
    expect(next).toEqual([5n, 6n, 7n, 8n, 9n, 10n, 11n, 12n, 13n, 14n]);
    expect(pool.take()).toBe(first);
    expect(pool.take()).toBe(second);
    expect(pool.take()).toBeUndefined();
  });

  it("wraps round to the start of the cursor's own block after the other blocks", () => {
    const pool = memoryPool("10.0.0.0/25");
    // Fill everything, then free one address before the cursor in block 1 and one in block 0.
    while (pool.take() !== undefined);
    pool.release(70n);
    pool.release(3n);
    pool.cursor = 100n;
    expect(pool.take()).toBe(3n);
    expect(pool.take()).toBe(70n);
    expect(pool.take()).toBeUndefined();
  });

  it("reuses a released address of the node's own blocks before claiming a new block", () => {
    const pool = memoryPool("10.0.0.0/22");
    // Block 0 holds 62 usable addresses (network and gateway are reserved).
    for (let i = 0; i < 62; i++) pool.take();
    pool.release(10n);
    expect(pool.take()).toBe(10n);
    expect(pool.claimed).toEqual([0n]);
    expect(pool.take()).toBe(64n);
    expect(pool.claimed).toEqual([0n, 1n]);
  });

  it("reads only the blocks the walk reaches: one after the cursor when it has room", () => {
    const pool = memoryPool("10.0.0.0/22");
    for (let i = 0; i < 64 * 3; i++) pool.take();
    pool.blocksRead = 0;
    pool.take();
    expect(pool.blocksRead).toBe(1);
  });

  it("terminates at once on an IPv6 /64 whose 2^58 blocks are almost all untouched", () => {
    const pool = memoryPool("fd00::/64");
    expect(pool.take()).toBe(2n);
    expect(pool.take()).toBe(3n);
    // A cursor at the very end wraps to block 0 instead of walking the whole pool.
    pool.cursor = (1n << 64n) - 1n;
    expect(pool.take()).toBe(4n);
  });

  it("hands out both addresses of a /31 and the single address of a /32", () => {
    const pair = memoryPool("10.0.0.0/31");
    expect([pair.take(), pair.take(), pair.take()]).toEqual([0n, 1n, undefined]);
    const single = memoryPool("10.0.0.9/32");
    expect([single.take(), single.take()]).toEqual([0n, undefined]);
  });

  it("yields nothing when every block is full", () => {
    const layout = poolLayout(parseCidr("10.0.0.0/26")!.cidr);
    // 64 addresses less network, gateway and broadcast.
    expect([...nextFitRanges(layout, 5n, [])]).toEqual([]);
  });

  it("walks only the given blocks, from the cursor's block on, wrapping round", () => {
    const layout = poolLayout(parseCidr("10.0.0.0/24")!.cidr);
    expect(
      [...nextFitRanges(layout, 130n, [3n, 0n, 2n])].map((range) => [range.block, range.fromBit, range.toBit]),
    ).toEqual([
      [2n, 3, 64],
      [3n, 0, 64],
      [0n, 0, 64],
      [2n, 0, 3],
    ]);
    // A cursor in a block not given (one borrowed from, or handed back) starts with the next given block.
    expect([...nextFitRanges(layout, 70n, [0n, 3n])].map((range) => range.block)).toEqual([3n, 0n]);
  });
});

/**
 * The rule written out naively: step through the offsets of the claimed blocks from just after
 * `previous`, wrapping round; when none is free, the first usable offset of the lowest unclaimed block.
 */
function firstFreeAfter(
  layout: PoolLayout,
  previous: bigint | undefined,
  held: readonly bigint[],
  claimed: readonly bigint[],
): bigint {
  const free = (offset: bigint) =>
    claimed.includes(offset / layout.blockSize) && !held.includes(offset) && !layout.reserved.has(offset);
  const span = BigInt(claimed.length) * layout.blockSize;
  let offset = previous === undefined ? 0n : (previous + 1n) % layout.size;
  for (
    let step = 0n;
    step < layout.size && step <= span * 2n + layout.blockSize * 2n;
    step++, offset = (offset + 1n) % layout.size
  ) {
    if (free(offset)) return offset;
    // Jump over unclaimed blocks: a /64 is not walked address by address.
    if (!claimed.includes(offset / layout.blockSize)) offset = (offset / layout.blockSize + 1n) * layout.blockSize - 1n;
  }
  let block = 0n;
  while (claimed.includes(block)) block++;
  let first = block * layout.blockSize;
  while (layout.reserved.has(first)) first++;
  return first;
}

describe("next-fit allocator properties", () => {
  it("never hands out a taken or reserved address, finds one whenever any is free, and takes the first free one after the last in the node's blocks", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("10.0.0.0/24", "10.0.0.0/27", "10.0.0.0/30", "10.0.0.0/31", "fd00::/120", "fd00::/64"),
        fc.array(fc.oneof(fc.constant<"take">("take"), fc.nat(1000)), { maxLength: 300 }),
        (text, steps) => {
          const pool = memoryPool(text);
          const held: bigint[] = [];
          let previous: bigint | undefined;
          const usable = pool.layout.size - BigInt(pool.layout.reserved.size);
          for (const step of steps) {
            if (step === "take") {
              const claimedBefore = pool.claimed;
              const offset = pool.take();
              if (BigInt(held.length) < usable) {
                expect(offset).toBeDefined();
                expect(held).not.toContain(offset);
                expect(pool.layout.reserved.has(offset!)).toBe(false);
                expect(offset! < pool.layout.size).toBe(true);
                // Next-fit exactly: the first free, unreserved offset after the previous one, wrapping round.
                expect(offset).toBe(firstFreeAfter(pool.layout, previous, held, claimedBefore));
                previous = offset;
                held.push(offset!);
              } else {
                expect(offset).toBeUndefined();
              }
            } else if (held.length > 0) {
              pool.release(held.splice(step % held.length, 1)[0]!);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
