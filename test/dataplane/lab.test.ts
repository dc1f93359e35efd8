// The cluster lab: three node namespaces with ptp networks on one etcd, routed by `ippool dataplane apply` run inside each node.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ETCD_BINARY } from "../helpers/etcd.js";
import { IPPOOL, runProcess, type ProcessResult } from "../helpers/ippool.js";
import { useE2eEtcd } from "../e2e/etcd-fixture.js";
import { useE2eSuite } from "../e2e/suite-fixture.js";
import { CniRuntime, type Attachment, type Conflist } from "../e2e/cni-runtime.js";
import { resultIps } from "../e2e/expectations.js";
import { hostPart, linkExists, ping, run } from "../e2e/netns.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "../e2e/prerequisites.js";
import { ownRoutes, ownRuleLines } from "./lab.js";

const skip = skipUnlessReady("dataplane lab", [
  ...NAMESPACE_BASICS,
  "plugin:ptp",
  "program:iptables",
  "program:ip6tables",
  `file:${ETCD_BINARY}`,
]);

const CROSS = "10.70.0.0/16";
const PLAIN = "10.71.0.0/16";
const POOLS = [
  {
    apiVersion: "v1",
    kind: "ipPool",
    metadata: { cidr: CROSS },
    spec: { ipip: { enabled: true, mode: "cross-subnet" } },
  },
  {
    apiVersion: "v1",
    kind: "ipPool",
    metadata: { cidr: PLAIN },
    spec: { ipip: { enabled: false }, "nat-outgoing": true },
  },
];
// node-a and node-b share the underlay 192.168.50.0/24; node-c sits on 192.168.60.0/24 behind the router.
const NODES = {
  a: { name: "node-a", address: "192.168.50.1/24" },
  b: { name: "node-b", address: "192.168.50.2/24" },
  c: { name: "node-c", address: "192.168.60.3/24" },
} as const;
type NodeTag = keyof typeof NODES;

describe.skipIf(skip)("dataplane lab: ptp nodes on one etcd", () => {
  const suite = useE2eSuite("L", "dataplane-lab");
  const etcd = useE2eEtcd();
  const { lab } = suite;
  const prefix = `/ippool-lab-${process.pid}`;
  const netns = {} as Record<NodeTag, string>;
  const containers: { runtime: CniRuntime; attachment: Attachment }[] = [];

  /** ptp with ippool on the lab's etcd: the pool through the gateway, and the default route named in ipam.routes. */
  const ptpNetwork = (name: string, pool: string): Conflist => ({
    cniVersion: "1.0.0",
    name,
    plugins: [
      {
        type: "ptp",
        ipMasq: false,
        ipam: { type: "ippool", datastore: etcd.datastore(prefix), ipv4_pools: [pool], routes: [{ dst: "0.0.0.0/0" }] },
      },
    ],
  });

  const cli = async (args: readonly string[]): Promise<string> => {
    const result = await etcd.cli(args, prefix);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };

  /** `ippool dataplane ...` inside the node's namespace, as its agent would run there. */
  const agent = (tag: NodeTag, args: readonly string[]): Promise<ProcessResult> =>
    runProcess(
      "ip",
      [
        "netns",
        "exec",
        netns[tag],
        IPPOOL,
        "dataplane",
        ...args,
        "--nodename",
        NODES[tag].name,
        "--etcd-endpoints",
        etcd.cluster.endpoints.join(","),
        "--etcd-prefix",
        prefix,
      ],
      {
        env: { PATH: process.env.PATH ?? "" },
      },
    );

  const applyOk = async (tag: NodeTag): Promise<string> => {
    const result = await agent(tag, ["apply"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    return result.stdout;
  };

  /** A container on the node, attached to a ptp network of `pool`; returns its address. */
  async function startContainer(tag: NodeTag, pool: string, name: string): Promise<string> {
    const runtime = new CniRuntime(ptpNetwork(pool === CROSS ? "crossnet" : "plainnet", pool), {
      hostNetns: netns[tag],
      cniPath: suite.bin.dirs,
      env: { NODENAME: NODES[tag].name },
    });
    const attachment = { containerId: `ctr-${name}-${process.pid}`, netns: await lab.add(name), ifname: "eth0" };
    const [ip] = resultIps(await runtime.add(attachment));
    containers.push({ runtime, attachment });
    return hostPart(ip!.address);
  }

  const blocksOf = async (node: string, pool: string): Promise<string[]> =>
    (JSON.parse(await cli(["blocks", "-o", "json"])) as { cidr: string; pool: string; node: string }[])
      .filter((block) => block.node === node && block.pool === pool)
      .map((block) => block.cidr);
  const tunnelAllocations = async () =>
    (JSON.parse(await cli(["allocations", "-o", "json"])) as { network: string; containerId: string }[]).filter(
      (entry) => entry.network === "_ippool-tunnel",
    );
  const routeTo = async (tag: NodeTag, dst: string) => (await ownRoutes(netns[tag])).find((route) => route.dst === dst);

  /** A node namespace with its underlay link `up0` holding `address` (the veth's peer goes into `into`). */
  async function nodeOn(tag: NodeTag, into: string, peer: string): Promise<void> {
    const node = await lab.add(`n${tag}`);
    netns[tag] = node;
    await lab.exec(node, ["ip", "link", "add", "up0", "type", "veth", "peer", "name", peer, "netns", into]);
    await lab.exec(node, ["ip", "addr", "add", NODES[tag].address, "dev", "up0"]);
    await lab.exec(node, ["ip", "link", "set", "up0", "up"]);
    await lab.exec(into, ["ip", "link", "set", peer, "up"]);
    await lab.exec(node, ["sysctl", "-q", "-w", "net.ipv4.ip_forward=1"]);
    await etcd.reachFrom(node);
    await cli(["node", "register", "--nodename", NODES[tag].name, "--ipv4-address", NODES[tag].address]);
  }

  const cross = { a: "", b: "" };
  const plain = { a: "", b: "" };

  it("two nodes on one segment: after apply on each, containers ping across nodes in the cross-subnet pool (direct) and the ipip-disabled pool", async () => {
    const poolsFile = join(suite.data.path, "pools.json");
    writeFileSync(poolsFile, JSON.stringify(POOLS));
    await cli(["apply", "-f", poolsFile]);
    const underlay = await lab.add("u");
    await lab.exec(underlay, ["ip", "link", "add", "br0", "type", "bridge"]);
    await lab.exec(underlay, ["ip", "link", "set", "br0", "up"]);
    await nodeOn("a", underlay, "pa");
    await nodeOn("b", underlay, "pb");
    for (const port of ["pa", "pb"]) await lab.exec(underlay, ["ip", "link", "set", port, "master", "br0"]);

    cross.a = await startContainer("a", CROSS, "ca1");
    cross.b = await startContainer("b", CROSS, "cb1");
    plain.a = await startContainer("a", PLAIN, "ca2");
    plain.b = await startContainer("b", PLAIN, "cb2");
    expect(await ping(containers[0]!.attachment.netns, cross.b)).toBe(false);

    for (const tag of ["a", "b"] as const) expect(await applyOk(tag)).toMatch(/^route set: /m);
    const [crossOfB] = await blocksOf("node-b", CROSS);
    expect(await routeTo("a", crossOfB!)).toMatchObject({ gateway: "192.168.50.2", dev: "up0" });
    const [plainOfA] = await blocksOf("node-a", PLAIN);
    expect(await routeTo("b", plainOfA!)).toMatchObject({ gateway: "192.168.50.1", dev: "up0" });
    expect(await routeTo("a", plainOfA!)).toMatchObject({ type: "blackhole" });

    expect(await ping(containers[0]!.attachment.netns, cross.b)).toBe(true);
    expect(await ping(containers[3]!.attachment.netns, plain.a)).toBe(true);
    // No route needs the tunnel: tunl0 is never made, and no tunnel address is taken.
    for (const tag of ["a", "b"] as const) expect(await linkExists(netns[tag], "tunl0")).toBe(false);
    expect(await tunnelAllocations()).toEqual([]);
  });

  it("re-running apply changes nothing; a route deleted by hand is put back by the next apply", async () => {
    const before = await ownRoutes(netns.a);
    expect(await applyOk("a")).toBe("");
    expect(await ownRoutes(netns.a)).toEqual(before);
    const [plainOfB] = await blocksOf("node-b", PLAIN);
    await run("ip", ["-n", netns.a, "route", "del", plainOfB!, "proto", "201"]);
    expect(await ping(containers[2]!.attachment.netns, plain.b)).toBe(false);
    expect(await applyOk("a")).toBe(`route set: ${plainOfB} via 192.168.50.2 proto 201\n`);
    expect(await ownRoutes(netns.a)).toEqual(before);
    expect(await ping(containers[2]!.attachment.netns, plain.b)).toBe(true);
  });

  it("a third node behind a router: --dry-run shows the tunl0 route; apply on a kernel without ipip names tunl0 and the pool, takes no tunnel address and sets the rest", async () => {
    const router = await lab.add("r");
    const underlay = lab.name("u");
    await lab.exec(underlay, ["ip", "link", "add", "pr", "type", "veth", "peer", "name", "up0", "netns", router]);
    await lab.exec(underlay, ["ip", "link", "set", "pr", "master", "br0"]);
    await lab.exec(underlay, ["ip", "link", "set", "pr", "up"]);
    await lab.exec(router, ["ip", "addr", "add", "192.168.50.254/24", "dev", "up0"]);
    await lab.exec(router, ["ip", "link", "set", "up0", "up"]);
    await nodeOn("c", router, "down0");
    await lab.exec(router, ["ip", "addr", "add", "192.168.60.254/24", "dev", "down0"]);
    await lab.exec(router, ["sysctl", "-q", "-w", "net.ipv4.ip_forward=1"]);
    await lab.exec(netns.c, ["ip", "route", "add", "default", "via", "192.168.60.254"]);
    for (const tag of ["a", "b"] as const)
      await lab.exec(netns[tag], ["ip", "route", "add", "192.168.60.0/24", "via", "192.168.50.254"]);
    await startContainer("c", CROSS, "cc1");
    const [crossOfC] = await blocksOf("node-c", CROSS);

    const dryRun = await agent("a", ["apply", "--dry-run"]);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toContain(`${crossOfC} via 192.168.60.3 dev tunl0 onlink`);
    const before = await ownRoutes(netns.a);

    const applied = await agent("a", ["apply"]);
    if (await linkExists(netns.a, "tunl0")) {
      // A kernel with IPIP: the route is set and tunl0 carries the node's tunnel address from the pool.
      expect(applied.code, applied.stderr).toBe(0);
      expect(await routeTo("a", crossOfC!)).toMatchObject({ gateway: "192.168.60.3", dev: "tunl0" });
      expect(await tunnelAllocations()).toEqual([expect.objectContaining({ containerId: "node-a" })]);
    } else {
      expect(applied.code).toBe(1);
      expect(applied.stderr).toContain("tunl0: this kernel has no IPIP support");
      expect(applied.stderr).toContain(`pool(s) ${CROSS}`);
      expect(await tunnelAllocations()).toEqual([]);
      expect(await ownRoutes(netns.a)).toEqual(before);
      expect(await ping(containers[0]!.attachment.netns, cross.b)).toBe(true);
      expect(await ping(containers[2]!.attachment.netns, plain.b)).toBe(true);
    }
    // node-c, off the others' subnet, has no way to the ipip-disabled pool's blocks: a warning, not an error.
    const onC = await agent("c", ["apply"]);
    const [plainOfA] = await blocksOf("node-a", PLAIN);
    expect(onC.stderr).toContain(`node node-a at 192.168.50.1 is unroutable for block ${plainOfA}`);
    expect(await routeTo("c", plainOfA!)).toBeUndefined();
    expect(await routeTo("c", crossOfC!)).toMatchObject({ type: "blackhole" });
  });

  it("once the third node is deleted with --release-blocks, its route goes and apply exits 0 without tunl0's help", async () => {
    const third = containers.pop()!;
    await third.runtime.del(third.attachment);
    const [crossOfC] = await blocksOf("node-c", CROSS);
    expect(await cli(["delete", "node", "node-c", "--release-blocks"])).toContain(
      `released 1 empty block(s) of node node-c: ${crossOfC}\n`,
    );
    const out = await applyOk("a");
    if (await linkExists(netns.a, "tunl0")) expect(out).toMatch(/^tunnel address .* released$/m);
    expect(await routeTo("a", crossOfC!)).toBeUndefined();
    expect(await tunnelAllocations()).toEqual([]);
  });

  it("remove leaves no rule, chain or route of ippool's on any node", async () => {
    for (const tag of ["a", "b", "c"] as const) {
      expect(await ownRuleLines(netns[tag])).toContain(`-A IPPOOL-NAT-OUTGOING -s ${PLAIN} -d ${CROSS} -j RETURN`);
      const removed = await agent(tag, ["remove"]);
      expect(removed.code, removed.stderr).toBe(0);
      expect(await ownRoutes(netns[tag])).toEqual([]);
      expect(await ownRuleLines(netns[tag])).toEqual([]);
    }
    for (const { runtime, attachment } of containers.splice(0)) await runtime.del(attachment);
    expect(JSON.parse(await cli(["allocations", "-o", "json"]))).toEqual([]);
  });
});
