// allocations, show, release and usage after real plugin ADDs, and what pool changes and deletes do to them.
import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { execPlugin, netconf, poolDoc } from "../helpers/ippool.js";
import { fails, ok, pluginAdd, pluginDel, useCliDir, yamlDocs } from "./support.js";
import { storeNameFor } from "../helpers/datastore.js";

const dir = useCliDir();
const POOLS = yamlDocs(poolDoc("10.30.0.0/28"), poolDoc("fd00:30::/64"));

/** Stores the pools and ADDs ctr-1..n (pod default/pod-i) through the plugin. */
async function withContainers(count: number): Promise<string[][]> {
  ok(await dir.cli(["apply", "-f", "-"], POOLS));
  const added: string[][] = [];
  for (let i = 1; i <= count; i++)
    added.push(await pluginAdd(dir.path, `ctr-${i}`, "eth0", `K8S_POD_NAMESPACE=default;K8S_POD_NAME=pod-${i}`));
  return added;
}

const rowsOf = (table: string): string[][] =>
  table
    .trim()
    .split("\n")
    .map((line) => line.split(/\s{2,}/));
const listed = async (...args: string[]): Promise<any[]> =>
  JSON.parse(ok(await dir.cli(["allocations", "-o", "json", ...args])));

describe("ippool allocations", () => {
  it("lists every address the plugin handed out, pool by pool, with its attachment and time", async () => {
    expect(await withContainers(2)).toEqual([
      ["10.30.0.2", "fd00:30::2"],
      ["10.30.0.3", "fd00:30::3"],
    ]);
    const rows = rowsOf(ok(await dir.cli(["allocations"])));
    expect(rows[0]).toEqual(["POOL", "ADDRESS", "NETWORK", "CONTAINER", "IFNAME", "NODE", "POD", "ALLOCATED"]);
    // No ipam.nodename and no NODENAME: the node is the host name, lower-cased.
    const node = hostname().toLowerCase();
    expect(rows.slice(1).map((row) => row.slice(0, 7))).toEqual([
      ["10.30.0.0/28", "10.30.0.2", "testnet", "ctr-1", "eth0", node, "default/pod-1"],
      ["10.30.0.0/28", "10.30.0.3", "testnet", "ctr-2", "eth0", node, "default/pod-2"],
      ["fd00:30::/64", "fd00:30::2", "testnet", "ctr-1", "eth0", node, "default/pod-1"],
      ["fd00:30::/64", "fd00:30::3", "testnet", "ctr-2", "eth0", node, "default/pod-2"],
    ]);
    for (const row of rows.slice(1)) expect(Date.parse(row[7]!)).not.toBeNaN();
  });

  it("filters by pool, network, container and ifname, and prints JSON per attachment", async () => {
    await withContainers(2);
    await pluginAdd(dir.path, "ctr-1", "eth1");
    const all = await listed();
    expect(all).toHaveLength(3);
    expect(all[0]).toMatchObject({
      network: "testnet",
      containerId: "ctr-1",
      ifname: "eth0",
      node: hostname(),
      podNamespace: "default",
      podName: "pod-1",
    });
    expect(all[0].handle).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
    expect(all[2].handle).not.toBe(all[0].handle);
    expect(all[0].addresses).toEqual([
      { pool: "10.30.0.0/28", address: "10.30.0.2" },
      { pool: "fd00:30::/64", address: "fd00:30::2" },
    ]);
    expect((await listed("--container", "ctr-1")).map((doc) => doc.ifname)).toEqual(["eth0", "eth1"]);
    expect((await listed("--container", "ctr-1", "--ifname", "eth1")).map((doc) => doc.addresses[0].address)).toEqual([
      "10.30.0.4",
    ]);
    expect(
      (await listed("--pool", "fd00:30::/64"))
        .flatMap((doc) => doc.addresses.map((entry: any) => entry.address))
        .sort(),
    ).toEqual(["fd00:30::2", "fd00:30::3", "fd00:30::4"]);
    fails(
      await dir.cli(["allocations", "--network", "othernet", "-o", "json"]),
      "network othernet holds no allocation",
    );
    fails(await dir.cli(["allocations", "--container", "nobody"]), "container nobody holds no address");
  });

  it("rejects a network name that could not exist", async () => {
    fails(await dir.cli(["allocations", "--network", "../etc"]), "'../etc' is not a valid network name");
  });
});

describe("ippool show", () => {
  it("says who holds an address and since when", async () => {
    await withContainers(2);
    const out = ok(await dir.cli(["show", "10.30.0.3"]));
    expect(out).toMatch(
      /^address:\s+10\.30\.0\.3\npool:\s+10\.30\.0\.0\/28\nnetwork:\s+testnet\ncontainer:\s+ctr-2\nifname:\s+eth0\n/,
    );
    expect(out).toMatch(/allocated:\s+\d{4}-\d\d-\d\dT[\d:.]+Z \(\d+s ago\)/);
    expect(out).toContain("pod:       default/pod-2");
    // Any spelling of the address finds it.
    expect(JSON.parse(ok(await dir.cli(["show", "fd00:30:0::3", "-o", "json"])))).toMatchObject({
      address: "fd00:30::3",
      holder: "testnet/ctr-2:eth0",
    });
    // As a CNI result prints it, with the prefix.
    expect(ok(await dir.cli(["show", "10.30.0.3/28"]))).toContain("container: ctr-2");
  });

  it("shows what a container holds", async () => {
    await withContainers(2);
    const out = ok(await dir.cli(["show", "ctr-1"]));
    expect(out).toContain("addresses: 10.30.0.2 (pool 10.30.0.0/28), fd00:30::2 (pool fd00:30::/64)");
    expect(JSON.parse(ok(await dir.cli(["show", "ctr-1", "-o", "json"])))[0]).toMatchObject({
      containerId: "ctr-1",
      ifname: "eth0",
    });
  });

  it.each([
    ["a free address", "10.30.0.9", "address 10.30.0.9 is not allocated; it is free in pool 10.30.0.0/28"],
    [
      "an address outside every pool",
      "192.0.2.1",
      "address 192.0.2.1 is not allocated; it is in no pool the store knows",
    ],
    ["an unknown container", "ctr-9", "container ctr-9 holds no address"],
  ])("fails clearly for %s", async (_name, target, message) => {
    await withContainers(1);
    fails(await dir.cli(["show", target]), message);
  });

  // ADD refuses these with code 101; show and release must not call them free.
  it.each([
    ["10.30.0.0", "network address of pool 10.30.0.0/28"],
    ["10.30.0.1", "gateway (network+1) of pool 10.30.0.0/28"],
    ["10.30.0.15", "broadcast address of pool 10.30.0.0/28"],
    ["fd00:30::", "network address of pool fd00:30::/64"],
    ["fd00:30::1", "gateway (network+1) of pool fd00:30::/64"],
  ])("says %s is reserved, and why, in show and release", async (address, role) => {
    await withContainers(1);
    const reserved = `address ${address} is reserved: it is the ${role}, never handed to a container`;
    for (const args of [
      ["show", address],
      ["release", address],
      ["release", address, "--yes"],
    ]) {
      const result = await dir.cli(args);
      fails(result, reserved);
      expect(result.stderr).not.toContain("free");
    }
  });
});

describe("ippool release", () => {
  it("by address previews without --yes and releases with it", async () => {
    await withContainers(2);
    const preview = await dir.cli(["release", "10.30.0.2"]);
    expect(preview.code).toBe(1);
    expect(preview.stdout).toBe(
      "would release 10.30.0.2 (pool 10.30.0.0/28) held by testnet/ctr-1:eth0 (pod default/pod-1)\n",
    );
    expect(preview.stderr).toContain(
      `nothing was released from ${storeNameFor(dir.path)}; run the command again with --yes`,
    );
    expect(await listed("--container", "ctr-1")).toHaveLength(1);

    expect(ok(await dir.cli(["release", "10.30.0.2", "--yes"]))).toBe(
      `released 10.30.0.2 (pool 10.30.0.0/28) held by testnet/ctr-1:eth0 (pod default/pod-1)\nreleased from ${storeNameFor(dir.path)}\n`,
    );
    // The attachment keeps its other address; the runtime's DEL later frees that one.
    expect((await listed("--container", "ctr-1"))[0].addresses).toEqual([
      { pool: "fd00:30::/64", address: "fd00:30::2" },
    ]);
    fails(await dir.cli(["release", "10.30.0.2", "--yes"]), "nothing to release: address 10.30.0.2 is not allocated");
    expect((await pluginDel(dir.path, "ctr-1")).code).toBe(0);
    expect((await listed()).map((doc) => doc.containerId)).toEqual(["ctr-2"]);
  });

  it("by container releases every attachment that matches", async () => {
    await withContainers(2);
    await pluginAdd(dir.path, "ctr-1", "eth1");
    expect(ok(await dir.cli(["release", "--container", "ctr-1", "--ifname", "eth1", "-y"]))).toMatch(
      /^released 10\.30\.0\.4, fd00:30::4 of testnet\/ctr-1:eth1, allocated /,
    );
    const out = ok(await dir.cli(["release", "--container", "ctr-1", "--network", "testnet", "--yes"]));
    expect(out).toMatch(/^released 10\.30\.0\.2, fd00:30::2 of testnet\/ctr-1:eth0 \(pod default\/pod-1\), allocated /);
    expect((await listed()).map((doc) => doc.containerId)).toEqual(["ctr-2"]);
    expect(JSON.parse(ok(await dir.cli(["usage", "-o", "json"])))[0]).toMatchObject({ pool: "10.30.0.0/28", used: 1 });
  });

  it.each([
    [["release", "--container", "ctr-9", "--yes"], "nothing to release: container ctr-9 holds no address"],
    [
      ["release", "--container", "ctr-1", "--network", "othernet", "--yes"],
      "container ctr-1 (network othernet) holds no address",
    ],
    [["release", "--yes"], "needs either an ADDRESS or --container ID"],
    [["release", "10.30.0.2", "--container", "ctr-1"], "needs either an ADDRESS or --container ID"],
    [["release", "10.30.0.2", "--ifname", "eth0"], "--ifname and --network go with --container"],
    [["release", "ctr-1"], "'ctr-1' is not an IP address; to release a container's addresses use --container ID"],
  ])("%j fails with a clear message", async (args, message) => {
    await withContainers(1);
    fails(await dir.cli(args), message);
    expect(await listed()).toHaveLength(1);
  });
});

describe("ippool usage", () => {
  it("prints capacity, used, free and percentage per pool", async () => {
    await withContainers(3);
    const rows = rowsOf(ok(await dir.cli(["usage"])));
    expect(rows).toEqual([
      ["POOL", "CAPACITY", "USED", "FREE", "USE%", "SOURCE"],
      ["10.30.0.0/28", "13", "3", "10", "23.07%", "stored"],
      ["fd00:30::/64", "18446744073709551614", "3", "18446744073709551611", "0.00%", "stored"],
    ]);
    const json = JSON.parse(ok(await dir.cli(["usage", "-o", "json"])));
    expect(json[0]).toEqual({
      pool: "10.30.0.0/28",
      stored: true,
      disabled: false,
      capacity: 13,
      used: 3,
      free: 10,
      percent: "23.07%",
    });
  });

  it("includes a pool given inline in a network config, which is not stored", async () => {
    const conf = netconf("1.0.0", { dataDir: dir.path, ipPools: [poolDoc("10.31.0.0/24")] });
    expect((await execPlugin({ command: "ADD", containerId: "inline-1" }, conf)).code).toBe(0);
    expect(rowsOf(ok(await dir.cli(["usage"])))[1]).toEqual(["10.31.0.0/24", "253", "1", "252", "0.39%", "not stored"]);
    expect((await listed())[0].addresses).toEqual([{ pool: "10.31.0.0/24", address: "10.31.0.2" }]);
  });
});

describe("pool changes and allocations", () => {
  it("changing ipip, nat-outgoing and disabled keeps every allocation and the cursor", async () => {
    await withContainers(3);
    const before = await listed();
    const changes = [
      { ipip: { enabled: true, mode: "cross-subnet" }, "nat-outgoing": true },
      { ipip: { enabled: false } },
      { disabled: true },
    ];
    for (const spec of changes) {
      ok(await dir.cli(["apply", "-f", "-"], yamlDocs(poolDoc("10.30.0.0/28", spec))));
      expect(await listed()).toEqual(before);
    }
    // Disabled: no new address, but DEL and a repeated ADD keep working for what it holds.
    const refused = await execPlugin(
      { command: "ADD", containerId: "ctr-new" },
      netconf("1.0.0", { dataDir: dir.path, assign_ipv6: false }),
    );
    expect(refused.code).not.toBe(0);
    expect(await pluginAdd(dir.path, "ctr-1")).toEqual(["10.30.0.2", "fd00:30::2"]);
    expect((await pluginDel(dir.path, "ctr-3")).code).toBe(0);
    ok(await dir.cli(["replace", "-f", "-"], yamlDocs(poolDoc("10.30.0.0/28"))));
    // The cursor survived every change: next-fit continues after .4, not from the start or at the freed .4.
    expect(await pluginAdd(dir.path, "ctr-4")).toEqual(["10.30.0.5", "fd00:30::5"]);
  });

  it("delete refuses a pool with allocations, saying how many and by whom", async () => {
    await withContainers(5);
    const result = await dir.cli(["delete", "pool", "10.30.0.0/28"]);
    fails(
      result,
      "ipPool 10.30.0.0/28 still holds 5 allocation(s) (testnet/ctr-1:eth0, testnet/ctr-2:eth0, testnet/ctr-3:eth0, and 2 more)",
    );
    expect(result.stderr).toContain("set spec.disabled: true first");
    expect(result.stderr).toContain("--force");
    expect(ok(await dir.cli(["get", "pools"]))).toContain("10.30.0.0/28");
  });

  it("delete --force deletes the resource only; its allocations stay listed and DEL frees them", async () => {
    await withContainers(2);
    const result = await dir.cli(["delete", "pool", "10.30.0.0/28", "--force"]);
    ok(result);
    expect(result.stderr).toContain("ippool: warning: ipPool 10.30.0.0/28 deleted with 2 allocation(s) still held");
    expect(ok(await dir.cli(["get", "pools"]))).toBe("CIDR\nfd00:30::/64\n");
    expect(await listed("--pool", "10.30.0.0/28")).toHaveLength(2);
    expect(rowsOf(ok(await dir.cli(["usage"])))[1]).toEqual(["10.30.0.0/28", "13", "2", "11", "15.38%", "not stored"]);
    // A bigger pool over the deleted one is accepted, with a warning that ADD waits for the old addresses.
    const bigger = await dir.cli(["apply", "-f", "-"], yamlDocs(poolDoc("10.30.0.0/24")));
    ok(bigger);
    expect(bigger.stderr).toContain(
      "ippool: warning: pool 10.30.0.0/24 overlaps pool 10.30.0.0/28, which is not stored but still holds 2 address(es)",
    );
    ok(await dir.cli(["delete", "pool", "10.30.0.0/24"]));
    for (const id of ["ctr-1", "ctr-2"]) expect((await pluginDel(dir.path, id)).code).toBe(0);
    expect(await listed()).toEqual([]);
    expect(rowsOf(ok(await dir.cli(["usage"]))).map((row) => row[0])).toEqual(["POOL", "fd00:30::/64"]);
  });
});
