// e2e: Debian's bridge plugin with ippool on the etcd datastore: containers in test namespaces, one node and two nodes sharing one etcd.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ETCD_BINARY } from "../helpers/etcd.js";
import { REPO_ROOT } from "../helpers/ippool.js";
import { useE2eEtcd } from "./etcd-fixture.js";
import { useE2eSuite } from "./suite-fixture.js";
import { CniRuntime, customize, loadExample, type Attachment } from "./cni-runtime.js";
import { expectConfigured, expectHostOfPool, familyOf, firstHost, inlinePoolCidrs, resultIps } from "./expectations.js";
import { hostPart, linkExists, ping } from "./netns.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "./prerequisites.js";

const skip = skipUnlessReady("bridge plugin with ippool on etcd", [
  ...NAMESPACE_BASICS,
  "plugin:bridge",
  `file:${ETCD_BINARY}`,
]);

describe.skipIf(skip)("bridge plugin with ippool on the etcd datastore", () => {
  const suite = useE2eSuite("eb", "etcd-bridge");
  const etcd = useE2eEtcd();
  const { lab } = suite;

  /** `ippool allocations -o json` on etcd, reduced to container and addresses. */
  async function allocations(prefix: string): Promise<{ containerId: string; addresses: string[] }[]> {
    const listed = await etcd.cli(["allocations", "-o", "json"], prefix);
    expect(listed).toMatchObject({ code: 0, stderr: "" });
    return (JSON.parse(listed.stdout) as { containerId: string; addresses: { address: string }[] }[])
      .map(({ containerId, addresses }) => ({ containerId, addresses: addresses.map((entry) => entry.address).sort() }))
      .sort((left, right) => left.containerId.localeCompare(right.containerId));
  }

  /** A node namespace that reaches etcd, and a bridge network in it whose ipam uses etcd under `prefix`. */
  async function bridgeNode(tag: string, file: string, prefix: string, env?: Record<string, string>) {
    const node = await lab.add(`n${tag}`);
    await etcd.reachFrom(node);
    const conflist = customize(loadExample(file), {
      dataDir: join(suite.data.path, tag),
      datastore: etcd.datastore(prefix),
      bridge: lab.name(`br${tag}`).slice(0, 15),
    });
    const runtime = new CniRuntime(conflist, { hostNetns: node, cniPath: suite.bin.dirs, ...(env ? { env } : {}) });
    return { node, conflist, runtime };
  }

  async function container(name: string): Promise<Attachment> {
    return {
      containerId: `ctr-${name}-${process.pid}`,
      netns: await lab.add(name),
      ifname: "eth0",
      args: `IgnoreUnknown=1;K8S_POD_NAME=${name}`,
    };
  }

  it("two containers get distinct pool addresses held in etcd, reach each other, pass CHECK, and DEL releases both", async () => {
    const prefix = `/ippool-e2e-${process.pid}-one-node`;
    const { node, conflist, runtime } = await bridgeNode("1", "bridge-dualstack.conflist", prefix);
    const pools = inlinePoolCidrs(conflist);
    const [a, b] = [await container("a1"), await container("b1")];
    const results = [resultIps(await runtime.add(a)), resultIps(await runtime.add(b))] as const;

    for (const [index, ips] of results.entries()) {
      expect(ips.map((ip) => ip.family).sort()).toEqual(pools.map(familyOf).sort());
      for (const pool of pools) expectHostOfPool(ips.find((ip) => ip.family === familyOf(pool))!.address, pool);
      await expectConfigured([a, b][index]!.netns, "eth0", ips);
    }
    const addressesOf = (ips: readonly { address: string }[]) => ips.map((ip) => hostPart(ip.address)).sort();
    expect(addressesOf(results[1]).filter((address) => addressesOf(results[0]).includes(address))).toEqual([]);
    // What an operator sees on the host: both attachments, read from etcd, with the addresses the containers got.
    expect(await allocations(prefix)).toEqual(
      [
        { containerId: a.containerId, addresses: addressesOf(results[0]) },
        { containerId: b.containerId, addresses: addressesOf(results[1]) },
      ].sort((left, right) => left.containerId.localeCompare(right.containerId)),
    );
    for (const container of [a, b]) await runtime.check(container);

    for (const ip of results[1]) expect(await ping(a.netns, hostPart(ip.address))).toBe(true);
    for (const ip of results[0]) expect(await ping(b.netns, hostPart(ip.address))).toBe(true);
    for (const pool of pools) expect(await ping(b.netns, firstHost(pool))).toBe(true);

    await runtime.del(a);
    expect(await linkExists(a.netns, "eth0")).toBe(false);
    expect((await allocations(prefix)).map((entry) => entry.containerId)).toEqual([b.containerId]);
    // A repeated DEL finds nothing to release and still succeeds, as the CNI spec asks.
    await runtime.del(a);
    // The namespace vanishes first (a crashed runtime, a reboot): DEL must still release the address in etcd.
    await lab.remove(b.netns);
    await runtime.del(b);
    expect(await allocations(prefix)).toEqual([]);
    // ipam.dataDir is ignored on etcd: nothing was written to it.
    expect(readdirSync(suite.data.path)).toEqual([]);
    await lab.remove(a.netns);
    await lab.remove(node);
  });

  it("ippool verify checks what etcd holds: both attachments while they exist, nothing held after DEL", async () => {
    const prefix = `/ippool-e2e-${process.pid}-verify`;
    const { node, runtime } = await bridgeNode("2", "bridge-inline-ipv4.conflist", prefix);
    const containers = [await container("a2"), await container("b2")];
    for (const attached of containers) await runtime.add(attached);
    const verify = async () => {
      const result = await etcd.cli(["verify", "-o", "json"], prefix);
      expect(result).toMatchObject({ code: 0, stderr: "" });
      return JSON.parse(result.stdout) as {
        ok: boolean;
        checked: { pools: number; attachments: number; addresses: number };
      };
    };

    expect(await verify()).toMatchObject({ ok: true, checked: { attachments: 2, addresses: 2 } });
    for (const attached of containers) await runtime.del(attached);
    const after = await verify();
    expect(after).toMatchObject({ ok: true, checked: { attachments: 0, addresses: 0 } });
    // Still the etcd store that was checked (the pool's state outlives its last address), not an empty data dir.
    expect(after.checked.pools).toBeGreaterThan(0);
    for (const attached of containers) await lab.remove(attached.netns);
    await lab.remove(node);
  });

  it("two nodes (two NODENAMEs) with stored pools applied to etcd hand out distinct addresses from the one pool, and DEL on each node releases its own", async () => {
    const prefix = `/ippool-e2e-${process.pid}-two-nodes`;
    const applied = await etcd.cli(["apply", "-f", join(REPO_ROOT, "netconf-examples/pools.yaml")], prefix);
    expect(applied).toMatchObject({ code: 0 });
    // The same network config on every node, as a cluster deploys it; each node's runtime passes its NODENAME on.
    const nodes = [
      await bridgeNode("3", "bridge-ipv4.conflist", prefix, { NODENAME: "node-a" }),
      await bridgeNode("4", "bridge-ipv4.conflist", prefix, { NODENAME: "node-b" }),
    ];
    // ipv4_pools picks the IPv4 pool and assign_ipv6: false keeps the stored IPv6 pool out (10.21.0.0/16 is disabled).
    const pools = ["10.22.0.0/16"];
    const placed: { node: (typeof nodes)[number]; attachment: Attachment; addresses: string[] }[] = [];
    for (const [index, node] of nodes.entries()) {
      for (const name of ["a", "b"]) {
        const attachment = await container(`${name}${index + 3}`);
        const ips = resultIps(await node.runtime.add(attachment));
        expect(ips.map((ip) => ip.family)).toEqual([4]);
        for (const pool of pools) expectHostOfPool(ips.find((ip) => ip.family === familyOf(pool))!.address, pool);
        await expectConfigured(attachment.netns, "eth0", ips);
        placed.push({ node, attachment, addresses: ips.map((ip) => hostPart(ip.address)).sort() });
      }
    }

    // Four containers on two nodes, one pool in one etcd: no address twice.
    expect(new Set(placed.flatMap((entry) => entry.addresses)).size).toBe(4);
    expect(await allocations(prefix)).toEqual(
      placed
        .map(({ attachment, addresses }) => ({ containerId: attachment.containerId, addresses }))
        .sort((left, right) => left.containerId.localeCompare(right.containerId)),
    );
    // Each node's bridge network works on its own: its two containers reach each other.
    for (const [first, second] of [placed.slice(0, 2), placed.slice(2, 4)] as [
      (typeof placed)[number],
      (typeof placed)[number],
    ][]) {
      for (const address of second.addresses) expect(await ping(first.attachment.netns, address)).toBe(true);
    }

    const [onA, onB] = [placed.slice(0, 2), placed.slice(2)];
    for (const entry of onA) await entry.node.runtime.del(entry.attachment);
    expect((await allocations(prefix)).map((entry) => entry.containerId)).toEqual(
      onB.map((entry) => entry.attachment.containerId).sort(),
    );
    for (const entry of onB) await entry.node.runtime.del(entry.attachment);
    expect(await allocations(prefix)).toEqual([]);
    for (const entry of placed) await lab.remove(entry.attachment.netns);
    for (const node of nodes) await lab.remove(node.node);
  });
});
