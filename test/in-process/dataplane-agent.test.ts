// The node agent's dataplane loop in-process: pools, nodes and blocks on the in-memory store, the real ip and iptables in a namespace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyOnce,
  currentPlan,
  tunnelAddressing,
  stopOnSignals,
  watchDataplane,
  type DataplaneNode,
} from "../../src/agent/dataplane-loop.js";
import { describePlan } from "../../src/dataplane/apply.js";
import { describeRemoval, removeDataplane } from "../../src/dataplane/remove.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { NetnsLab, attempt, linkExists, run } from "../e2e/netns.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "../e2e/prerequisites.js";
import { addUplink, ownRoutes, ownRuleLines, pathWithoutIptables, savedRules } from "../dataplane/lab.js";
import { memoryCluster, netconf, nodeDoc, ok, poolDoc, yamlDocs } from "./support.js";

const skip = skipUnlessReady("dataplane agent in-process", [
  ...NAMESPACE_BASICS,
  "program:iptables",
  "program:ip6tables",
  "program:iptables-save",
  "program:ip6tables-save",
]);

const NAT4 = "10.30.0.0/24";
const NAT6 = "fd00:30::/64";
const CROSS = "10.61.0.0/16";
const pools = (natOutgoing: boolean) =>
  yamlDocs(
    poolDoc(NAT4, { "nat-outgoing": natOutgoing }),
    poolDoc(NAT6, { "nat-outgoing": natOutgoing }),
    poolDoc(CROSS, { ipip: { enabled: true, mode: "cross-subnet" } }),
  );
// The lab's node is 192.168.77.1/24 and fd00:77::1/64 (addUplink); node-b shares both subnets, node-c is elsewhere.
const NODES = [
  ["node-a", "192.168.77.1/24", "fd00:77::1/64"],
  ["node-b", "192.168.77.2/24", "fd00:77::2/64"],
  ["node-c", "192.168.99.3/24"],
] as const;
const MASQUERADE4 = `-A IPPOOL-NAT-OUTGOING -s ${NAT4} -j MASQUERADE --random-fully`;
/** A tool missing inside the namespace, named as system/tools.ts names one missing on the host. */
const missing = (tool: string) => expect.stringMatching(new RegExp(`^${tool} not found on PATH`));

/** What the agent of node-a told its operator, line by line. */
interface Told {
  readonly out: string[];
  readonly warnings: string[];
  readonly errors: string[];
}

describe.skipIf(skip)("dataplane agent on a namespace", () => {
  const lab = new NetnsLab("i");
  const cluster = memoryCluster();
  let netns = "";
  const told: Told = { out: [], warnings: [], errors: [] };
  const agent: DataplaneNode = {
    store: new MemoryStore(cluster.datastore),
    nodename: "node-a",
    now: () => new Date(),
    out: (text) => told.out.push(text),
    warn: (line) => told.warnings.push(line),
    error: (line) => told.errors.push(line),
  };
  /** One apply as `ippool dataplane apply` on node-a runs it; its exit code and what it said. */
  const apply = async (mtu?: number): Promise<{ code: number } & Told> => {
    for (const lines of Object.values(told)) lines.splice(0);
    const code = await applyOnce(agent, { netns, ...(mtu !== undefined ? { mtu } : {}) });
    return { code, out: [...told.out], warnings: [...told.warnings], errors: [...told.errors] };
  };
  const blockOf = async (node: string, pool: string): Promise<string> => {
    const blocks = JSON.parse(ok(await cluster.cli(["blocks", "-o", "json"]))) as {
      cidr: string;
      pool: string;
      node: string;
    }[];
    return blocks.find((block) => block.pool === pool && block.node === node)!.cidr;
  };
  const register = async ([name, ipv4, ipv6]: (typeof NODES)[number]) => {
    const addresses = ["--ipv4-address", ipv4, ...(ipv6 ? ["--ipv6-address", ipv6] : [])];
    ok(await cluster.cli(["node", "register", "--nodename", name, ...addresses]));
  };
  const routeTo = async (dst: string) => (await ownRoutes(netns)).find((route) => route.dst === dst);
  const tunnelAddresses = async () =>
    (JSON.parse(ok(await cluster.cli(["allocations", "-o", "json"]))) as { network: string; addresses: unknown[] }[])
      .filter((entry) => entry.network === "_ippool-tunnel")
      .flatMap((entry) => entry.addresses);
  /** tunl0's MTU and IPv4 addresses. */
  const tunl0 = async () => {
    const [link] = JSON.parse(await run("ip", ["-n", netns, "-j", "addr", "show", "dev", "tunl0"])) as {
      mtu: number;
      addr_info: { family: string; local: string }[];
    }[];
    return { mtu: link!.mtu, ipv4: link!.addr_info.filter((info) => info.family === "inet").map((info) => info.local) };
  };
  /** The same environment with iptables and ip6tables not installed, as on a node without them. */
  async function withoutIptables<T>(work: () => Promise<T>): Promise<T> {
    const noIptables = pathWithoutIptables();
    const path = process.env.PATH;
    process.env.PATH = noIptables.path;
    try {
      return await work();
    } finally {
      process.env.PATH = path;
      noIptables.remove();
    }
  }

  beforeAll(async () => {
    netns = (await addUplink(lab, "0")).node;
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: pools(true) }));
    for (const node of NODES) await register(node);
    const dualStack = netconf({ ipv4_pools: [NAT4], ipv6_pools: [NAT6] });
    await cluster.add("ctr-a", dualStack, "node-a");
    await cluster.add("ctr-b", dualStack, "node-b");
    await cluster.add("ctr-c", netconf({ ipv4_pools: [NAT4], assign_ipv6: false }), "node-c");
  });
  afterAll(() => lab.cleanup());

  it("apply writes nat-outgoing for both families, a blackhole for each own block and a route via node-b for each of its blocks", async () => {
    const applied = await apply();
    expect(applied.code, applied.errors.join("\n")).toBe(0);
    expect(applied.out).toEqual(
      expect.arrayContaining([
        "IPv4 nat-outgoing rules written (1 pool(s) masqueraded)\n",
        "IPv6 nat-outgoing rules written (1 pool(s) masqueraded)\n",
      ]),
    );
    expect(await ownRuleLines(netns)).toEqual(
      expect.arrayContaining([MASQUERADE4, `-A IPPOOL-NAT-OUTGOING -s ${NAT6} -j MASQUERADE --random-fully`]),
    );
    expect(await routeTo(await blockOf("node-a", NAT4))).toMatchObject({ type: "blackhole" });
    expect(await routeTo(await blockOf("node-a", NAT6))).toMatchObject({ type: "blackhole" });
    expect(await routeTo(await blockOf("node-b", NAT4))).toMatchObject({ gateway: "192.168.77.2" });
    expect(await routeTo(await blockOf("node-b", NAT6))).toMatchObject({ gateway: "fd00:77::2" });
    // node-c is off this node's subnet and its pool has no ipip: a warning, no route, exit 0.
    expect(applied.warnings).toEqual([expect.stringMatching(/^node node-c at 192\.168\.99\.3 is unroutable/)]);
    expect(await routeTo(await blockOf("node-c", NAT4))).toBeUndefined();
  });

  it("a second apply changes nothing; a rule and a route deleted by hand are put back", async () => {
    const [rules, routes] = [await savedRules(netns), await ownRoutes(netns)];
    expect((await apply()).out).toEqual([]);
    await lab.exec(netns, ["iptables", "-t", "nat", "-D", ...MASQUERADE4.slice(3).split(" ")]);
    const nodeB = await blockOf("node-b", NAT4);
    await run("ip", ["-n", netns, "route", "del", nodeB, "proto", "201"]);
    const applied = await apply();
    expect(applied.out).toEqual([
      "IPv4 nat-outgoing rules written (1 pool(s) masqueraded)\n",
      `route set: ${nodeB} via 192.168.77.2 proto 201\n`,
    ]);
    expect([await savedRules(netns), await ownRoutes(netns)]).toEqual([rules, routes]);
  });

  it("the dry run prints the restore input and routes, changing nothing; without iptables it prints what a fresh node gets", async () => {
    const rules = await savedRules(netns);
    const plan = await currentPlan(agent);
    const printed = await describePlan(plan, { netns });
    expect(printed).toContain(`${MASQUERADE4}\n`);
    expect(printed).toContain("# routes (ip route, proto 201)\n");
    // Our chains exist here already, so the input flushes them rather than hooking POSTROUTING again.
    expect(printed).not.toContain("-A POSTROUTING -j IPPOOL-POSTROUTING");
    expect(await savedRules(netns)).toBe(rules);
    const fresh = await withoutIptables(() => describePlan(plan, { netns }));
    expect(fresh).toContain("-A POSTROUTING -j IPPOOL-POSTROUTING\n");
    expect(fresh).toContain(`${MASQUERADE4}\n`);
  });

  it("without iptables each family's error names the missing tool, exit 1, and routes are still reconciled", async () => {
    const nodeB = await blockOf("node-b", NAT4);
    await run("ip", ["-n", netns, "route", "del", nodeB, "proto", "201"]);
    const applied = await withoutIptables(() => apply());
    expect(applied.code).toBe(1);
    expect(applied.errors).toEqual([missing("iptables"), missing("ip6tables")]);
    expect(applied.out).toEqual([`route set: ${nodeB} via 192.168.77.2 proto 201\n`]);
  });

  it("pools without nat-outgoing: apply takes ippool's chains away in both families", async () => {
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: pools(false) }));
    const applied = await apply();
    expect(applied.out).toEqual([
      "IPv4 nat-outgoing chains removed (no pool of the family has nat-outgoing)\n",
      "IPv6 nat-outgoing chains removed (no pool of the family has nat-outgoing)\n",
    ]);
    expect(await ownRuleLines(netns)).toEqual([]);
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: pools(true) }));
    expect((await apply()).code).toBe(0);
  });

  it("with tunl0 present: the uplink's MTU minus 20, the node's tunnel address alone on it, routes dev tunl0 onlink", async () => {
    await cluster.add("ctr-c-ipip", netconf({ ipv4_pools: [CROSS], assign_ipv6: false }), "node-c");
    // A kernel with IPIP gives every namespace its tunl0. This one may have neither IPIP nor dummy
    // links: a veth named tunl0 then stands in, so the runner's handling of tunl0 still meets the
    // real kernel (MTU, addresses, onlink routes).
    if (!(await linkExists(netns, "tunl0")))
      await lab.exec(netns, ["ip", "link", "add", "tunl0", "type", "veth", "peer", "name", "tunl0-peer"]);
    await lab.exec(netns, ["ip", "link", "set", "tunl0-peer", "up"]).catch(() => undefined);
    await lab.exec(netns, ["ip", "addr", "add", "10.99.0.1/32", "dev", "tunl0"]);
    await run("ip", ["-n", netns, "route", "add", "default", "via", "192.168.77.2"]);
    const applied = await apply();
    expect(applied.code, applied.errors.join("\n")).toBe(0);
    const [held] = (await tunnelAddresses()) as { pool: string; address: string }[];
    expect(held?.pool).toBe(CROSS);
    const nodeC = await blockOf("node-c", CROSS);
    // The block the address came from, claimed after the round's plan was read, gets its blackhole
    // in the same apply: a round that allocates plans once more.
    expect(applied.out).toEqual([
      `tunnel address ${held!.address} allocated for tunl0\n`,
      `tunl0 address set: ${held!.address}/32\n`,
      `route set: ${nodeC} via 192.168.99.3 dev tunl0 onlink proto 201\n`,
      `route set: blackhole ${await blockOf("node-a", CROSS)} proto 201\n`,
    ]);
    expect(await tunl0()).toEqual({ mtu: 1480, ipv4: [held!.address] });
    expect(await routeTo(nodeC)).toMatchObject({ gateway: "192.168.99.3", dev: "tunl0", flags: ["onlink"] });
    // Applied again with an MTU given: the same address is kept, nothing else changes.
    expect((await apply(1400)).out).toEqual([]);
    expect(await tunl0()).toEqual({ mtu: 1400, ipv4: [held!.address] });
  });

  it("watch reconciles every interval, reports a failed round and goes on, warns once per new warning, and ends with 0 on SIGTERM", async () => {
    ok(await cluster.cli(["delete", "node", "node-a", "--force"]));
    for (const lines of Object.values(told)) lines.splice(0);
    const listenersBefore = [process.listeners("SIGTERM"), process.listeners("SIGINT")];
    const stop = stopOnSignals();
    const watching = watchDataplane(agent, { netns }, 1, stop.signal).finally(() => stop.dispose());
    const until = async (check: () => Promise<boolean> | boolean) => {
      while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const masqueraded = async () => (await ownRuleLines(netns)).includes(MASQUERADE4);
    try {
      await until(() => told.errors.length > 0);
      expect(told.errors[0]).toMatch(/^node node-a has no node record/);
      await lab.exec(netns, ["iptables", "-t", "nat", "-F", "IPPOOL-NAT-OUTGOING"]);
      await register(NODES[0]);
      await until(masqueraded);
      // A second round puts the rule back again; the warning about node-c stays, so it is not repeated.
      await lab.exec(netns, ["iptables", "-t", "nat", "-F", "IPPOOL-NAT-OUTGOING"]);
      await until(masqueraded);
    } finally {
      process.kill(process.pid, "SIGTERM");
    }
    expect(await watching).toBe(0);
    expect(told.warnings.filter((line) => line.startsWith("node node-c at 192.168.99.3 is unroutable"))).toHaveLength(
      1,
    );
    // The watch's handlers go with it: a later SIGTERM ends the process as it would without them.
    expect([process.listeners("SIGTERM"), process.listeners("SIGINT")]).toEqual(listenersBefore);
  });

  it("once no route needs tunl0, apply gives the tunnel address back and takes it off tunl0", async () => {
    const [held] = (await tunnelAddresses()) as { address: string }[];
    expect(
      (await cluster.plugin({ command: "DEL", containerId: "ctr-c-ipip", node: "node-c" }, netconf())).exitCode,
    ).toBe(0);
    ok(await cluster.cli(["blocks", "release", "--empty", "--nodename", "node-c"]));
    const applied = await apply();
    expect(applied.code, applied.errors.join("\n")).toBe(0);
    expect(applied.out).toContain(`tunnel address ${held!.address} released\n`);
    expect(await tunnelAddresses()).toEqual([]);
    expect((await tunl0()).ipv4).toEqual([]);
  });

  it("on a kernel without IPIP, a block that needs tunl0 is an error naming tunl0 and the pool; no tunnel address is taken, the rest is applied", async () => {
    await cluster.add("ctr-c-ipip-2", netconf({ ipv4_pools: [CROSS], assign_ipv6: false }), "node-c");
    // The stand-in goes; a kernel with IPIP keeps its own tunl0, which cannot be deleted.
    await attempt("ip", ["-n", netns, "link", "del", "tunl0"]);
    const routes = await ownRoutes(netns);
    const applied = await apply();
    if (await linkExists(netns, "tunl0")) {
      expect(applied.code, applied.errors.join("\n")).toBe(0);
      expect(await routeTo(await blockOf("node-c", CROSS))).toMatchObject({ dev: "tunl0" });
    } else {
      expect(applied.code).toBe(1);
      expect(applied.errors).toEqual([expect.stringMatching(/^tunl0: this kernel has no IPIP support/)]);
      expect(applied.errors[0]).toContain(`pool(s) ${CROSS}`);
      expect(await tunnelAddresses()).toEqual([]);
      expect(await ownRoutes(netns)).toEqual(routes);
    }
  });

  it("with a VXLAN pool: the device, its tunnel address and published endpoint, node-b's entries and route; again nothing; gone with the pool", async () => {
    const VXLAN = "10.63.0.0/16";
    const B_MAC = "66:00:00:00:0b:01";
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc(VXLAN, { vxlan: {} })) }));
    await cluster.add("ctr-b-vxlan", netconf({ ipv4_pools: [VXLAN], assign_ipv6: false }), "node-b");
    // node-b's agent published its endpoint; node-c's has not yet.
    const nodeB = {
      ...nodeDoc("node-b", "192.168.77.2/24"),
      spec: {
        bgp: { ipv4Address: "192.168.77.2/24", ipv6Address: "fd00:77::2/64" },
        vxlan: { ipv4TunnelAddress: "10.63.200.1", ipv4TunnelMAC: B_MAC },
      },
    };
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(nodeB) }));
    const blockOfB = await blockOf("node-b", VXLAN);

    const applied = await apply();
    expect(applied.errors.filter((line) => !line.startsWith("tunl0:"))).toEqual([]);
    const [address] = (await tunnelAddresses()) as { address: string; pool: string }[];
    expect(address).toMatchObject({ pool: VXLAN });
    const [link] = JSON.parse(await run("ip", ["-n", netns, "-d", "-j", "addr", "show", "dev", "vxlan.ippool"]));
    expect(link).toMatchObject({
      mtu: 1450,
      linkinfo: { info_kind: "vxlan", info_data: { id: 4096, port: 4789, local: "192.168.77.1", learning: false } },
    });
    expect(link.addr_info).toContainEqual(expect.objectContaining({ local: address!.address, prefixlen: 32 }));
    const vxlanOfA = async () =>
      JSON.parse(ok(await cluster.cli(["get", "node", "node-a", "-o", "json"])))[0].spec.vxlan;
    expect(await vxlanOfA()).toEqual({ ipv4TunnelAddress: address!.address, ipv4TunnelMAC: link.address });
    expect(applied.out).toEqual(
      expect.arrayContaining([
        `vxlan neighbour set: 10.63.200.1 lladdr ${B_MAC} dev vxlan.ippool nud permanent\n`,
        `vxlan forwarding entry set: ${B_MAC} dev vxlan.ippool dst 192.168.77.2 self permanent\n`,
        `route set: ${blockOfB} via 10.63.200.1 dev vxlan.ippool onlink proto 201\n`,
      ]),
    );
    expect(await routeTo(blockOfB)).toMatchObject({ gateway: "10.63.200.1", dev: "vxlan.ippool" });
    expect((await apply()).out).toEqual([]);

    // VXLAN turned off: the device, the address and the published endpoint go; then the pool can be deleted.
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc(VXLAN, { vxlan: { enabled: false } })) }));
    const dropped = await apply();
    expect(dropped.out).toEqual(
      expect.arrayContaining(["vxlan.ippool removed\n", `VXLAN tunnel address ${address!.address} released\n`]),
    );
    expect(await linkExists(netns, "vxlan.ippool")).toBe(false);
    expect(await vxlanOfA()).toBeUndefined();
    expect(await tunnelAddresses()).toEqual([]);
    ok(await cluster.cli(["release", "--container", "ctr-b-vxlan", "--yes"]));
    for (const node of ["node-a", "node-b"])
      ok(await cluster.cli(["blocks", "release", "--empty", "--nodename", node]));
    ok(await cluster.cli(["delete", "pools", VXLAN]));
  });

  it("remove: the dry run lists rules, routes and the tunnel address and changes nothing; remove takes them all; again finds nothing", async () => {
    // The tunnel address as the agent takes it, so remove has one to give back.
    const { address } = await tunnelAddressing(agent, [CROSS]).acquire();
    const options = { netns, tunnelAddress: tunnelAddressing(agent, []) };
    const [rules, routes] = [await savedRules(netns), await ownRoutes(netns)];
    /** A report without errors whose lines include `lines`. */
    const including = (lines: string[]) => ({ changes: expect.arrayContaining(lines), errors: [] });
    expect(await describeRemoval(options)).toEqual(
      including([
        "# iptables-restore --noflush",
        "-D POSTROUTING -j IPPOOL-POSTROUTING",
        "# ip6tables-restore --noflush",
        "# routes to delete (ip route del, proto 201)",
        `blackhole ${await blockOf("node-a", NAT4)} proto 201`,
        `# tunnel address to release: ${address} (taken off tunl0)`,
      ]),
    );
    expect([await savedRules(netns), await ownRoutes(netns)]).toEqual([rules, routes]);
    expect(await removeDataplane(options)).toEqual(
      including([
        "IPv4 nat-outgoing chains removed",
        "IPv6 nat-outgoing chains removed",
        `tunnel address ${address} released`,
      ]),
    );
    expect([await ownRuleLines(netns), await ownRoutes(netns), await tunnelAddresses()]).toEqual([[], [], []]);
    expect((await describeRemoval(options)).changes).toEqual([
      "# iptables-restore: nothing to remove (no chain or jump of ippool's)",
      "# ip6tables-restore: nothing to remove (no chain or jump of ippool's)",
      "# routes to delete (ip route del, proto 201)",
      "# tunnel address: none held",
    ]);
    expect(await removeDataplane(options)).toEqual({ changes: [], errors: [] });
    const blind = await withoutIptables(() => describeRemoval(options));
    expect(blind.errors).toEqual([missing("iptables"), missing("ip6tables")]);
  });
});
