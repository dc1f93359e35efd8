// Unit tests of which offsets a pool hands out and how it is cut into 64-address blocks.
import { describe, expect, it } from "vitest";
import { parseCidr } from "../../src/alloc/address.js";
import { BLOCK_ADDRESSES, blockCapacity, poolLayout, usableCount, type GatewayMode } from "../../src/alloc/pool-layout.js";

const layoutOf = (text: string, gateway: GatewayMode = "first-address") => poolLayout(parseCidr(text)!.cidr, gateway);
const reservedOf = (text: string, gateway: GatewayMode) => [...layoutOf(text, gateway).reserved].sort((a, b) => Number(a - b));

describe("poolLayout reserved offsets", () => {
  it.each([
    // IPv4: network, gateway (network+1), broadcast.
    ["10.0.0.0/24", "first-address", [0n, 1n, 255n], 1n],
    ["10.0.0.0/24", "none", [0n, 255n], undefined],
    ["10.0.0.0/30", "first-address", [0n, 1n, 3n], 1n],
    ["10.0.0.0/30", "none", [0n, 3n], undefined],
    // RFC 3021: in a /31 or /32 every address is a host, and there is no room for a gateway.
    ["10.0.0.0/31", "first-address", [], undefined],
    ["10.0.0.0/31", "none", [], undefined],
    ["10.0.0.7/32", "first-address", [], undefined],
    // IPv6 has no broadcast; the subnet-router anycast (offset 0) stays out.
    ["fd00::/64", "first-address", [0n, 1n], 1n],
    ["fd00::/64", "none", [0n], undefined],
    ["fd00::/126", "first-address", [0n, 1n], 1n],
    ["fd00::/127", "first-address", [], undefined],
    ["fd00::1/128", "first-address", [], undefined],
  ] as const)("%s with gateway %s reserves %s (gateway offset %s)", (text, gateway, reserved, gatewayOffset) => {
    expect(reservedOf(text, gateway)).toEqual(reserved);
    expect(layoutOf(text, gateway).gatewayOffset).toBe(gatewayOffset);
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
    expect(usableCount(layoutOf("10.0.0.0/24", "none"))).toBe(254n);
    expect(usableCount(layoutOf("10.0.0.0/30"))).toBe(1n);
    expect(usableCount(layoutOf("10.0.0.0/31"))).toBe(2n);
    expect(usableCount(layoutOf("10.0.0.0/32"))).toBe(1n);
    expect(usableCount(layoutOf("fd00::/64"))).toBe((1n << 64n) - 2n);
  });
});
