// Unit tests of how a network's pools are combined (stored + inline) and chosen per family.
import { describe, expect, it } from "vitest";
import { thrownCniError } from "./support.js";
import { parsePoolDocument, type Pool } from "../../src/pool/resource.js";
import { assertNoOverlap, candidatePools, combinePools } from "../../src/pool/pool-set.js";

const pool = (cidr: string, spec: Record<string, unknown> = {}): Pool =>
  parsePoolDocument({ apiVersion: "v1", kind: "ipPool", metadata: { cidr }, spec }, "test").pool;
const ids = (pools: readonly Pool[]) => pools.map((entry) => entry.id);

describe("assertNoOverlap", () => {
  it("accepts disjoint pools of both families", () => {
    expect(() => assertNoOverlap([pool("10.1.0.0/24"), pool("10.1.1.0/24"), pool("fd00::/64")], "here")).not.toThrow();
  });

  it("rejects overlapping pools with code 7, naming both", () => {
    const error = thrownCniError(() =>
      assertNoOverlap([pool("10.1.0.0/16"), pool("fd00::/64"), pool("10.1.5.0/24")], "stored pools"),
    );
    expect(error.code).toBe(7);
    expect(error.message).toContain("stored pools");
    expect(error.message).toContain("10.1.5.0/24");
    expect(error.message).toContain("10.1.0.0/16");
  });
});

describe("combinePools", () => {
  it("lets an inline pool with a stored pool's CIDR replace it for this network", () => {
    const combined = combinePools(
      [pool("10.1.0.0/16", { disabled: true }), pool("10.2.0.0/16")],
      [pool("10.1.0.0/16")],
    );
    expect(ids(combined)).toEqual(["10.1.0.0/16", "10.2.0.0/16"]);
    expect(combined.find((entry) => entry.id === "10.1.0.0/16")!.disabled).toBe(false);
  });

  it("rejects an inline pool that overlaps a stored one with another CIDR", () => {
    expect(thrownCniError(() => combinePools([pool("10.1.0.0/16")], [pool("10.1.0.0/24")])).code).toBe(7);
  });

  it("rejects overlap among inline pools", () => {
    expect(thrownCniError(() => combinePools([], [pool("fd00::/64"), pool("fd00::/80")])).code).toBe(7);
  });

  it("returns the pools in CIDR order, IPv4 first", () => {
    expect(ids(combinePools([pool("fd00::/64"), pool("10.9.0.0/16")], [pool("10.1.0.0/16")]))).toEqual([
      "10.1.0.0/16",
      "10.9.0.0/16",
      "fd00::/64",
    ]);
  });
});

describe("candidatePools", () => {
  const pools = combinePools(
    [pool("10.1.0.0/16"), pool("10.2.0.0/16", { disabled: true }), pool("10.3.0.0/16"), pool("fd00::/64")],
    [],
  );

  it("takes every enabled pool of the family, in CIDR order, without a list", () => {
    expect(ids(candidatePools(pools, 4, undefined))).toEqual(["10.1.0.0/16", "10.3.0.0/16"]);
    expect(ids(candidatePools(pools, 6, undefined))).toEqual(["fd00::/64"]);
  });

  it("restricts and orders by the list, reading CIDRs canonically", () => {
    expect(ids(candidatePools(pools, 4, ["10.3.0.0/16", "10.1.0.0/16"]))).toEqual(["10.3.0.0/16", "10.1.0.0/16"]);
    expect(ids(candidatePools(pools, 6, ["FD00::0/64"]))).toEqual(["fd00::/64"]);
  });

  it.each([
    ["a missing pool", 4, ["10.9.0.0/16"], 103, "ipam.ipv4_pools names pool 10.9.0.0/16, which does not exist"],
    [
      "a disabled pool",
      4,
      ["10.1.0.0/16", "10.2.0.0/16"],
      103,
      "ipam.ipv4_pools names pool 10.2.0.0/16, which is disabled",
    ],
    ["a pool of the other family", 6, ["10.1.0.0/16"], 7, 'ipam.ipv6_pools: "10.1.0.0/16" is not an IPv6 CIDR'],
    ["something that is no CIDR", 4, ["pool-a"], 7, 'ipam.ipv4_pools: "pool-a" is not an IPv4 CIDR'],
  ] as const)("rejects a list naming %s", (_name, family, list, code, message) => {
    const error = thrownCniError(() => candidatePools(pools, family, list));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
