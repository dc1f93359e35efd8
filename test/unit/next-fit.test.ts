// Unit tests of the next-fit search, driven through a tiny in-memory allocator built from its parts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCidr } from "../../src/alloc/address.js";
import { clearBit, isBitSet, setBit } from "../../src/alloc/bitmap.js";
import { findFreeInRange, nextFitRanges } from "../../src/alloc/next-fit.js";
import { poolLayout, type PoolLayout } from "../../src/alloc/pool-layout.js";

/** The allocator's loop as src/ipam/assign.ts runs it, with bitmaps in a Map instead of the store. */
class MemoryPool {
  readonly bitmaps = new Map<bigint, bigint>();
  readonly usage = new Map<bigint, number>();
  cursor: bigint | undefined;
  blocksRead = 0;

  constructor(readonly layout: PoolLayout) {}

  take(): bigint | undefined {
    for (const range of nextFitRanges(this.layout, this.cursor, this.usage)) {
      if (this.usage.has(range.block)) this.blocksRead++;
      const offset = findFreeInRange(this.layout, range, this.bitmaps.get(range.block) ?? 0n);
      if (offset === undefined) continue;
      this.mark(offset, +1);
      this.cursor = offset;
      return offset;
    }
    return undefined;
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
    const count = (this.usage.get(block) ?? 0) + delta;
    if (count === 0) this.usage.delete(block);
    else this.usage.set(block, count);
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

  it("skips blocks whose usage count says they are full without reading their bitmap", () => {
    const pool = memoryPool("10.0.0.0/22");
    for (let i = 0; i < 64 * 3 - 2; i++) pool.take();
    pool.cursor = undefined;
    pool.blocksRead = 0;
    // Blocks 0-2 are full (block 0 holds 62 usable: network and gateway are reserved); the search reads none of them.
    expect(pool.take()).toBe(192n);
    expect(pool.blocksRead).toBe(0);
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
    expect([...nextFitRanges(layout, 5n, new Map([[0n, 61]]))]).toEqual([]);
  });
});

/** The next-fit rule written out naively: step through offsets from just after `previous`, wrapping round. */
function firstFreeAfter(layout: PoolLayout, previous: bigint | undefined, held: readonly bigint[]): bigint {
  let offset = previous === undefined ? 0n : (previous + 1n) % layout.size;
  while (held.includes(offset) || layout.reserved.has(offset)) offset = (offset + 1n) % layout.size;
  return offset;
}

describe("next-fit allocator properties", () => {
  it("never hands out a taken or reserved address, finds one whenever any is free, and takes the first free one after the last", () => {
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
              const offset = pool.take();
              if (BigInt(held.length) < usable) {
                expect(offset).toBeDefined();
                expect(held).not.toContain(offset);
                expect(pool.layout.reserved.has(offset!)).toBe(false);
                expect(offset! < pool.layout.size).toBe(true);
                // Next-fit exactly: the first free, unreserved offset after the previous one, wrapping round.
                expect(offset).toBe(firstFreeAfter(pool.layout, previous, held));
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
