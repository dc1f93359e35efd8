// Unit tests of the block bitmap: hex round trip and bit operations.
import { describe, expect, it } from "vitest";
import { bitmapFromHex, bitmapToHex, clearBit, countBits, isBitSet, setBit, setBits } from "../../src/alloc/bitmap.js";

describe("bitmap", () => {
  it("starts empty from an empty hex string and round-trips through hex", () => {
    expect(bitmapFromHex("")).toBe(0n);
    const bitmap = [0, 5, 63].reduce(setBit, 0n);
    expect(bitmapFromHex(bitmapToHex(bitmap))).toBe(bitmap);
    expect(bitmapToHex(bitmap)).toMatch(/^[0-9a-f]+$/);
  });

  it("sets, tests, clears and counts bits up to bit 63", () => {
    let bitmap = 0n;
    for (const bit of [63, 0, 17]) bitmap = setBit(bitmap, bit);
    expect(setBits(bitmap)).toEqual([0, 17, 63]);
    expect(countBits(bitmap)).toBe(3);
    expect(isBitSet(bitmap, 17)).toBe(true);
    expect(isBitSet(bitmap, 16)).toBe(false);
    bitmap = clearBit(bitmap, 17);
    expect(setBits(bitmap)).toEqual([0, 63]);
    // Setting a set bit and clearing a clear one change nothing.
    expect(setBit(bitmap, 0)).toBe(bitmap);
    expect(clearBit(bitmap, 5)).toBe(bitmap);
  });

  it("counts a full 64-bit block", () => {
    const full = (1n << 64n) - 1n;
    expect(countBits(full)).toBe(64);
    expect(setBits(full)).toHaveLength(64);
  });
});
