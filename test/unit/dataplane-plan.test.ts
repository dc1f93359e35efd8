// Unit tests of planDataplane: the route and nat-outgoing decisions, case by case.
import { describe, expect, it } from "vitest";
import { planDataplane, type PlanInput } from "../../src/dataplane/plan.js";
import type { BlockSummary } from "../../src/ipam/blocks.js";
import { thrownError } from "./support.js";
import { DataplaneError } from "../../src/dataplane/dataplane-error.js";
import { block, node, pool } from "./plan-fixtures.js";

const ALWAYS = pool("10.10.0.0/16", { ipip: { enabled: true, mode: "always" }, "nat-outgoing": true });
const CROSS = pool("10.20.0.0/16", { ipip: { mode: "cross-subnet" }, "nat-outgoing": true });
const PLAIN = pool("10.30.0.0/16");
const OFF = pool("10.40.0.0/16", { ipip: { enabled: false, mode: "always" } });
const V6 = pool("fd00:30::/64", { "nat-outgoing": true });

const A = node("a", { ipv4Address: "192.168.1.1/24", ipv6Address: "fd00:1::1/64" });
const B = node("b", { ipv4Address: "192.168.1.2/24", ipv6Address: "fd00:1::2/64" });
const C = node("c", { ipv4Address: "192.168.2.3/24" });

const input = (blocks: BlockSummary[], overrides: Partial<PlanInput> = {}): PlanInput => ({
  pools: [ALWAYS, CROSS, PLAIN, OFF, V6],
  nodes: [A, B, C],
  blocks,
  nodename: "a",
  ...overrides,
});

describe("planDataplane routes", () => {
  it.each([
    [
      "ipip always, same subnet",
      block("10.10.1.0/26", ALWAYS.id, "b"),
      { family: 4, kind: "tunnel", dst: "10.10.1.0/26", via: "192.168.1.2" },
      [ALWAYS.id],
    ],
    [
      "ipip always, other subnet",
      block("10.10.2.0/26", ALWAYS.id, "c"),
      { family: 4, kind: "tunnel", dst: "10.10.2.0/26", via: "192.168.2.3" },
      [ALWAYS.id],
    ],
    [
      "cross-subnet, same subnet: direct",
      block("10.20.1.0/26", CROSS.id, "b"),
      { family: 4, kind: "direct", dst: "10.20.1.0/26", via: "192.168.1.2" },
      [],
    ],
    [
      "cross-subnet, other subnet: tunnelled",
      block("10.20.2.0/26", CROSS.id, "c"),
      { family: 4, kind: "tunnel", dst: "10.20.2.0/26", via: "192.168.2.3" },
      [CROSS.id],
    ],
    [
      "no ipip",
      block("10.30.1.0/26", PLAIN.id, "b"),
      { family: 4, kind: "direct", dst: "10.30.1.0/26", via: "192.168.1.2" },
      [],
    ],
    [
      "ipip disabled with mode always",
      block("10.40.1.0/26", OFF.id, "b"),
      { family: 4, kind: "direct", dst: "10.40.1.0/26", via: "192.168.1.2" },
      [],
    ],
    [
      "IPv6 via the node's IPv6 address",
      block("fd00:30::/122", V6.id, "b"),
      { family: 6, kind: "direct", dst: "fd00:30::/122", via: "fd00:1::2" },
      [],
    ],
    ["a local block", block("10.10.0.0/26", ALWAYS.id, "a"), { family: 4, kind: "blackhole", dst: "10.10.0.0/26" }, []],
    [
      "a local IPv6 block",
      block("fd00:30::40/122", V6.id, "a"),
      { family: 6, kind: "blackhole", dst: "fd00:30::40/122" },
      [],
    ],
  ])("%s", (_name, summary, route, tunnelPools) => {
    const plan = planDataplane(input([summary]));
    expect(plan.routes).toEqual([route]);
    expect(plan.tunnelPools).toEqual(tunnelPools);
    expect(plan.warnings).toEqual([]);
  });

  it("a disabled pool's blocks still route by the pool's mode", () => {
    const disabled = pool("10.50.0.0/16", { ipip: { mode: "always" }, disabled: true });
    const plan = planDataplane(input([block("10.50.1.0/26", disabled.id, "b")], { pools: [disabled] }));
    expect(plan.routes).toEqual([{ family: 4, kind: "tunnel", dst: "10.50.1.0/26", via: "192.168.1.2" }]);
  });

  it("a /32 node address has no peer on-link: cross-subnet tunnels, a direct route is unroutable", () => {
    const lonely = node("a", { ipv4Address: "192.168.1.1" });
    const plan = planDataplane(
      input([block("10.20.1.0/26", CROSS.id, "b"), block("10.30.1.0/26", PLAIN.id, "b")], { nodes: [lonely, B] }),
    );
    expect(plan.routes).toEqual([{ family: 4, kind: "tunnel", dst: "10.20.1.0/26", via: "192.168.1.2" }]);
    expect(plan.warnings).toEqual([
      expect.stringMatching(
        /^node b at 192\.168\.1\.2 is unroutable for block 10\.30\.1\.0\/26: outside this node's subnet 192\.168\.1\.1\/32/,
      ),
    ]);
  });

  it("a direct route to a node in another subnet is unroutable, with one warning naming node, address and block", () => {
    const plan = planDataplane(input([block("10.30.2.0/26", PLAIN.id, "c")]));
    expect(plan.routes).toEqual([]);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatch(/unroutable/);
    expect(plan.warnings[0]).toContain("node c at 192.168.2.3");
    expect(plan.warnings[0]).toContain("block 10.30.2.0/26");
  });

  it("a block of a node without a record gets no route and a warning", () => {
    const plan = planDataplane(input([block("10.30.9.0/26", PLAIN.id, "ghost")]));
    expect(plan.routes).toEqual([]);
    expect(plan.warnings).toEqual([
      expect.stringContaining("block 10.30.9.0/26 is affine to node ghost, which has no node record"),
    ]);
  });

  it("a node without an address of the block's family is unroutable", () => {
    const plan = planDataplane(
      input([block("fd00:30::80/122", V6.id, "c"), block("10.30.3.0/26", PLAIN.id, "bare")], {
        nodes: [A, B, C, node("bare")],
      }),
    );
    expect(plan.routes).toEqual([]);
    expect(plan.warnings).toEqual([
      "node c has no IPv6 address (spec.bgp.ipv6Address): block fd00:30::80/122 is unroutable from a",
      "node bare has no IPv4 address (spec.bgp.ipv4Address): block 10.30.3.0/26 is unroutable from a",
    ]);
  });

  it("a /32 block of this node gets no blackhole (it would replace the container's host route)", () => {
    expect(planDataplane(input([block("10.30.0.7/32", PLAIN.id, "a")])).routes).toEqual([]);
  });

  it("a block of a pool that is not stored routes directly", () => {
    const plan = planDataplane(input([block("10.99.0.0/26", "10.99.0.0/16", "b")]));
    expect(plan.routes).toEqual([{ family: 4, kind: "direct", dst: "10.99.0.0/26", via: "192.168.1.2" }]);
  });

  it("sorts routes by family, then destination", () => {
    const plan = planDataplane(
      input([
        block("fd00:30::/122", V6.id, "b"),
        block("10.30.2.0/26", PLAIN.id, "b"),
        block("10.30.1.0/26", PLAIN.id, "a"),
      ]),
    );
    expect(plan.routes.map((route) => route.dst)).toEqual(["10.30.1.0/26", "10.30.2.0/26", "fd00:30::/122"]);
  });

  it("refuses a node name without a node record, naming the stored ones", () => {
    const error = thrownError(DataplaneError, () => planDataplane(input([], { nodename: "nobody" })));
    expect(error.message).toBe("node nobody has no node record (stored nodes: a, b, c)");
    expect(error.details).toContain("ippool node register --nodename nobody");
  });
});

describe("planDataplane nat-outgoing", () => {
  it("masquerades the nat-outgoing pools of each family, with every pool (disabled ones too) as a destination kept", () => {
    const disabled = pool("192.168.77.0/24", { disabled: true });
    const plan = planDataplane(input([], { pools: [ALWAYS, PLAIN, disabled, V6] }));
    expect(plan.nat[4]).toEqual({ masqueradePools: [ALWAYS.id], allPools: [ALWAYS.id, PLAIN.id, disabled.id] });
    expect(plan.nat[6]).toEqual({ masqueradePools: [V6.id], allPools: [V6.id] });
  });

  it("has nothing to masquerade without a nat-outgoing pool", () => {
    expect(planDataplane(input([], { pools: [PLAIN] })).nat[4].masqueradePools).toEqual([]);
    expect(planDataplane(input([], { pools: [] })).nat[6]).toEqual({ masqueradePools: [], allPools: [] });
  });
});
