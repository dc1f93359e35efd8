// The VXLAN lab: nodes A and B on one underlay subnet, C on another behind a router that knows no pod block; pods reach each other through vxlan.ippool and vxlan6.ippool.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IPPOOL, runProcess, type ProcessResult } from "../helpers/ippool.js";
import { useE2eSuite } from "../e2e/suite-fixture.js";
import { CniRuntime, type Attachment, type Conflist } from "../e2e/cni-runtime.js";
import { resultIps } from "../e2e/expectations.js";
import { hostPart, linkExists, ping, run } from "../e2e/netns.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "../e2e/prerequisites.js";
import { ippoolArgvIn, ippoolIn, ownRoutes } from "./lab.js";

const skip = skipUnlessReady("VXLAN lab", [...NAMESPACE_BASICS, "plugin:ptp", "program:tcpdump", "program:bridge"]);

const CROSS = { 4: "10.72.0.0/16", 6: "fd00:72::/48" } as const;
const ALWAYS = { 4: "10.73.0.0/16", 6: "fd00:73::/48" } as const;
const POOLS = [
  ...Object.values(CROSS).map((cidr) => ({
    apiVersion: "v1",
    kind: "ipPool",
    metadata: { cidr },
    spec: { vxlan: { enabled: true, mode: "cross-subnet" } },
  })),
  ...Object.values(ALWAYS).map((cidr) => ({
    apiVersion: "v1",
    kind: "ipPool",
    metadata: { cidr },
    spec: { vxlan: {} },
  })),
];
/** A BPF filter that matches a packet whose outer addresses lie in a pod pool. */
const POD_OUTER = [...Object.values(CROSS), ...Object.values(ALWAYS)].map((cidr) => `net ${cidr}`).join(" or ");

// A and B share 192.168.50.0/24 and fd00:50::/64; C sits on 192.168.60.0/24 and fd00:60::/64 behind the router.
const NODES = {
  a: { name: "node-a", ipv4: "192.168.50.1/24", ipv6: "fd00:50::1/64" },
  b: { name: "node-b", ipv4: "192.168.50.2/24", ipv6: "fd00:50::2/64" },
  c: { name: "node-c", ipv4: "192.168.60.3/24", ipv6: "fd00:60::3/64" },
} as const;
type NodeTag = keyof typeof NODES;
const TAGS = ["a", "b", "c"] as const;
const DEVICES = { 4: "vxlan.ippool", 6: "vxlan6.ippool" } as const;

interface Pod {
  readonly netns: string;
  readonly ipv4: string;
  readonly ipv6: string;
}

/** A process inside a namespace that runs until stopped; its output so far. */
interface Background {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  /** SIGINT (SIGTERM for ippool), then what it printed and its exit code. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function background(netns: string, argv: readonly string[], env: Record<string, string> = {}): Background {
  const child = spawn("ip", ["netns", "exec", netns, ...argv], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const process_: Background = {
    child,
    stdout: "",
    stderr: "",
    stop: async (signal = "SIGINT") => {
      child.kill(signal);
      const code = await exited;
      return { code, stdout: process_.stdout, stderr: process_.stderr };
    },
  };
  child.stdout!.on("data", (chunk: Buffer) => (process_.stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (process_.stderr += chunk.toString()));
  return process_;
}

async function until(what: string, check: () => boolean | Promise<boolean>, seconds = 10): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * tcpdump on one interface with a BPF filter (it matches outer headers only); stop() returns its
 * lines: one per packet, and for VXLAN a second with the packet it carries.
 */
async function capture(
  netns: string,
  ifname: string,
  filter: string,
): Promise<{ stop(complete?: (lines: string[]) => boolean): Promise<string[]> }> {
  const dump = background(netns, ["tcpdump", "-nn", "-l", "--immediate-mode", "-i", ifname, filter]);
  await until(`tcpdump on ${ifname}`, () => dump.stderr.includes("listening on"));
  const lines = () => dump.stdout.split("\n").filter((line) => line !== "");
  return {
    // A ping returns as soon as its reply arrives, which may be before tcpdump has printed it:
    // given what a complete capture holds, wait for it (a while at most) before stopping.
    stop: async (complete) => {
      if (complete)
        await until(`tcpdump on ${ifname} to print the packets`, () => complete(lines()), 5).catch(() => undefined);
      await dump.stop();
      return lines();
    },
  };
}

/** A VXLAN packet from one node address to another (port 4789) whose decoded payload goes from one pod to the other. */
function carries(lines: readonly string[], [outerFrom, outerTo]: string[], [innerFrom, innerTo]: string[]): boolean {
  return lines.some(
    (line, index) =>
      new RegExp(`IP6? ${outerFrom}\\.\\d+ > ${outerTo}\\.4789: VXLAN`).test(line) &&
      (lines[index + 1] ?? "").startsWith(`${outerFrom.includes(":") ? "IP6" : "IP"} ${innerFrom} > ${innerTo}: ICMP`),
  );
}

describe.skipIf(skip)("VXLAN lab: three nodes, two subnets, both families", () => {
  const suite = useE2eSuite("V", "vxlan-lab");
  const { lab } = suite;
  const netns = {} as Record<NodeTag, string>;
  let router = "";
  let underlay = "";
  const dataDir = () => join(suite.data.path, "store");
  const cross = {} as Record<NodeTag, Pod>;
  const always = {} as Record<"a" | "b", Pod>;
  const containers: { runtime: CniRuntime; attachment: Attachment; node: NodeTag }[] = [];

  const cli = async (args: readonly string[]): Promise<string> => {
    const result = await runProcess(IPPOOL, [...args, "--data-dir", dataDir()]);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };

  /** `ippool dataplane ...` inside the node's namespace, as its agent runs there. */
  const dataplane = (tag: NodeTag, args: readonly string[], env: Record<string, string> = {}): Promise<ProcessResult> =>
    ippoolIn(netns[tag], dataDir(), ["dataplane", ...args, "--nodename", NODES[tag].name], env);
  const applyOk = async (tag: NodeTag): Promise<string> => {
    const result = await dataplane(tag, ["apply"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    return result.stdout;
  };

  const ptpNetwork = (name: string, pools: { 4: string; 6: string }): Conflist => ({
    cniVersion: "1.0.0",
    name,
    plugins: [
      {
        type: "ptp",
        ipMasq: false,
        ipam: {
          type: "ippool",
          dataDir: dataDir(),
          ipv4_pools: [pools[4]],
          ipv6_pools: [pools[6]],
          routes: [{ dst: "0.0.0.0/0" }, { dst: "::/0" }],
        },
      },
    ],
  });

  async function startPod(tag: NodeTag, pools: { 4: string; 6: string }, name: string): Promise<Pod> {
    const runtime = new CniRuntime(ptpNetwork(pools === CROSS ? "vxcross" : "vxalways", pools), {
      hostNetns: netns[tag],
      cniPath: suite.bin.dirs,
      env: { NODENAME: NODES[tag].name },
    });
    const attachment = { containerId: `ctr-${name}-${process.pid}`, netns: await lab.add(name), ifname: "eth0" };
    const ips = resultIps(await runtime.add(attachment)).map((ip) => hostPart(ip.address));
    containers.push({ runtime, attachment, node: tag });
    return {
      netns: attachment.netns,
      ipv4: ips.find((ip) => !ip.includes(":"))!,
      ipv6: ips.find((ip) => ip.includes(":"))!,
    };
  }

  /** A node namespace whose underlay link `up0` holds the node's addresses; the veth's peer goes into `into`. */
  async function nodeOn(tag: NodeTag, into: string, peer: string): Promise<void> {
    const node = await lab.add(`n${tag}`);
    netns[tag] = node;
    await lab.exec(node, ["ip", "link", "add", "up0", "type", "veth", "peer", "name", peer, "netns", into]);
    await lab.exec(node, ["ip", "addr", "add", NODES[tag].ipv4, "dev", "up0"]);
    await lab.exec(node, ["ip", "addr", "add", NODES[tag].ipv6, "dev", "up0", "nodad"]);
    await lab.exec(node, ["ip", "link", "set", "up0", "up"]);
    await lab.exec(into, ["ip", "link", "set", peer, "up"]);
    await lab.exec(node, ["sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1"]);
    const { ipv4, ipv6 } = NODES[tag];
    await cli(["node", "register", "--nodename", NODES[tag].name, "--ipv4-address", ipv4, "--ipv6-address", ipv6]);
  }

  const blocksOf = async (node: string, pool: string): Promise<string[]> =>
    (JSON.parse(await cli(["blocks", "-o", "json"])) as { cidr: string; pool: string; node: string }[])
      .filter((block) => block.node === node && block.pool === pool)
      .map((block) => block.cidr);
  const routeTo = async (tag: NodeTag, dst: string) => (await ownRoutes(netns[tag])).find((route) => route.dst === dst);
  const endpointOf = async (tag: NodeTag) =>
    (
      JSON.parse(await cli(["get", "node", NODES[tag].name, "-o", "json"])) as {
        spec: { vxlan?: Record<string, string> };
      }[]
    )[0]!.spec.vxlan;
  const link = async (tag: NodeTag, family: 4 | 6) =>
    (
      JSON.parse(await run("ip", ["-n", netns[tag], "-d", "-j", "link", "show", "dev", DEVICES[family]])) as {
        mtu: number;
        address: string;
        linkinfo: { info_data: Record<string, unknown> };
      }[]
    )[0]!;
  const neighbours = async (tag: NodeTag, family: 4 | 6) =>
    (
      JSON.parse(await run("ip", ["-n", netns[tag], "-j", "neigh", "show", "dev", DEVICES[family]])) as {
        dst: string;
        lladdr: string;
      }[]
    ).map((entry) => `${entry.dst} ${entry.lladdr}`);
  const forwarding = async (tag: NodeTag, family: 4 | 6) =>
    (
      JSON.parse(await run("bridge", ["-n", netns[tag], "-j", "fdb", "show", "dev", DEVICES[family]])) as {
        mac: string;
        dst?: string;
      }[]
    ).map((entry) => `${entry.mac} ${entry.dst}`);
  const tunnelAllocations = async () =>
    (JSON.parse(await cli(["allocations", "-o", "json"])) as { network: string; containerId: string; ifname: string }[])
      .filter((entry) => entry.network === "_ippool-tunnel")
      .map((entry) => `${entry.containerId}:${entry.ifname}`)
      .sort();

  /** Deletes node A's neighbour and forwarding entry for node C's IPv4 endpoint, by hand. */
  async function deleteEntriesOf(endpoint: Record<string, string>): Promise<void> {
    const device = ["dev", "vxlan.ippool"];
    await run("ip", ["-n", netns.a, "neigh", "del", endpoint.ipv4TunnelAddress!, ...device]);
    await run("bridge", [
      "-n",
      netns.a,
      "fdb",
      "del",
      endpoint.ipv4TunnelMAC!,
      ...device,
      "dst",
      "192.168.60.3",
      "self",
    ]);
  }

  /** Pings `from` -> `to` in both families while capturing; every ping answered. */
  async function pingBoth(from: Pod, to: Pod): Promise<void> {
    expect(await ping(from.netns, to.ipv4)).toBe(true);
    expect(await ping(from.netns, to.ipv6)).toBe(true);
  }

  it("after apply on every node, a pod on A reaches a pod on C through VXLAN in both families, while A and B talk direct in the cross-subnet pool", async () => {
    const poolsFile = join(suite.data.path, "pools.json");
    writeFileSync(poolsFile, JSON.stringify(POOLS));
    await cli(["apply", "-f", poolsFile]);
    underlay = await lab.add("u");
    await lab.exec(underlay, ["ip", "link", "add", "br0", "type", "bridge"]);
    await lab.exec(underlay, ["ip", "link", "set", "br0", "up"]);
    await nodeOn("a", underlay, "pa");
    await nodeOn("b", underlay, "pb");
    router = await lab.add("r");
    await lab.exec(underlay, ["ip", "link", "add", "pr", "type", "veth", "peer", "name", "up0", "netns", router]);
    for (const port of ["pa", "pb", "pr"]) {
      await lab.exec(underlay, ["ip", "link", "set", port, "master", "br0"]);
      await lab.exec(underlay, ["ip", "link", "set", port, "up"]);
    }
    await lab.exec(router, ["ip", "addr", "add", "192.168.50.254/24", "dev", "up0"]);
    await lab.exec(router, ["ip", "addr", "add", "fd00:50::fe/64", "dev", "up0", "nodad"]);
    await lab.exec(router, ["ip", "link", "set", "up0", "up"]);
    await nodeOn("c", router, "down0");
    await lab.exec(router, ["ip", "addr", "add", "192.168.60.254/24", "dev", "down0"]);
    await lab.exec(router, ["ip", "addr", "add", "fd00:60::fe/64", "dev", "down0", "nodad"]);
    await lab.exec(router, ["sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1"]);
    await lab.exec(netns.c, ["ip", "route", "add", "default", "via", "192.168.60.254"]);
    await lab.exec(netns.c, ["ip", "-6", "route", "add", "default", "via", "fd00:60::fe"]);
    for (const tag of ["a", "b"] as const) {
      await lab.exec(netns[tag], ["ip", "route", "add", "192.168.60.0/24", "via", "192.168.50.254"]);
      await lab.exec(netns[tag], ["ip", "-6", "route", "add", "fd00:60::/64", "via", "fd00:50::fe"]);
    }
    for (const tag of TAGS) cross[tag] = await startPod(tag, CROSS, `c${tag}`);
    always.a = await startPod("a", ALWAYS, "wa");
    always.b = await startPod("b", ALWAYS, "wb");

    // The first round makes each node's devices and publishes its endpoint; a node that applies
    // before another has published says so and routes nothing there, never something wrong.
    const first = await dataplane("a", ["apply"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain("node node-c has no IPv4 VXLAN endpoint yet");
    for (const tag of ["b", "c"] as const) {
      const round = await dataplane(tag, ["apply"]);
      expect(round.code, round.stderr).toBe(0);
    }
    for (const tag of TAGS) await applyOk(tag);

    for (const tag of TAGS) {
      const endpoint = await endpointOf(tag);
      for (const family of [4, 6] as const) {
        const device = await link(tag, family);
        // The underlay's MTU (1500) minus the outer headers.
        expect(device.mtu).toBe(family === 4 ? 1450 : 1430);
        expect(device.linkinfo.info_data).toMatchObject({ id: 4096, port: 4789, learning: false });
        expect(endpoint?.[`ipv${family}TunnelMAC`]).toBe(device.address);
      }
    }
    expect(await tunnelAllocations()).toEqual(
      TAGS.flatMap((tag) => [`${NODES[tag].name}:vxlan.ippool`, `${NODES[tag].name}:vxlan6.ippool`]),
    );
    const endpointOfC = (await endpointOf("c"))!;
    const [crossOfC4] = await blocksOf("node-c", CROSS[4]);
    const [crossOfB4] = await blocksOf("node-b", CROSS[4]);
    const [crossOfC6] = await blocksOf("node-c", CROSS[6]);
    expect(await routeTo("a", crossOfC4!)).toMatchObject({
      gateway: endpointOfC.ipv4TunnelAddress,
      dev: "vxlan.ippool",
      flags: ["onlink"],
    });
    expect(await routeTo("a", crossOfC6!)).toMatchObject({
      gateway: endpointOfC.ipv6TunnelAddress,
      dev: "vxlan6.ippool",
    });
    expect(await routeTo("a", crossOfB4!)).toMatchObject({ gateway: "192.168.50.2", dev: "up0" });
    expect(await neighbours("a", 4)).toContain(`${endpointOfC.ipv4TunnelAddress} ${endpointOfC.ipv4TunnelMAC}`);
    expect(await forwarding("a", 6)).toContain(`${endpointOfC.ipv6TunnelMAC} fd00:60::3`);

    const tunnelled = await capture(router, "up0", "udp port 4789");
    const podOuter = await capture(router, "up0", POD_OUTER);
    await pingBoth(cross.a, cross.c);
    // Node addresses outside, the pods' packets inside, both ways and in both families.
    const expected = [
      (lines: string[]) => carries(lines, ["192.168.50.1", "192.168.60.3"], [cross.a.ipv4, cross.c.ipv4]),
      (lines: string[]) => carries(lines, ["192.168.60.3", "192.168.50.1"], [cross.c.ipv4, cross.a.ipv4]),
      (lines: string[]) => carries(lines, ["fd00:50::1", "fd00:60::3"], [cross.a.ipv6, cross.c.ipv6]),
      (lines: string[]) => carries(lines, ["fd00:60::3", "fd00:50::1"], [cross.c.ipv6, cross.a.ipv6]),
    ];
    const seen = await tunnelled.stop((lines) => expected.every((check) => check(lines)));
    for (const check of expected) expect(check(seen)).toBe(true);
    expect(await podOuter.stop()).toEqual([]);

    const direct = await capture(underlay, "pa", `(icmp or icmp6) and (net ${CROSS[4]} or net ${CROSS[6]})`);
    const encapsulated = await capture(underlay, "pa", "udp port 4789");
    await pingBoth(cross.a, cross.b);
    // An echo request and its reply per family, with the pods' own addresses on the wire.
    expect((await direct.stop((lines) => lines.length >= 4)).length).toBeGreaterThanOrEqual(4);
    expect(await encapsulated.stop()).toEqual([]);
  });

  it("with the always pool, A and B (one subnet) talk through VXLAN too, in both families", async () => {
    const encapsulated = await capture(underlay, "pa", "udp port 4789");
    const podOuter = await capture(underlay, "pa", POD_OUTER);
    await pingBoth(always.a, always.b);
    const expected = [
      (lines: string[]) => carries(lines, ["192.168.50.1", "192.168.50.2"], [always.a.ipv4, always.b.ipv4]),
      (lines: string[]) => carries(lines, ["fd00:50::2", "fd00:50::1"], [always.b.ipv6, always.a.ipv6]),
    ];
    const seen = await encapsulated.stop((lines) => expected.every((check) => check(lines)));
    for (const check of expected) expect(check(seen)).toBe(true);
    expect(await podOuter.stop()).toEqual([]);
  });

  it("a TCP transfer of 4 MiB from a pod on A to a pod on C completes in both families (full-size packets fit)", async () => {
    const bytes = 4 * 1024 * 1024;
    const server = background(cross.c.netns, [
      process.execPath,
      "-e",
      `require("node:net").createServer((socket) => { let n = 0; socket.on("data", (d) => (n += d.length));
        socket.on("end", () => { console.log(n); socket.end(); }); }).listen(5201, "::", () => console.log("listening"));`,
    ]);
    try {
      await until("the receiving pod's server", () => server.stdout.includes("listening"));
      for (const address of [cross.c.ipv4, cross.c.ipv6]) {
        const sent = await runProcess("ip", [
          "netns",
          "exec",
          cross.a.netns,
          process.execPath,
          "-e",
          `const socket = require("node:net").connect(5201, "${address}", () => socket.end(Buffer.alloc(${bytes}, 7)));
           socket.setTimeout(20000, () => { console.error("stalled"); process.exit(1); });
           socket.on("error", (error) => { console.error(error.message); process.exit(1); }); socket.resume();`,
        ]);
        expect(sent.code, sent.stderr).toBe(0);
      }
      await until("both transfers counted", () => server.stdout.split("\n").length >= 4);
      expect(server.stdout.split("\n").slice(1, 3)).toEqual([String(bytes), String(bytes)]);
    } finally {
      await server.stop("SIGTERM");
    }
  });

  it("re-apply changes nothing; a route, neighbour and forwarding entry deleted by hand come back with apply and with watch", async () => {
    const state = async () => [await ownRoutes(netns.a), await neighbours("a", 4), await forwarding("a", 4)];
    const before = await state();
    expect(await applyOk("a")).toBe("");
    expect(await state()).toEqual(before);

    const endpointOfC = (await endpointOf("c"))!;
    const [crossOfC4] = await blocksOf("node-c", CROSS[4]);
    await run("ip", ["-n", netns.a, "route", "del", crossOfC4!, "proto", "201"]);
    await deleteEntriesOf(endpointOfC);
    expect(await ping(cross.a.netns, cross.c.ipv4)).toBe(false);
    expect((await applyOk("a")).split("\n").filter(Boolean).sort()).toEqual(
      [
        `route set: ${crossOfC4} via ${endpointOfC.ipv4TunnelAddress} dev vxlan.ippool onlink proto 201`,
        `vxlan forwarding entry set: ${endpointOfC.ipv4TunnelMAC} dev vxlan.ippool dst 192.168.60.3 self permanent`,
        `vxlan neighbour set: ${endpointOfC.ipv4TunnelAddress} lladdr ${endpointOfC.ipv4TunnelMAC} dev vxlan.ippool nud permanent`,
      ].sort(),
    );
    expect(await state()).toEqual(before);

    const watch = background(
      netns.a,
      ippoolArgvIn(netns.a, dataDir(), ["dataplane", "watch", "--interval", "1", "--nodename", "node-a"]).slice(3),
    );
    try {
      await deleteEntriesOf(endpointOfC);
      await until(
        "watch to restore the entries",
        async () => JSON.stringify(await state()) === JSON.stringify(before),
        5,
      );
    } finally {
      const stopped = await watch.stop("SIGTERM");
      expect(stopped.code, stopped.stderr).toBe(0);
    }
    expect(await ping(cross.a.netns, cross.c.ipv4)).toBe(true);
  });

  it("a remote node's address changed in its record moves the forwarding entry to it", async () => {
    const endpointOfB = (await endpointOf("b"))!;
    await cli(["node", "register", "--nodename", "node-b", "--ipv4-address", "192.168.50.12/24"]);
    await applyOk("a");
    expect(await forwarding("a", 4)).toContain(`${endpointOfB.ipv4TunnelMAC} 192.168.50.12`);
    expect(await forwarding("a", 4)).not.toContain(`${endpointOfB.ipv4TunnelMAC} 192.168.50.2`);
    await cli(["node", "register", "--nodename", "node-b", "--ipv4-address", NODES.b.ipv4]);
    await applyOk("a");
    expect(await forwarding("a", 4)).toContain(`${endpointOfB.ipv4TunnelMAC} 192.168.50.2`);
    await pingBoth(always.a, always.b);
  });

  it("a node deleted (its tunnel addresses released with it) takes its neighbour, forwarding entries and routes away from the others", async () => {
    const endpointOfC = (await endpointOf("c"))!;
    const blocksOfC = [...(await blocksOf("node-c", CROSS[4])), ...(await blocksOf("node-c", CROSS[6]))];
    for (const entry of containers.filter((container) => container.node === "c"))
      await entry.runtime.del(entry.attachment);
    // Its agent is gone with it: nothing on node C withdraws anything.
    const deleted = await cli(["delete", "node", "node-c", "--release-blocks"]);
    expect(deleted).toContain(`released tunnel address ${endpointOfC.ipv4TunnelAddress} of node node-c (vxlan.ippool)`);
    await applyOk("a");
    const routes = (await ownRoutes(netns.a)).map((route) => route.dst);
    for (const block of blocksOfC) expect(routes).not.toContain(block);
    expect(await neighbours("a", 4)).not.toContain(`${endpointOfC.ipv4TunnelAddress} ${endpointOfC.ipv4TunnelMAC}`);
    expect(await forwarding("a", 4)).not.toContain(`${endpointOfC.ipv4TunnelMAC} 192.168.60.3`);
    expect(await forwarding("a", 6)).not.toContain(`${endpointOfC.ipv6TunnelMAC} fd00:60::3`);
    expect(await tunnelAllocations()).not.toContain("node-c:vxlan.ippool");
    await pingBoth(always.a, always.b);
  });

  it("on a kernel without VXLAN, apply says so in one line per device naming its pools, takes no address and applies the rest", async () => {
    const removed = await dataplane("b", ["remove"]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await endpointOf("b")).toBeUndefined();
    // An `ip` that answers `type vxlan` as a kernel without the module does; every other call is the real one.
    const noVxlan = mkdtempSync(join(tmpdir(), "ippool-novxlan-"));
    writeFileSync(
      join(noVxlan, "ip"),
      `#!/bin/sh\ncase "$*" in *"type vxlan"*) echo "Error: Unknown device type." >&2; exit 2;; esac\nexec /usr/sbin/ip "$@"\n`,
      { mode: 0o755 },
    );
    try {
      const applied = await dataplane("b", ["apply"], { PATH: `${noVxlan}:${process.env.PATH ?? ""}` });
      expect(applied.code).toBe(1);
      expect(applied.stderr.split("\n").filter((line) => line.includes("no VXLAN support"))).toEqual([
        expect.stringContaining(`vxlan.ippool: this kernel has no VXLAN support`),
        expect.stringContaining(`vxlan6.ippool: this kernel has no VXLAN support`),
      ]);
      expect(applied.stderr).toContain(`pool(s) ${CROSS[4]}, ${ALWAYS[4]} need it`);
      const [crossOfB4] = await blocksOf("node-b", CROSS[4]);
      const [crossOfA4] = await blocksOf("node-a", CROSS[4]);
      expect(await routeTo("b", crossOfB4!)).toMatchObject({ type: "blackhole" });
      // The direct route of the cross-subnet pool needs no device and is still set.
      expect(await routeTo("b", crossOfA4!)).toMatchObject({ gateway: "192.168.50.1", dev: "up0" });
      expect(await linkExists(netns.b, "vxlan.ippool")).toBe(false);
      expect(await tunnelAllocations()).toEqual(["node-a:vxlan.ippool", "node-a:vxlan6.ippool"]);
    } finally {
      rmSync(noVxlan, { recursive: true, force: true });
    }
  });

  it("remove leaves no device, route, neighbour or forwarding entry of ippool's, and no tunnel address", async () => {
    const endpointOfA = (await endpointOf("a"))!;
    const planned = await dataplane("a", ["apply", "--dry-run"]);
    expect(planned.stdout).toContain("vxlan.ippool type vxlan id 4096 local 192.168.50.1 dstport 4789 nolearning\n");
    const preview = await dataplane("a", ["remove", "--dry-run"]);
    expect(preview.stdout).toContain(
      "# device to delete: vxlan6.ippool (its neighbour and forwarding entries go with it)\n",
    );
    expect(preview.stdout).toContain(`# IPv4 VXLAN tunnel address to release: ${endpointOfA.ipv4TunnelAddress}; `);
    expect(await linkExists(netns.a, "vxlan6.ippool")).toBe(true);
    for (const tag of ["a", "b"] as const) {
      const removed = await dataplane(tag, ["remove"]);
      expect(removed.code, removed.stderr).toBe(0);
      expect(await ownRoutes(netns[tag])).toEqual([]);
      for (const family of [4, 6] as const) expect(await linkExists(netns[tag], DEVICES[family])).toBe(false);
      expect(await endpointOf(tag)).toBeUndefined();
    }
    expect(await tunnelAllocations()).toEqual([]);
    for (const { runtime, attachment } of containers.splice(0)) await runtime.del(attachment);
  });
});
