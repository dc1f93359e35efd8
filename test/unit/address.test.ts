// Unit tests of the BigInt address math every pool and allocation is built on.
import { describe, expect, it } from "vitest";
import {
  cidrContains,
  cidrSize,
  cidrsOverlap,
  compareCidrs,
  formatAddress,
  formatCidr,
  parseAddress,
  parseCidr,
  type Cidr,
} from "../../src/alloc/address.js";

const cidr = (text: string): Cidr => parseCidr(text)!.cidr;

describe("parseAddress", () => {
  it.each([
    ["10.1.2.3", 4, 0x0a010203n],
    ["0.0.0.0", 4, 0n],
    ["255.255.255.255", 4, 0xffffffffn],
    ["::", 6, 0n],
    ["::1", 6, 1n],
    ["fd00:22::5", 6, (0xfd00n << 112n) | (0x22n << 96n) | 5n],
    ["::ffff:10.1.2.3", 6, (0xffffn << 32n) | 0x0a010203n],
  ])("parses %s as IPv%i", (text, family, value) => {
    expect(parseAddress(text)).toEqual({ family, value });
  });

  // ipaddr.js alone accepts these and reads them as other addresses: a typo must not name a network.
  it.each([
    "10.1",
    "10",
    "0x0a.1.2.3",
    "010.1.2.3",
    "10.1.2.256",
    "10.1.2.3.4",
    "",
    "fd00::g",
    "1.2.3.4/32",
    " 10.1.2.3",
    "fe80::1%eth0",
    "fe80::1%1",
  ])("rejects %j", (text) => {
    expect(parseAddress(text)).toBeUndefined();
  });
});

describe("parseCidr", () => {
  it.each([
    ["10.1.0.0/16", "10.1.0.0/16", false],
    ["10.1.2.3/16", "10.1.0.0/16", true],
    ["10.1.2.3/32", "10.1.2.3/32", false],
    ["0.0.0.0/0", "0.0.0.0/0", false],
    ["fd00:22::/64", "fd00:22::/64", false],
    ["fd00:22::1/64", "fd00:22::/64", true],
    ["FD00:0022:0000::/48", "fd00:22::/48", false],
    ["fd00::1/128", "fd00::1/128", false],
  ])("reads %s as %s (host bits set: %s)", (text, canonical, hadHostBits) => {
    const parsed = parseCidr(text)!;
    expect(formatCidr(parsed.cidr)).toBe(canonical);
    expect(parsed.hadHostBits).toBe(hadHostBits);
  });

  it.each([
    "10.1.0.0",
    "10.1/16",
    "10.1.0.0/33",
    "fd00::/129",
    "10.1.0.0/",
    "10.1.0.0/-1",
    "10.1.0.0/1a",
    "10.1.0.0/0016",
    "/16",
    "fe80::1%eth0/64",
  ])("rejects %j", (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe("formatAddress", () => {
  it.each([
    [4, 0x0a160001n, "10.22.0.1"],
    [4, 0n, "0.0.0.0"],
    [6, 0n, "::"],
    [6, (0xfd00n << 112n) | 1n, "fd00::1"],
    [6, (1n << 128n) - 1n, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"],
  ] as const)("formats IPv%i %s as %s", (family, value, text) => {
    expect(formatAddress(family, value)).toBe(text);
    expect(parseAddress(text)).toEqual({ family, value });
  });
});

describe("cidrSize and cidrContains", () => {
  it("counts the addresses of a CIDR, 2^64 for an IPv6 /64", () => {
    expect(cidrSize(cidr("10.0.0.0/24"))).toBe(256n);
    expect(cidrSize(cidr("10.0.0.1/32"))).toBe(1n);
    expect(cidrSize(cidr("fd00::/64"))).toBe(1n << 64n);
  });

  it("contains exactly the addresses from network to its last one, of the same family", () => {
    const pool = cidr("10.1.0.0/24");
    expect(cidrContains(pool, 4, parseAddress("10.1.0.0")!.value)).toBe(true);
    expect(cidrContains(pool, 4, parseAddress("10.1.0.255")!.value)).toBe(true);
    expect(cidrContains(pool, 4, parseAddress("10.1.1.0")!.value)).toBe(false);
    expect(cidrContains(pool, 4, parseAddress("10.0.255.255")!.value)).toBe(false);
    // The same number in the other family is a different address.
    expect(cidrContains(pool, 6, parseAddress("10.1.0.5")!.value)).toBe(false);
  });
});

describe("cidrsOverlap", () => {
  it.each([
    ["10.1.0.0/16", "10.1.2.0/24", true],
    ["10.1.2.0/24", "10.1.0.0/16", true],
    ["10.1.0.0/24", "10.1.0.0/24", true],
    ["10.1.0.0/24", "10.1.1.0/24", false],
    ["10.1.0.0/25", "10.1.0.128/25", false],
    ["0.0.0.0/0", "192.168.0.0/16", true],
    ["fd00::/64", "fd00::/96", true],
    ["fd00::/64", "fd00:0:0:1::/64", false],
    // ::a01:0/112 has the same numbers as 10.1.0.0/16, but families never overlap.
    ["10.1.0.0/16", "::a01:0/112", false],
  ])("%s and %s overlap: %s", (a, b, expected) => {
    expect(cidrsOverlap(cidr(a), cidr(b))).toBe(expected);
  });
});

describe("compareCidrs", () => {
  it("orders IPv4 before IPv6, then by network, then shorter prefix first", () => {
    const texts = ["fd00::/64", "10.2.0.0/16", "10.1.0.0/24", "10.1.0.0/16", "::/0", "9.0.0.0/8"];
    const sorted = texts.map(cidr).sort(compareCidrs).map(formatCidr);
    expect(sorted).toEqual(["9.0.0.0/8", "10.1.0.0/16", "10.1.0.0/24", "10.2.0.0/16", "::/0", "fd00::/64"]);
  });
});
