// Unit tests of planDataplane for VXLAN pools: routes through the VXLAN devices, their peers and devices, case by case.
import { describe, expect, it } from "vitest";
import { planDataplane, type PlanInput } from "../../src/dataplane/plan.js";
import type { BlockSummary } from "../../src/ipam/blocks.js";
import { block, node, pool } from "./plan-fixtures.js";
import { thrownCniError } from "./support.js";

const ALWAYS = pool("10.60.0.0/16", { vxlan: {}, "nat-outgoing": true });
const CROSS = pool("10.70.0.0/16", { vxlan: { mode: "cross-subnet" }, "nat-outgoing": true });
const DISABLED = pool("10.80.0.0/16", { vxlan: { mode: "always" }, disabled: true, "nat-outgoing": true });
const OFF = pool("10.90.0.0/16", { vxlan: { enabled: false } });
const V6 = pool("fd00:60::/64", { vxlan: {}, "nat-outgoing": true });

const A = node(
  "a",
  { ipv4Address: "192.168.1.1/24", ipv6Address: "fd00:1::1/64" },
  { ipv4TunnelAddress: "10.60.0.1", ipv4TunnelMAC: "66:00:00:00:00:0a" },
);
const B = node(
  "b",
  { ipv4Address: "192.168.1.2/24", ipv6Address: "fd00:1::2/64" },
  {
    ipv4TunnelAddress: "10.60.0.65",
    ipv4TunnelMAC: "66:00:00:00:00:0b",
    ipv6TunnelAddress: "fd00:60::41",
    ipv6TunnelMAC: "66:00:00:00:01:0b",
  },
);
const C = node(
  "c",
  { ipv4Address: "192.168.2.3/24" },
  { ipv4TunnelAddress: "10.60.0.129", ipv4TunnelMAC: "66:00:00:00:00:0c" },
);
/** Registered, but its agent has not written its VXLAN endpoint yet. */
const D = node("d", { ipv4Address: "192.168.2.4/24" });

const PEER_B = { family: 4, node: "b", tunnelAddress: "10.60.0.65", mac: "66:00:00:00:00:0b", underlay: "192.168.1.2" };
const PEER_C = {
  family: 4,
  node: "c",
  tunnelAddress: "10.60.0.129",
  mac: "66:00:00:00:00:0c",
  underlay: "192.168.2.3",
};
const PEER_B6 = { family: 6, node: "b", tunnelAddress: "fd00:60::41", mac: "66:00:00:00:01:0b", underlay: "fd00:1::2" };

/** The host route to a peer's tunnel address through the device, which comes before every route naming it. */
const endpointRoute = (peer: { family: number; tunnelAddress: string }) => ({
  family: peer.family,
  kind: "endpoint",
  dst: `${peer.tunnelAddress}/${peer.family === 4 ? 32 : 128}`,
});

const input = (blocks: BlockSummary[], overrides: Partial<PlanInput> = {}): PlanInput => ({
  pools: [ALWAYS, CROSS, DISABLED, OFF, V6],
  nodes: [A, B, C, D],
  blocks,
  nodename: "a",
  ...overrides,
});

describe("planDataplane VXLAN routes", () => {
  it.each([
    [
      "always, same subnet",
      block("10.60.0.64/26", ALWAYS.id, "b"),
      { family: 4, kind: "vxlan", dst: "10.60.0.64/26", via: "10.60.0.65" },
      [PEER_B],
    ],
    [
      "always, other subnet",
      block("10.60.0.128/26", ALWAYS.id, "c"),
      { family: 4, kind: "vxlan", dst: "10.60.0.128/26", via: "10.60.0.129" },
      [PEER_C],
    ],
    [
      "cross-subnet, same subnet: direct",
      block("10.70.0.64/26", CROSS.id, "b"),
      { family: 4, kind: "direct", dst: "10.70.0.64/26", via: "192.168.1.2" },
      [],
    ],
    [
      "cross-subnet, other subnet: through VXLAN",
      block("10.70.0.128/26", CROSS.id, "c"),
      { family: 4, kind: "vxlan", dst: "10.70.0.128/26", via: "10.60.0.129" },
      [PEER_C],
    ],
    [
      "IPv6, through the IPv6 device to the IPv6 endpoint",
      block("fd00:60::40/122", V6.id, "b"),
      { family: 6, kind: "vxlan", dst: "fd00:60::40/122", via: "fd00:60::41" },
      [PEER_B6],
    ],
    [
      "a disabled pool still routes by its mode",
      block("10.80.0.64/26", DISABLED.id, "b"),
      { family: 4, kind: "vxlan", dst: "10.80.0.64/26", via: "10.60.0.65" },
      [PEER_B],
    ],
    [
      "vxlan enabled: false",
      block("10.90.0.64/26", OFF.id, "b"),
      { family: 4, kind: "direct", dst: "10.90.0.64/26", via: "192.168.1.2" },
      [],
    ],
    [
      "a local block: a blackhole, no VXLAN route to itself",
      block("10.60.0.0/26", ALWAYS.id, "a"),
      { family: 4, kind: "blackhole", dst: "10.60.0.0/26" },
      [],
    ],
  ])("%s", (_name, summary, route, peers) => {
    const plan = planDataplane(input([summary]));
    expect(plan.routes).toEqual([...peers.map(endpointRoute), route]);
    expect(plan.vxlanPeers).toEqual(peers);
    expect(plan.tunnelPools).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it("gives a node without its VXLAN endpoint yet no route, and one warning naming it and its blocks", () => {
    const plan = planDataplane(
      input([
        block("10.60.1.0/26", ALWAYS.id, "d"),
        block("10.70.1.0/26", CROSS.id, "d"),
        block("10.60.0.64/26", ALWAYS.id, "b"),
      ]),
    );
    expect(plan.routes).toEqual([
      endpointRoute(PEER_B),
      { family: 4, kind: "vxlan", dst: "10.60.0.64/26", via: "10.60.0.65" },
    ]);
    expect(plan.vxlanPeers).toEqual([PEER_B]);
    expect(plan.warnings).toEqual([
      "node d has no IPv4 VXLAN endpoint yet (spec.vxlan.ipv4TunnelAddress and ipv4TunnelMAC, written by its agent): " +
        "no route from a to block(s) 10.60.1.0/26, 10.70.1.0/26",
    ]);
  });

  it("counts an endpoint with its address but no MAC as not there yet", () => {
    const halfway = node("b", { ipv4Address: "192.168.1.2/24" }, { ipv4TunnelAddress: "10.60.0.65" });
    const plan = planDataplane(input([block("10.60.0.64/26", ALWAYS.id, "b")], { nodes: [A, halfway] }));
    expect(plan.routes).toEqual([]);
    expect(plan.warnings).toEqual([expect.stringMatching(/^node b has no IPv4 VXLAN endpoint yet/)]);
  });

  it("routes a node's blocks through one peer, each family's endpoints first, sorted by family, then node", () => {
    const plan = planDataplane(
      input([
        block("fd00:60::40/122", V6.id, "b"),
        block("10.60.0.192/26", ALWAYS.id, "c"),
        block("10.60.0.64/26", ALWAYS.id, "b"),
        block("10.80.0.64/26", DISABLED.id, "b"),
      ]),
    );
    expect(plan.routes.map((route) => route.dst)).toEqual([
      "10.60.0.129/32",
      "10.60.0.65/32",
      "10.60.0.192/26",
      "10.60.0.64/26",
      "10.80.0.64/26",
      "fd00:60::41/128",
      "fd00:60::40/122",
    ]);
    expect(plan.vxlanPeers).toEqual([PEER_B, PEER_C, PEER_B6]);
  });

  it("makes no VXLAN route of a family this node has no address of", () => {
    const v4only = node("a", { ipv4Address: "192.168.1.1/24" });
    const plan = planDataplane(input([block("fd00:60::40/122", V6.id, "b")], { nodes: [v4only, B] }));
    expect(plan.routes).toEqual([]);
    expect(plan.vxlanPeers).toEqual([]);
    expect(plan.warnings).toEqual([
      expect.stringMatching(/^node b at fd00:1::2 is unroutable .* node a has no IPv6 address/),
    ]);
  });

  it("never sees a pool with both encapsulations: the pool is refused first", () => {
    expect(thrownCniError(() => pool("10.60.0.0/16", { ipip: {}, vxlan: {} })).code).toBe(7);
  });
});

describe("planDataplane VXLAN devices", () => {
  it("needs a device for each family with a VXLAN pool, disabled ones included, whatever the routes need", () => {
    expect(planDataplane(input([])).vxlanDevices).toEqual([
      { family: 4, pools: [ALWAYS.id, CROSS.id, DISABLED.id], local: "192.168.1.1" },
      { family: 6, pools: [V6.id], local: "fd00:1::1" },
    ]);
  });

  it("needs none without a pool whose VXLAN is enabled", () => {
    expect(planDataplane(input([], { pools: [OFF, pool("10.30.0.0/16")] })).vxlanDevices).toEqual([]);
  });

  it("needs none for a family this node has no address of", () => {
    const v4only = node("a", { ipv4Address: "192.168.1.1/24" });
    expect(planDataplane(input([], { nodes: [v4only], pools: [V6] })).vxlanDevices).toEqual([]);
  });
});
