// One block's allocation bitmap: bit i set means the block's i-th address is taken.

/** Bitmaps travel as lower-case hex so state files stay readable and diffable. */
export const bitmapFromHex = (hex: string): bigint => (hex === "" ? 0n : BigInt(`0x${hex}`));
export const bitmapToHex = (bitmap: bigint): string => bitmap.toString(16);

export const isBitSet = (bitmap: bigint, bit: number): boolean => ((bitmap >> BigInt(bit)) & 1n) === 1n;
export const setBit = (bitmap: bigint, bit: number): bigint => bitmap | (1n << BigInt(bit));
export const clearBit = (bitmap: bigint, bit: number): bigint => bitmap & ~(1n << BigInt(bit));

export function countBits(bitmap: bigint): number {
  let count = 0;
  for (let rest = bitmap; rest > 0n; rest &= rest - 1n) count++;
  return count;
}

/** The set bits of a bitmap, lowest first. */
export function setBits(bitmap: bigint): number[] {
  const bits: number[] = [];
  for (let bit = 0, rest = bitmap; rest > 0n; bit++, rest >>= 1n) if (rest & 1n) bits.push(bit);
  return bits;
}
