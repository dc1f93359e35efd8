// Unit tests of which offsets a pool hands out and how it is cut into 64-address blocks.
import { describe, expect, it } from "vitest";
import { parseCidr } from "../../src/alloc/address.js";
import { BLOCK_ADDRESSES, blockCapacity, poolLayout, usableCount } from "../../src/alloc/pool-layout.js";

const layoutOf = (text: string) => poolLayout(parseCidr(text)!.cidr);
const reservedOf = (text: string) => [...layoutOf(text).reserved].sort((a, b) => Number(a - b));

describe("poolLayout reserved offsets", () => {
  it.each([
    // IPv4: network, gateway (network+1), broadcast.
    ["10.0.0.0/24", [0n, 1n, 255n], 1n],
    ["10.0.0.0/30", [0n, 1n, 3n], 1n],
    // RFC 3021: in a /31 or /32 every address is a host, and there is no room for a gateway.
    ["10.0.0.0/31", [], undefined],
    ["10.0.0.7/32", [], undefined],
    // IPv6 has no broadcast; the subnet-router anycast (offset 0) stays out.
    ["fd00::/64", [0n, 1n], 1n],
    ["fd00::/126", [0n, 1n], 1n],
    ["fd00::/127", [], undefined],
    ["fd00::1/128", [], undefined],
  ] as const)("%s reserves %s (gateway offset %s)", (text, reserved, gatewayOffset) => {
    expect(reservedOf(text)).toEqual(reserved);
    expect(layoutOf(text).gatewayOffset).toBe(gatewayOffset);
  });
});

describe("poolLayout blocks", () => {
  it.each([
    ["10.0.0.0/16", 64n, 1024n],
    ["10.0.0.0/26", 64n, 1n],
    ["10.0.0.0/28", 16n, 1n],
    ["10.0.0.0/32", 1n, 1n],
    ["fd00::/122", 64n, 1n],
    ["fd00::/64", 64n, 1n << 58n],
  ])("cuts %s into blocks of %i, %i of them", (text, blockSize, blockCount) => {
    const layout = layoutOf(text);
    expect(layout.blockSize).toBe(blockSize);
    expect(layout.blockCount).toBe(blockCount);
    expect(layout.blockSize).toBeLessThanOrEqual(BLOCK_ADDRESSES);
  });

  it("counts usable addresses and per-block capacity without the reserved ones", () => {
    const layout = layoutOf("10.0.0.0/24");
    expect(usableCount(layout)).toBe(253n);
    // Network and gateway sit in block 0, broadcast in block 3.
    expect([0n, 1n, 2n, 3n].map((block) => blockCapacity(layout, block))).toEqual([62, 64, 64, 63]);
    expect(usableCount(layoutOf("10.0.0.0/30"))).toBe(1n);
    expect(usableCount(layoutOf("10.0.0.0/31"))).toBe(2n);
    expect(usableCount(layoutOf("10.0.0.0/32"))).toBe(1n);
    expect(usableCount(layoutOf("fd00::/64"))).toBe((1n << 64n) - 2n);
  });
});
