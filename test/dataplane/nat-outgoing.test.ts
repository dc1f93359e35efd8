// nat-outgoing for real: a ptp container on a "node" namespace pings an external namespace that has no route back to the pool.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { IPPOOL, execCli, poolDoc, tempDir } from "../helpers/ippool.js";
import { CniRuntime, pluginDirWithIppool, type Conflist } from "../e2e/cni-runtime.js";
import { resultIps } from "../e2e/expectations.js";
import { NetnsLab, attempt, hostPart, run } from "../e2e/netns.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "../e2e/prerequisites.js";
import { ensureTunnelAddress } from "../../src/ipam/tunnel-address.js";
import { readStoredPools } from "../../src/ipam/stored-pools.js";
import { openStore } from "../../src/store/open-store.js";
import { addUplink, ippoolIn, ownRoutes, ownRuleLines, pathWithoutIptables, savedRules, type Uplink } from "./lab.js";

const skip = skipUnlessReady("dataplane nat-outgoing", [
  ...NAMESPACE_BASICS,
  "plugin:ptp",
  "program:iptables",
  "program:ip6tables",
  "program:iptables-save",
  "program:ip6tables-save",
]);

const POOL_V4 = "10.30.0.0/24";
const POOL_V6 = "fd00:30::/64";
const OTHER_POOL = "10.31.0.0/24";
const EXTERNAL_V4 = "192.168.77.2";
const EXTERNAL_V6 = "fd00:77::2";
const NODE_V4 = "192.168.77.1";
const NODE_V6 = "fd00:77::1";
/** An address of the other pool, placed on the external namespace's loopback. */
const OTHER_POOL_HOST = "10.31.0.5";

/** A ping that answers within 5 s, or not. */
async function pings(netns: string, address: string): Promise<boolean> {
  return (
    (
      await attempt("ip", [
        "netns",
        "exec",
        netns,
        "ping",
        address.includes(":") ? "-6" : "-4",
        "-c",
        "1",
        "-w",
        "3",
        address,
      ])
    ).code === 0
  );
}

/** Waits up to 5 s for `check` to hold; its last answer. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let tries = 0; tries < 50 && !(await check()); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
  return check();
}

describe.skipIf(skip)("ippool dataplane: nat-outgoing", () => {
  const lab = new NetnsLab("d");
  let bin: ReturnType<typeof pluginDirWithIppool>;
  let data: ReturnType<typeof tempDir>;
  let uplink: Uplink;
  const hasMasquerade = async () =>
    (await ownRuleLines(uplink.node)).some((line) =>
      line.startsWith(`-A IPPOOL-NAT-OUTGOING -s ${POOL_V4} -j MASQUERADE`),
    );
  let container: { containerId: string; netns: string; ifname: string };
  let source: { 4: string; 6: string };
  const storeDir = () => `${data.path}/store`;
  const dataplane = (args: string[], env?: Record<string, string>) =>
    ippoolIn(uplink.node, storeDir(), ["dataplane", ...args, "--nodename", "node-1"], env);
  const applyPools = async (...docs: unknown[]) => {
    const result = await execCli(["apply", "-f", "-"], {
      dataDir: storeDir(),
      stdin: docs.map((doc) => stringify(doc)).join("---\n"),
    });
    expect(result.code, result.stderr).toBe(0);
  };
  const applyOk = async () => {
    const result = await dataplane(["apply"]);
    expect(result.code, result.stderr).toBe(0);
    return result;
  };
  /** Echo requests the external namespace received from `from`. */
  const received = async (from: string): Promise<number> => {
    const family = from.includes(":") ? "ip6tables-save" : "iptables-save";
    const line = (await run("ip", ["netns", "exec", uplink.external, family, "-c", "-t", "filter"]))
      .split("\n")
      .find((text) => text.includes(`-s ${from} `));
    return Number(/^\[(\d+):/.exec(line ?? "")?.[1] ?? Number.NaN);
  };
  const tunnelAllocations = async () => {
    const listed = await execCli(["allocations", "-o", "json"], { dataDir: storeDir() });
    expect(listed.code, listed.stderr).toBe(0);
    return (JSON.parse(listed.stdout) as { network: string }[]).filter((entry) => entry.network === "_ippool-tunnel");
  };
  const masqueraded = (nat4: boolean, nat6 = nat4) => [
    poolDoc(POOL_V4, { "nat-outgoing": nat4 }),
    poolDoc(POOL_V6, { "nat-outgoing": nat6 }),
    poolDoc(OTHER_POOL),
  ];

  beforeAll(async () => {
    bin = pluginDirWithIppool();
    data = tempDir("ippool-dataplane-");
    uplink = await addUplink(lab, "0");
    // Counters on the external side: who the echo requests come from.
    for (const from of [`${NODE_V4}/32`, POOL_V4])
      await lab.exec(uplink.external, [
        "iptables",
        "-A",
        "INPUT",
        "-p",
        "icmp",
        "--icmp-type",
        "echo-request",
        "-s",
        from,
        "-j",
        "ACCEPT",
      ]);
    for (const from of [`${NODE_V6}/128`, POOL_V6])
      await lab.exec(uplink.external, [
        "ip6tables",
        "-A",
        "INPUT",
        "-p",
        "ipv6-icmp",
        "--icmpv6-type",
        "echo-request",
        "-s",
        from,
        "-j",
        "ACCEPT",
      ]);
    await lab.exec(uplink.external, ["ip", "addr", "add", `${OTHER_POOL_HOST}/32`, "dev", "lo"]);
    await lab.exec(uplink.node, ["ip", "route", "add", `${OTHER_POOL_HOST}/32`, "via", EXTERNAL_V4]);
    await applyPools(...masqueraded(true));
    const register = await execCli(
      [
        "node",
        "register",
        "--nodename",
        "node-1",
        "--ipv4-address",
        `${NODE_V4}/24`,
        "--ipv6-address",
        `${NODE_V6}/64`,
      ],
      { dataDir: storeDir() },
    );
    expect(register.code, register.stderr).toBe(0);
    const conflist: Conflist = {
      cniVersion: "1.0.0",
      name: "dpnet",
      plugins: [
        {
          type: "ptp",
          ipMasq: false,
          ipam: {
            type: "ippool",
            dataDir: storeDir(),
            ipv4_pools: [POOL_V4],
            ipv6_pools: [POOL_V6],
            routes: [{ dst: "0.0.0.0/0" }, { dst: "::/0" }],
          },
        },
      ],
    };
    container = { containerId: `ctr-${process.pid}`, netns: await lab.add("c0"), ifname: "eth0" };
    const ips = resultIps(await new CniRuntime(conflist, { hostNetns: uplink.node, cniPath: bin.dirs }).add(container));
    source = {
      4: hostPart(ips.find((ip) => ip.family === 4)!.address),
      6: hostPart(ips.find((ip) => ip.family === 6)!.address),
    };
  });

  afterAll(async () => {
    await lab.cleanup();
    bin?.remove();
    data?.remove();
  });

  it("without ippool's rules the external address does not answer the container", async () => {
    expect(await pings(container.netns, EXTERNAL_V4)).toBe(false);
    expect(await received(POOL_V4)).toBeGreaterThan(0);
  });

  it("with nat-outgoing true the ping works and the external side sees the node's address (IPv4 and IPv6)", async () => {
    await applyOk();
    for (const [external, node] of [
      [EXTERNAL_V4, `${NODE_V4}/32`],
      [EXTERNAL_V6, `${NODE_V6}/128`],
    ] as const) {
      const before = await received(node);
      expect(await pings(container.netns, external)).toBe(true);
      expect(await received(node)).toBeGreaterThan(before);
    }
  });

  it("a destination in another pool keeps the container's own source", async () => {
    const [fromPool, fromNode] = [await received(POOL_V4), await received(`${NODE_V4}/32`)];
    expect(await pings(container.netns, OTHER_POOL_HOST)).toBe(false);
    expect(await received(POOL_V4)).toBeGreaterThan(fromPool);
    expect(await received(`${NODE_V4}/32`)).toBe(fromNode);
    expect(source[4]).toMatch(/^10\.30\.0\./);
  });

  it("re-running apply changes nothing", async () => {
    const before = await savedRules(uplink.node);
    const result = await applyOk();
    expect(result.stdout).toBe("");
    expect(await savedRules(uplink.node)).toBe(before);
    expect(
      (await ownRuleLines(uplink.node)).filter((line) => line === "-A POSTROUTING -j IPPOOL-POSTROUTING"),
    ).toHaveLength(2);
  });

  it("--dry-run prints the restore input and changes nothing", async () => {
    const before = await savedRules(uplink.node);
    const result = await dataplane(["apply", "--dry-run"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`-A IPPOOL-NAT-OUTGOING -s ${POOL_V4} -d ${OTHER_POOL} -j RETURN\n`);
    expect(result.stdout).toContain(`-A IPPOOL-NAT-OUTGOING -s ${POOL_V6} -j MASQUERADE --random-fully\n`);
    expect(result.stdout).toContain("# routes (ip route, proto 201)\n");
    expect(await savedRules(uplink.node)).toBe(before);
  });

  it("a rule or jump deleted by hand is restored by the next apply", async () => {
    const before = await savedRules(uplink.node);
    await lab.exec(uplink.node, [
      "iptables",
      "-t",
      "nat",
      "-D",
      "IPPOOL-NAT-OUTGOING",
      "-s",
      POOL_V4,
      "-j",
      "MASQUERADE",
      "--random-fully",
    ]);
    await lab.exec(uplink.node, ["ip6tables", "-t", "nat", "-D", "POSTROUTING", "-j", "IPPOOL-POSTROUTING"]);
    expect(await pings(container.netns, EXTERNAL_V4)).toBe(false);
    const result = await applyOk();
    expect(result.stdout).toContain("IPv4 nat-outgoing rules written");
    expect(await savedRules(uplink.node)).toBe(before);
    expect(await pings(container.netns, EXTERNAL_V4)).toBe(true);
  });

  it("with nat-outgoing false the ping fails, for IPv4 and IPv6", async () => {
    await applyPools(...masqueraded(false));
    await applyOk();
    expect(await pings(container.netns, EXTERNAL_V4)).toBe(false);
    expect(await pings(container.netns, EXTERNAL_V6)).toBe(false);
    // No pool of either family masquerades, so ippool's chains are gone altogether.
    expect(await ownRuleLines(uplink.node)).toEqual([]);
  });

  it("a disabled pool covering the external address stops the masquerade", async () => {
    await applyPools(
      ...masqueraded(true),
      poolDoc("192.168.77.0/24", { disabled: true }),
      poolDoc("fd00:77::/64", { disabled: true }),
    );
    await applyOk();
    const fromPool = await received(POOL_V4);
    expect(await pings(container.netns, EXTERNAL_V4)).toBe(false);
    expect(await pings(container.netns, EXTERNAL_V6)).toBe(false);
    expect(await received(POOL_V4)).toBeGreaterThan(fromPool);
    const deleted = await execCli(["delete", "pool", "192.168.77.0/24", "fd00:77::/64"], { dataDir: storeDir() });
    expect(deleted.code, deleted.stderr).toBe(0);
    await applyOk();
    expect(await pings(container.netns, EXTERNAL_V4)).toBe(true);
  });

  it("watch restores a rule deleted by hand within its interval, follows pool changes, outlives a missing node record, and exits 0 on SIGTERM", async () => {
    const child = spawn(
      "ip",
      [
        "netns",
        "exec",
        uplink.node,
        IPPOOL,
        "dataplane",
        "watch",
        "--interval",
        "1",
        "--nodename",
        "node-1",
        "--data-dir",
        storeDir(),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    try {
      expect(await eventually(hasMasquerade)).toBe(true);
      await lab.exec(uplink.node, ["iptables", "-t", "nat", "-F", "IPPOOL-NAT-OUTGOING"]);
      expect(await hasMasquerade()).toBe(false);
      expect(await eventually(hasMasquerade)).toBe(true);
      await applyPools(...masqueraded(false));
      expect(await eventually(async () => !(await hasMasquerade()))).toBe(true);
      await applyPools(...masqueraded(true));
      expect(await eventually(hasMasquerade)).toBe(true);
      // This node's record vanishing is a failed round, reported; the watch goes on and recovers.
      expect((await execCli(["delete", "node", "node-1"], { dataDir: storeDir() })).code).toBe(0);
      expect(await eventually(async () => stderr.includes("ippool: node node-1 has no node record"))).toBe(true);
      expect(child.exitCode).toBeNull();
      const register = await execCli(
        [
          "node",
          "register",
          "--nodename",
          "node-1",
          "--ipv4-address",
          `${NODE_V4}/24`,
          "--ipv6-address",
          `${NODE_V6}/64`,
        ],
        { dataDir: storeDir() },
      );
      expect(register.code, register.stderr).toBe(0);
      await lab.exec(uplink.node, ["iptables", "-t", "nat", "-F", "IPPOOL-NAT-OUTGOING"]);
      expect(await eventually(hasMasquerade)).toBe(true);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited, stderr).toBe(0);
  });

  it("agent --dataplane keeps the rules converged as watch does while it serves the plugin's calls, and exits 0 on SIGTERM", async () => {
    await lab.exec(uplink.node, ["iptables", "-t", "nat", "-F", "IPPOOL-NAT-OUTGOING"]);
    const socket = `${storeDir()}-agent/agent.sock`;
    const args = ["agent", "--dataplane", "--interval", "1", "--nodename", "node-1", "--socket", socket];
    const child = spawn("ip", ["netns", "exec", uplink.node, IPPOOL, ...args, "--data-dir", storeDir()], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    try {
      expect(await eventually(hasMasquerade), stderr).toBe(true);
      await lab.exec(uplink.node, ["iptables", "-t", "nat", "-F", "IPPOOL-NAT-OUTGOING"]);
      expect(await eventually(hasMasquerade), stderr).toBe(true);
      const status = await execCli(["agent", "status", "--socket", socket]);
      expect(status.code, status.stderr).toBe(0);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited, stderr).toBe(0);
  });

  it("refuses a node name without a record, and changes nothing", async () => {
    const before = await savedRules(uplink.node);
    const result = await ippoolIn(uplink.node, storeDir(), ["dataplane", "apply", "--nodename", "node-9"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ippool: node node-9 has no node record (stored nodes: node-1)");
    expect(await savedRules(uplink.node)).toBe(before);
  });

  it("remove --dry-run prints the rules, routes and tunnel address it would take away, and changes nothing", async () => {
    // A tunnel address as the agent takes it where the kernel has IPIP (this one may not), which
    // claims node-1 a block; apply then routes that block (and, with no pool tunnelling, hands the
    // address back), so the second call leaves node-1 with rules, a route and a tunnel address.
    const store = await openStore({ datastore: { type: "disk" }, dataDir: storeDir(), lockWaitSeconds: 10 });
    const pools = (await store.read(readStoredPools)).filter((pool) => pool.id === POOL_V4);
    const takeTunnelAddress = () => store.update((txn) => ensureTunnelAddress(txn, "node-1", pools, new Date()));
    await takeTunnelAddress();
    await applyOk();
    const tunnel = await takeTunnelAddress();
    const [rules, routes, held] = [
      await savedRules(uplink.node),
      await ownRoutes(uplink.node),
      await tunnelAllocations(),
    ];
    expect(routes).toEqual([expect.objectContaining({ type: "blackhole" })]);
    expect(held).toHaveLength(1);
    const result = await dataplane(["remove", "--dry-run"]);
    expect(result.code, result.stderr).toBe(0);
    const removal =
      "*nat\n-D POSTROUTING -j IPPOOL-POSTROUTING\n-F IPPOOL-POSTROUTING\n-F IPPOOL-NAT-OUTGOING\n-X IPPOOL-POSTROUTING\n-X IPPOOL-NAT-OUTGOING\nCOMMIT\n";
    expect(result.stdout).toBe(
      `# iptables-restore --noflush\n${removal}# ip6tables-restore --noflush\n${removal}` +
        "# routes to delete (ip route del, proto 201)\n" +
        routes.map((route) => `blackhole ${route.dst} proto 201\n`).join("") +
        `# tunnel address to release: ${tunnel.address} (taken off tunl0)\n`,
    );
    expect(await savedRules(uplink.node)).toBe(rules);
    expect(await ownRoutes(uplink.node)).toEqual(routes);
    expect(await tunnelAllocations()).toEqual(held);
  });

  it("without iptables says so, per family, and exits 1; remove then takes away everything of ippool's", async () => {
    const noIptables = pathWithoutIptables();
    try {
      const result = await dataplane(["apply"], { PATH: noIptables.path });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("ippool: iptables not found on PATH");
      expect(result.stderr).toContain("ippool: ip6tables not found on PATH");
    } finally {
      noIptables.remove();
    }
    const removed = await dataplane(["remove"]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain("IPv4 nat-outgoing chains removed");
    expect(await ownRuleLines(uplink.node)).toEqual([]);
    expect(await ownRoutes(uplink.node)).toEqual([]);
    expect(await pings(container.netns, EXTERNAL_V4)).toBe(false);
    const again = await dataplane(["remove"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe("");
  });
});
