// The route runner against a namespace: plans with blocks built in-process (each case exact; lab.test.ts has the allocator make them), applied with `ip netns exec`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPlan, describePlan } from "../../src/dataplane/apply.js";
import { removeDataplane } from "../../src/dataplane/remove.js";
import { planDataplane } from "../../src/dataplane/plan.js";
import type { BlockSummary } from "../../src/ipam/blocks.js";
import { parseNodeDocument } from "../../src/node/resource.js";
import { parsePoolDocument } from "../../src/pool/resource.js";
import { tempDir } from "../helpers/ippool.js";
import { NetnsLab, linkExists, run } from "../e2e/netns.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "../e2e/prerequisites.js";
import { addUplink, ippoolIn, ownRoutes, type Uplink } from "./lab.js";

const skip = skipUnlessReady("dataplane routes", [...NAMESPACE_BASICS, "program:iptables", "program:ip6tables"]);

const pool = (cidr: string, spec: Record<string, unknown> = {}) =>
  parsePoolDocument({ apiVersion: "v1", kind: "ipPool", metadata: { cidr }, spec }, "test").pool;
const node = (name: string, bgp: Record<string, unknown>) =>
  parseNodeDocument({ apiVersion: "v1", kind: "node", metadata: { name }, spec: { bgp } }, "test").node;
const block = (cidr: string, poolCidr: string, nodeName: string): BlockSummary => ({
  cidr,
  pool: poolCidr,
  node: nodeName,
  used: 1,
  free: 63,
});

const PLAIN = pool("10.60.0.0/16");
const CROSS = pool("10.61.0.0/16", { ipip: { mode: "cross-subnet" }, "nat-outgoing": true });
const V6 = pool("fd00:60::/64");
// The lab's node is 192.168.77.1/24 and fd00:77::1/64 (see addUplink); node-b shares both subnets, node-c is elsewhere.
const NODES = [
  node("node-a", { ipv4Address: "192.168.77.1/24", ipv6Address: "fd00:77::1/64" }),
  node("node-b", { ipv4Address: "192.168.77.2/24", ipv6Address: "fd00:77::2/64" }),
  node("node-c", { ipv4Address: "192.168.99.3/24" }),
];
const BLOCKS = [
  block("10.60.0.0/26", PLAIN.id, "node-a"),
  block("10.60.1.0/26", PLAIN.id, "node-b"),
  block("10.61.1.0/26", CROSS.id, "node-b"),
  block("fd00:60::/122", V6.id, "node-b"),
  block("fd00:60::40/122", V6.id, "node-a"),
];
const plan = (blocks: BlockSummary[]) =>
  planDataplane({ pools: [PLAIN, CROSS, V6], nodes: NODES, blocks, nodename: "node-a" });
const EXPECTED = [
  { type: "blackhole", dst: "10.60.0.0/26" },
  { dst: "10.60.1.0/26", gateway: "192.168.77.2" },
  { dst: "10.61.1.0/26", gateway: "192.168.77.2" },
  { type: "blackhole", dst: "fd00:60::40/122" },
  { dst: "fd00:60::/122", gateway: "fd00:77::2" },
];

describe.skipIf(skip)("dataplane runner: routes", () => {
  const lab = new NetnsLab("r");
  let uplink: Uplink;
  const routesNow = async () =>
    (await ownRoutes(uplink.node)).map((route) => ({
      ...(route.type === "blackhole" ? { type: "blackhole" } : {}),
      dst: route.dst,
      ...(route.gateway ? { gateway: route.gateway } : {}),
    }));
  const sorted = <T extends { dst: string }>(routes: T[]) => [...routes].sort((a, b) => (a.dst < b.dst ? -1 : 1));

  beforeAll(async () => {
    uplink = await addUplink(lab, "0");
  });
  afterAll(() => lab.cleanup());

  it("sets a blackhole for each local block and a direct route via the node for each remote one, both families", async () => {
    const report = await applyPlan(plan(BLOCKS), { netns: uplink.node });
    expect(report.errors).toEqual([]);
    expect(report.changes.filter((line) => line.startsWith("route set: "))).toHaveLength(5);
    expect(sorted(await routesNow())).toEqual(sorted(EXPECTED));
    expect(await run("ip", ["-n", uplink.node, "route", "get", "10.60.1.9"])).toMatch(/via 192\.168\.77\.2 dev/);
    // A node that needs no tunnelled route never touches tunl0.
    expect(await linkExists(uplink.node, "tunl0")).toBe(false);
  });

  it("re-applying changes nothing; a route deleted by hand, or one on the wrong device, is put back", async () => {
    expect((await applyPlan(plan(BLOCKS), { netns: uplink.node })).changes).toEqual([]);
    await run("ip", ["-n", uplink.node, "route", "del", "10.60.1.0/26", "proto", "201"]);
    await run("ip", ["-n", uplink.node, "route", "replace", "blackhole", "10.61.1.0/26", "proto", "201"]);
    const report = await applyPlan(plan(BLOCKS), { netns: uplink.node });
    expect(report.changes).toEqual([
      "route set: 10.60.1.0/26 via 192.168.77.2 proto 201",
      "route set: 10.61.1.0/26 via 192.168.77.2 proto 201",
    ]);
    expect(sorted(await routesNow())).toEqual(sorted(EXPECTED));
  });

  it("deletes its routes that the plan no longer has, and no route of another protocol", async () => {
    await run("ip", ["-n", uplink.node, "route", "add", "10.62.0.0/24", "via", "192.168.77.2"]);
    const report = await applyPlan(plan(BLOCKS.filter((entry) => entry.node === "node-a")), { netns: uplink.node });
    expect(report.changes.sort()).toEqual([
      "route removed: 10.60.1.0/26",
      "route removed: 10.61.1.0/26",
      "route removed: fd00:60::/122",
    ]);
    expect(sorted(await routesNow())).toEqual([
      { type: "blackhole", dst: "10.60.0.0/26" },
      { type: "blackhole", dst: "fd00:60::40/122" },
    ]);
    expect(await run("ip", ["-n", uplink.node, "route", "show", "10.62.0.0/24"])).toContain("via 192.168.77.2");
  });

  it("a block behind a node in another subnet needs tunl0: on this kernel (no ipip) an error names tunl0 and the pool, the rest is applied", async () => {
    const tunnelled = [...BLOCKS, block("10.61.2.0/26", CROSS.id, "node-c")];
    const wanted = plan(tunnelled);
    expect(wanted.tunnelPools).toEqual([CROSS.id]);
    expect(await describePlan(wanted, { netns: uplink.node })).toContain(
      "10.61.2.0/26 via 192.168.99.3 dev tunl0 onlink proto 201\n",
    );
    const report = await applyPlan(wanted, { netns: uplink.node });
    const kernelHasIpip = await linkExists(uplink.node, "tunl0");
    if (kernelHasIpip) {
      expect(report.errors).toEqual([]);
      expect(await routesNow()).toContainEqual({ dst: "10.61.2.0/26", gateway: "192.168.99.3" });
    } else {
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toMatch(/^tunl0: this kernel has no IPIP support/);
      expect(report.errors[0]).toContain("pool(s) 10.61.0.0/16");
      expect(sorted(await routesNow())).toEqual(sorted(EXPECTED));
    }
  });

  it("a direct route to a node off this node's subnet is left out with an unroutable warning", () => {
    const wanted = plan([block("10.60.9.0/26", PLAIN.id, "node-c")]);
    expect(wanted.routes).toEqual([]);
    expect(wanted.warnings).toEqual([
      expect.stringMatching(/^node node-c at 192\.168\.99\.3 is unroutable for block 10\.60\.9\.0\/26/),
    ]);
  });

  it("remove deletes every route of ippool's protocol and leaves the others", async () => {
    const report = await removeDataplane({ netns: uplink.node });
    expect(report.errors).toEqual([]);
    expect(await ownRoutes(uplink.node)).toEqual([]);
    expect(await run("ip", ["-n", uplink.node, "route", "show", "10.62.0.0/24"])).toContain("via 192.168.77.2");
  });
});

describe.skipIf(skip)("ippool node register --detect", () => {
  const lab = new NetnsLab("g");
  let uplink: Uplink;
  let data: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    uplink = await addUplink(lab, "0");
    data = tempDir("ippool-detect-");
  });
  afterAll(async () => {
    await lab.cleanup();
    data?.remove();
  });

  it("fails clearly without a default route, then takes the address and prefix of the default route's interface", async () => {
    const register = () => ippoolIn(uplink.node, data.path, ["node", "register", "--nodename", "node-a", "--detect"]);
    const none = await register();
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("ippool: cannot detect this node's IPv4 address: there is no default route");
    await run("ip", ["-n", uplink.node, "route", "add", "default", "via", "192.168.77.2"]);
    const found = await register();
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toBe("registered node node-a\n");
    const listed = await ippoolIn(uplink.node, data.path, ["get", "nodes", "-o", "wide"]);
    expect(listed.stdout).toContain("node-a  -    192.168.77.1/24  -");
    expect((await register()).stdout).toBe("unchanged node node-a\n");
  });
});
