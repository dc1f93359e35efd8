// The CLI's allocation commands (allocations, show, release, reclaim, usage, blocks) through runCli, in memory.
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { NETWORK, fails, memoryCluster, netconf, ok, poolDoc, yamlDocs, type Cluster } from "./support.js";

/** Stored pools 10.1.0.0/24 and fd00:1::/64, and `count` dual-stack containers ctr-0.. on node-a. */
async function withAllocations(count: number): Promise<Cluster> {
  const cluster = memoryCluster();
  ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc("10.1.0.0/24"), poolDoc("fd00:1::/64")) }));
  for (let index = 0; index < count; index++) await cluster.add(`ctr-${index}`);
  return cluster;
}

const keysBelow = (cluster: Cluster, prefix: string) =>
  Object.keys(cluster.datastore.documents()).filter((key) => key.startsWith(prefix));

describe("runCli allocations and show", () => {
  it("lists every address as a table and as JSON, narrowed by each filter", async () => {
    const cluster = await withAllocations(2);
    const table = ok(await cluster.cli(["allocations"]));
    expect(table).toMatch(/^POOL\s+ADDRESS\s+NETWORK\s+CONTAINER/);
    expect(table.match(/ctr-\d/g)).toHaveLength(4);
    const byPool = JSON.parse(ok(await cluster.cli(["allocations", "--pool", "fd00:1::/64", "-o", "json"])));
    expect(
      byPool.flatMap((doc: { addresses: { address: string }[] }) => doc.addresses.map((entry) => entry.address)),
    ).toEqual(["fd00:1::2", "fd00:1::3"]);
    const narrowed = ok(
      await cluster.cli(["allocations", "--network", NETWORK, "--container", "ctr-1", "--ifname", "eth0"]),
    );
    expect(narrowed).not.toContain("ctr-0");
    expect(narrowed).toContain("ctr-1");
  });

  it("shows who holds an address and what a container holds, as text and JSON", async () => {
    const cluster = await withAllocations(1);
    expect(ok(await cluster.cli(["show", "10.1.0.2/24"]))).toMatch(/container:\s+ctr-0[\s\S]*allocated:.*ago/);
    expect(JSON.parse(ok(await cluster.cli(["show", "fd00:1::2", "-o", "json"]))).holder).toBe(`${NETWORK}/ctr-0:eth0`);
    expect(ok(await cluster.cli(["show", "ctr-0"]))).toContain(
      "10.1.0.2 (pool 10.1.0.0/24), fd00:1::2 (pool fd00:1::/64)",
    );
    expect(JSON.parse(ok(await cluster.cli(["show", "ctr-0", "-o", "json"])))).toHaveLength(1);
  });

  it.each([
    [["show", "10.1.0.9"], 1, "free in pool 10.1.0.0/24"],
    [["show", "10.200.0.1"], 1, "in no pool"],
    [["show", "ctr-none"], 1, "holds no address"],
    [["show"], 2, "needs an ADDRESS"],
    [["show", "a", "b"], 2, "unexpected argument"],
    [["allocations", "extra"], 2, "unexpected argument"],
    [["allocations", "--network", "bad name"], 2, "not a valid network name"],
    // A filter that matches nothing names the one that found nothing, and what there is instead.
    [
      ["allocations", "--pool", "10.9.0.0/24"],
      1,
      "no pool 10.9.0.0/24 in data dir /proc/ippool-in-memory (pools: 10.1.0.0/24, fd00:1::/64)",
    ],
    [
      ["allocations", "--network", "othernet"],
      1,
      `network othernet holds no allocation in data dir /proc/ippool-in-memory (networks with allocations: ${NETWORK})`,
    ],
    [
      ["allocations", "--container", "ctr-9"],
      1,
      "container ctr-9 holds no address in data dir /proc/ippool-in-memory (container ids match exactly)",
    ],
    [
      ["allocations", "--container", "ctr-0", "--ifname", "eth9"],
      1,
      "no allocation in data dir /proc/ippool-in-memory matches container ctr-0, ifname eth9",
    ],
  ])("answers %j with exit %i", async (argv, code, fragment) => {
    fails(await (await withAllocations(1)).cli(argv), code, fragment);
  });

  it("shows a holder whose attachment record is missing, and release frees its bit", async () => {
    const cluster = await withAllocations(1);
    await new MemoryStore(cluster.datastore).update(async (txn) => txn.delete(`attachment/${NETWORK}/ctr-0:eth0`));
    expect(ok(await cluster.cli(["show", "10.1.0.2"]))).toMatch(/holder:.*record is missing/);
    expect(ok(await cluster.cli(["release", "10.1.0.2", "--yes"]))).toMatch(
      /released 10\.1\.0\.2 .*no attachment record/,
    );
    fails(await cluster.cli(["show", "10.1.0.2"]), 1, "not allocated");
  });
});

describe("runCli release", () => {
  it("previews without --yes (exit 1, nothing changed), then releases one address of two", async () => {
    const cluster = await withAllocations(1);
    const before = cluster.datastore.documents();
    const preview = await cluster.cli(["release", "10.1.0.2"]);
    fails(preview, 1, "--yes");
    expect(preview.stdout).toMatch(/would release 10\.1\.0\.2/);
    expect(cluster.datastore.documents()).toEqual(before);
    ok(await cluster.cli(["release", "10.1.0.2", "-y"]));
    expect(JSON.parse(ok(await cluster.cli(["show", "ctr-0", "-o", "json"])))[0].addresses).toEqual([
      { pool: "fd00:1::/64", address: "fd00:1::2" },
    ]);
  });

  it("releases every attachment of a container, narrowed by network and ifname", async () => {
    const cluster = await withAllocations(2);
    expect(
      ok(await cluster.cli(["release", "--container", "ctr-1", "--network", NETWORK, "--ifname", "eth0", "--yes"])),
    ).toContain("released");
    expect(keysBelow(cluster, "attachment/")).toEqual([`attachment/${NETWORK}/ctr-0:eth0`]);
  });

  it.each([
    [["release"], 2, "either an ADDRESS or --container"],
    [["release", "10.1.0.2", "--container", "ctr-0"], 2, "either an ADDRESS or --container"],
    [["release", "10.1.0.2", "--ifname", "eth0"], 2, "go with --container"],
    [["release", "ctr-0"], 2, "not an IP address"],
    [["release", "a", "b"], 2, "unexpected argument"],
    [["release", "10.1.0.77", "--yes"], 1, "nothing to release"],
    [["release", "--container", "ctr-0", "--network", "other", "--yes"], 1, "network other"],
  ])("answers %j with exit %i", async (argv, code, fragment) => {
    fails(await (await withAllocations(1)).cli(argv), code, fragment);
  });
});

describe("runCli reclaim", () => {
  it.each([
    ["lines", "ctr-0\n# a comment\n\nctr-1:eth0\n"],
    ["JSON", JSON.stringify(["ctr-0", { containerID: "ctr-1", ifname: "eth0" }])],
  ])(
    "releases all but the live attachments listed as %s, after a dry run that changes nothing",
    async (_format, live) => {
      const cluster = await withAllocations(3);
      const before = cluster.datastore.documents();
      const dry = ok(await cluster.cli(["reclaim", "--network", NETWORK, "--live", "-", "--dry-run"], { stdin: live }));
      expect(dry).toMatch(/would release .*ctr-2[\s\S]*dry run: 1 attachment\(s\) \(2 address\(es\)\).*2 kept/);
      expect(cluster.datastore.documents()).toEqual(before);
      expect(ok(await cluster.cli(["reclaim", "--network", NETWORK, "--live", "-"], { stdin: live }))).toMatch(
        /reclaimed 1 attachment/,
      );
      expect(keysBelow(cluster, "attachment/")).toEqual([
        `attachment/${NETWORK}/ctr-0:eth0`,
        `attachment/${NETWORK}/ctr-1:eth0`,
      ]);
    },
  );

  it("warns when the network holds nothing, naming those that do, and releases everything for '[]'", async () => {
    const cluster = await withAllocations(1);
    expect((await cluster.cli(["reclaim", "--network", "other", "--live", "-"], { stdin: "[]" })).stderr).toMatch(
      /warning: .*networks with allocations: testnet/,
    );
    ok(await cluster.cli(["reclaim", "--network", NETWORK, "--live", "-"], { stdin: "[]" }));
    expect(keysBelow(cluster, "attachment/")).toEqual([]);
  });

  it.each([
    [["reclaim", "--live", "-"], "", 2, "networks with allocations: testnet"],
    [["reclaim", "--network", NETWORK], "", 2, "--live FILE"],
    [["reclaim", "x", "--network", NETWORK], "", 2, "unexpected argument"],
    [["reclaim", "--network", NETWORK, "--live", "-"], "", 1, "lists no live attachment"],
    [["reclaim", "--network", NETWORK, "--live", "-"], "[1]", 1, "must be a string or an object"],
    [["reclaim", "--network", NETWORK, "--live", "-"], '[{"ifname": "eth0"}]', 1, "needs containerID"],
    [["reclaim", "--network", NETWORK, "--live", "-"], '{"a": 1}', 1, "must be a JSON list"],
    [["reclaim", "--network", NETWORK, "--live", "-"], "[oops", 1, "not valid JSON"],
    [["reclaim", "--network", NETWORK, "--live", "-"], "two words\n", 1, "line 1"],
  ])("answers %j with stdin %j with exit %i", async (argv, stdin, code, fragment) => {
    const cluster = await withAllocations(1);
    fails(await cluster.cli(argv, { stdin }), code, fragment);
    expect(keysBelow(cluster, "attachment/")).toHaveLength(1);
  });
});

describe("runCli usage", () => {
  it("counts per pool, including an unstored pool that still holds addresses", async () => {
    const cluster = await withAllocations(2);
    await cluster.add(
      "inline-1",
      netconf({ ipPools: [poolDoc("10.8.0.0/29")], ipv4_pools: ["10.8.0.0/29"], assign_ipv6: false }),
    );
    const table = ok(await cluster.cli(["usage"]));
    expect(table).toMatch(/10\.1\.0\.0\/24\s+253\s+2\s+251\s+0\.79%\s+stored/);
    expect(table).toMatch(/10\.8\.0\.0\/29\s+5\s+1\s+4\s+20\.00%\s+not stored/);
    const rows = JSON.parse(ok(await cluster.cli(["usage", "-o", "json"]))) as { pool: string; used: number }[];
    expect(rows.map((row) => row.pool)).toEqual(["10.1.0.0/24", "10.8.0.0/29", "fd00:1::/64"]);
    fails(await cluster.cli(["usage", "extra"]), 2, "unexpected argument");
  });
});

describe("runCli blocks", () => {
  it("lists blocks per node as a table and JSON, releases empty ones, and forgets a gone node's state", async () => {
    const cluster = memoryCluster();
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc("10.1.0.0/24")) }));
    await cluster.add("a-1", netconf(), "node-a");
    await cluster.add("b-1", netconf(), "node-b");
    expect(ok(await cluster.cli(["blocks"]))).toMatch(
      /10\.1\.0\.0\/26\s+10\.1\.0\.0\/24\s+node-a\s+1\s+61\n10\.1\.0\.64\/26\s+10\.1\.0\.0\/24\s+node-b\s+1\s+63/,
    );
    fails(await cluster.cli(["blocks", "release", "--empty"]), 1, "no empty block");
    expect((await cluster.plugin({ command: "DEL", containerId: "b-1", node: "node-b" }, netconf())).exitCode).toBe(0);
    expect(ok(await cluster.cli(["blocks", "release", "--empty", "--nodename", "node-b"]))).toContain(
      "released block 10.1.0.64/26 of node node-b",
    );
    expect(ok(await cluster.cli(["blocks", "release", "--all-empty", "--nodename", "node-b"]))).toMatch(
      /released 0 empty block/,
    );
    expect(keysBelow(cluster, "node-state/")).toEqual(["node-state/node-a/10.1.0.0_24"]);
    expect(JSON.parse(ok(await cluster.cli(["blocks", "-o", "json"])))).toEqual([
      { cidr: "10.1.0.0/26", pool: "10.1.0.0/24", node: "node-a", used: 1, free: 61 },
    ]);
  });

  it("rebuilds a lost block from the attachment records, and ADD works again", async () => {
    const cluster = await withAllocations(2);
    await new MemoryStore(cluster.datastore).update(async (txn) => txn.delete("block/10.1.0.0_24/0"));
    expect((await cluster.plugin({ command: "ADD", containerId: "ctr-9" }, netconf())).json.code).toBe(104);
    const verify = await cluster.cli(["verify"]);
    expect([verify.code, verify.stdout]).toEqual([
      1,
      expect.stringMatching(/problem: .*block\/10\.1\.0\.0_24\/0.*missing/),
    ]);
    expect(ok(await cluster.cli(["blocks", "rebuild", "10.1.0.0/26"]))).toMatch(
      /rebuilt block 10\.1\.0\.0\/26 of node node-a .*2 address/,
    );
    expect(ok(await cluster.cli(["verify"]))).toMatch(/ok/);
    expect(await cluster.add("ctr-9")).toEqual(["10.1.0.4", "fd00:1::4"]);
  });

  it.each([
    [["blocks", "release", "--empty", "extra"], 2, "unexpected argument"],
    [["blocks", "grow"], 2, "unknown action"],
    [["blocks", "--empty"], 2, "go with 'ippool blocks release'"],
    [["blocks", "release"], 2, "--empty or --all-empty"],
    [["blocks", "release", "--all-empty"], 2, "needs --nodename"],
    [["blocks", "-o", "xml"], 2, "unknown output format"],
    [["blocks", "rebuild"], 2, "needs the block's CIDR"],
    [["blocks", "rebuild", "nonsense"], 2, "not a CIDR"],
    [["blocks", "rebuild", "10.1.0.0/26", "x"], 2, "unexpected argument"],
    [["blocks", "rebuild", "10.99.0.0/26"], 1, "not a block of any pool"],
    [["blocks", "rebuild", "10.1.0.128/26"], 1, "not claimed"],
  ])("answers %j with exit %i", async (argv, code, fragment) => {
    fails(await (await withAllocations(1)).cli(argv), code, fragment);
  });
});
