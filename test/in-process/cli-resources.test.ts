// The CLI's resource verbs (create, apply, replace, delete, get, node register) through runCli on the in-memory store.
import { describe, expect, it } from "vitest";
import { memoryCluster, fails, netconf, nodeDoc, ok, poolDoc, useTempDir, yamlDocs } from "./support.js";
import { readStoredPools } from "../../src/ipam/stored-pools.js";
import { TUNL0, ensureTunnelAddress } from "../../src/ipam/tunnel-address.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";

const storedCidrs = (documents: Record<string, unknown>) =>
  ((documents.pools as { pools: { metadata: { cidr: string } }[] } | undefined)?.pools ?? []).map(
    (doc) => doc.metadata.cidr,
  );

describe("runCli create, apply, replace", () => {
  const files = useTempDir();

  it("creates pools from a file, says unchanged on a second apply and configured on a change", async () => {
    const cluster = memoryCluster();
    const path = files.file(
      "pools.yaml",
      yamlDocs(poolDoc("10.2.0.0/16"), poolDoc("10.1.0.0/16", { "nat-outgoing": true })),
    );
    expect(ok(await cluster.cli(["create", "-f", path]))).toMatch(/created ipPool 10\.2\.0\.0\/16[\s\S]*Successfully/);
    expect(storedCidrs(cluster.datastore.documents())).toEqual(["10.1.0.0/16", "10.2.0.0/16"]);
    expect(ok(await cluster.cli(["apply", "-f", path]))).toContain("unchanged ipPool 10.1.0.0/16");
    expect(ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc("10.1.0.0/16")) }))).toContain(
      "configured ipPool 10.1.0.0/16",
    );
    expect(
      ok(await cluster.cli(["replace", "-f", "-"], { stdin: yamlDocs(poolDoc("10.1.0.0/16", { disabled: true })) })),
    ).toContain("replaced ipPool 10.1.0.0/16");
  });

  it("fails create of an existing pool and replace of a missing one alone, as a partial success", async () => {
    const cluster = memoryCluster();
    ok(await cluster.cli(["create", "-f", "-"], { stdin: yamlDocs(poolDoc("10.1.0.0/16")) }));
    const create = await cluster.cli(["create", "-f", "-"], {
      stdin: yamlDocs(poolDoc("10.1.0.0/16"), poolDoc("10.3.0.0/16")),
    });
    fails(create, 1, "already exists");
    expect(create.stdout).toMatch(/Partial success/);
    fails(await cluster.cli(["replace", "-f", "-"], { stdin: yamlDocs(poolDoc("10.4.0.0/16")) }), 1, "does not exist");
    expect(storedCidrs(cluster.datastore.documents())).toEqual(["10.1.0.0/16", "10.3.0.0/16"]);
  });

  it.each([
    ["an overlap with a stored pool", [poolDoc("10.1.128.0/17")], "overlaps"],
    ["an overlap within the file", [poolDoc("10.5.0.0/16"), poolDoc("10.5.1.0/24")], "overlaps"],
    [
      "an invalid document",
      [poolDoc("10.6.0.0/16"), { apiVersion: "v1", kind: "ipPool", metadata: { cidr: "nonsense" } }],
      "metadata.cidr",
    ],
    ["a pool given twice", [poolDoc("10.6.0.0/16"), poolDoc("10.6.0.0/16")], "also given"],
  ])("changes nothing for %s", async (_what, docs, fragment) => {
    const cluster = memoryCluster();
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc("10.1.0.0/16")) }));
    const before = cluster.datastore.documents();
    fails(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(...docs) }), 1, fragment);
    expect(cluster.datastore.documents()).toEqual(before);
  });

  it("warns that a pool overlaps an unstored pool that still holds addresses", async () => {
    const cluster = memoryCluster();
    await cluster.add("ctr-1", netconf({ ipPools: [poolDoc("10.7.0.0/24")] }));
    const run = await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc("10.7.0.0/16")) });
    expect(run.stderr).toMatch(/warning: .*overlaps pool 10\.7\.0\.0\/24/);
  });

  it("refuses a missing -f, an unknown file and a stray argument", async () => {
    const cluster = memoryCluster();
    fails(await cluster.cli(["apply"]), 2, "-f FILE");
    fails(await cluster.cli(["apply", "-f", files.path("missing.yaml")]), 1, "no such file");
    fails(await cluster.cli(["apply", "-f", "-", "extra"]), 2, "unexpected argument");
  });
});

describe("runCli resource files", () => {
  // Each level's anchor names the previous one twice: twenty levels expand to a million items.
  const level = (depth: number) => `l${depth}: &l${depth} [*l${depth - 1}, *l${depth - 1}]`;
  const bomb = ["l0: &l0 [x, x]", ...Array.from({ length: 20 }, (_, i) => level(i + 1))].join("\n");

  it.each([
    ["a JSON list", JSON.stringify([poolDoc("10.1.0.0/24"), poolDoc("10.2.0.0/24")]), 2],
    ["a JSON object with tabs", `{\n\t"apiVersion": "v1", "kind": "ipPool", "metadata": {"cidr": "10.1.0.0/24"}\n}`, 1],
    [
      "a YAML list between empty documents",
      `---\n# nothing\n---\n- ${JSON.stringify(poolDoc("10.1.0.0/24"))}\n---\n`,
      1,
    ],
  ])("reads %s", async (_what, text, count) => {
    const cluster = memoryCluster();
    expect(ok(await cluster.cli(["apply", "-f", "-"], { stdin: text }))).toContain(
      `Successfully applied ${count} 'ipPool' resource(s)`,
    );
  });

  it.each([
    ["nothing", "# only a comment\n", "holds no resource"],
    ["a YAML syntax error", "metadata: [unclosed\n", "document 1"],
    ["a key given twice", "kind: ipPool\nkind: ipPool\n", "document 1"],
    ["an alias bomb", bomb, "alias"],
    ["a scalar document", "just text\n", "is a string, not a resource"],
    ["a list holding a number", "- 5\n", "document 1 item 1 is a number"],
  ])("refuses %s and changes nothing", async (_what, text, fragment) => {
    const cluster = memoryCluster();
    fails(await cluster.cli(["apply", "-f", "-"], { stdin: text }), 1, fragment);
    expect(cluster.datastore.documents()).toEqual({});
  });
});

describe("runCli get", () => {
  it.each([
    ["ps", (out: string) => expect(out).toMatch(/^CIDR\n10\.1\.0\.0\/24\n10\.2\.0\.0\/24\n$/)],
    [
      "wide",
      (out: string) => expect(out).toMatch(/10\.1\.0\.0\/24\s+true\s+always\s+false\s+-\s+true\s+false\s+1\s+252/),
    ],
    ["yaml", (out: string) => expect(out).toMatch(/cidr: 10\.1\.0\.0\/24[\s\S]*---[\s\S]*cidr: 10\.2\.0\.0\/24/)],
    ["json", (out: string) => expect(JSON.parse(out)).toHaveLength(2)],
  ])("lists pools with -o %s", async (format, check) => {
    const cluster = memoryCluster();
    ok(
      await cluster.cli(["apply", "-f", "-"], {
        stdin: yamlDocs(
          poolDoc("10.1.0.0/24", { ipip: { enabled: true }, "nat-outgoing": true }),
          poolDoc("10.2.0.0/24"),
        ),
      }),
    );
    await cluster.add("ctr-1", netconf({ ipv4_pools: ["10.1.0.0/24"] }));
    check(ok(await cluster.cli(["get", "pools", "-o", format])));
  });

  it("names a pool that does not exist and reads back its own YAML unchanged", async () => {
    const cluster = memoryCluster();
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc("10.1.0.0/24")) }));
    const missing = await cluster.cli(["get", "ipp", "10.1.0.0/24", "10.3.0.0/24"]);
    fails(missing, 1, "ipPool 10.3.0.0/24 does not exist");
    expect(missing.stdout).toContain("10.1.0.0/24");
    const yaml = ok(await cluster.cli(["get", "pools", "-o", "yaml"]));
    expect(ok(await cluster.cli(["apply", "-f", "-"], { stdin: yaml }))).toContain("unchanged");
  });

  it.each([[["get"]], [["get", "things"]], [["get", "pools", "-o", "xml"]], [["get", "pools", "not-a-cidr"]]])(
    "refuses %j with exit 2",
    async (argv) => {
      fails(await memoryCluster().cli(argv), 2, /ippool get --help/);
    },
  );
});

describe("runCli delete", () => {
  it("refuses a pool that holds addresses, deletes it with --force and a warning, an unused one outright", async () => {
    const cluster = memoryCluster();
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc("10.1.0.0/24"), poolDoc("10.2.0.0/24")) }));
    await cluster.add("ctr-1", netconf({ ipv4_pools: ["10.1.0.0/24"] }));
    fails(await cluster.cli(["delete", "pool", "10.1.0.0/24"]), 1, /still holds 1 allocation.*testnet\/ctr-1:eth0/);
    const forced = await cluster.cli(["delete", "pool", "10.1.0.0/24", "--force"]);
    expect(ok(forced)).toContain("deleted ipPool 10.1.0.0/24");
    expect(forced.stderr).toMatch(/warning: .*still held/);
    ok(await cluster.cli(["delete", "-f", "-"], { stdin: yamlDocs(poolDoc("10.2.0.0/24")) }));
    expect(storedCidrs(cluster.datastore.documents())).toEqual([]);
    fails(await cluster.cli(["delete", "pool", "10.2.0.0/24"]), 1, "does not exist");
  });

  it.each([
    [["delete"]],
    [["delete", "pool"]],
    [["delete", "node"]],
    [["delete", "pool", "nonsense"]],
    [["delete", "node", "Bad_Name"]],
  ])("refuses %j with exit 2", async (argv) => {
    fails(await memoryCluster().cli(argv), 2, /ippool delete --help/);
  });
});

describe("runCli nodes", () => {
  it("registers a node, changes nothing on a second run, updates its address, lists and deletes it", async () => {
    const cluster = memoryCluster();
    // A pool keeps the store in being once the node is deleted: get refuses a store that holds nothing.
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc("10.1.0.0/24")) }));
    const register = ["node", "register", "--nodename", "node-b", "--ipv4-address", "192.168.10.12/24"];
    expect(ok(await cluster.cli(register))).toContain("registered node node-b");
    expect(ok(await cluster.cli(register))).toContain("unchanged node node-b");
    const update = ["node", "register", "--nodename", "node-b", "--ipv6-address", "fd00:10::12/64"];
    expect(ok(await cluster.cli(update))).toContain("updated node node-b");
    expect(ok(await cluster.cli(["get", "nodes", "-o", "wide"]))).toMatch(
      /node-b\s+-\s+192\.168\.10\.12\/24\s+fd00:10::12\/64/,
    );
    expect(JSON.parse(ok(await cluster.cli(["get", "no", "node-b", "-o", "json"])))[0].metadata.name).toBe("node-b");
    expect(ok(await cluster.cli(["get", "nodes", "-o", "yaml"]))).toContain("name: node-b");
    fails(await cluster.cli(["get", "nodes", "node-z"]), 1, "node node-z does not exist");
    expect(ok(await cluster.cli(["delete", "node", "node-b"]))).toContain("deleted node node-b");
    expect(ok(await cluster.cli(["get", "nodes"]))).toBe("NAME\n");
  });

  it("registers the address and prefix of the default route's interface with --detect", async () => {
    const cluster = memoryCluster();
    expect(ok(await cluster.cli(["node", "register", "--detect"]))).toContain("registered node node-a");
    const [node] = JSON.parse(ok(await cluster.cli(["get", "nodes", "-o", "json"])));
    expect(node.spec.bgp.ipv4Address).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
  });

  it("applies nodes and pools from one file in one transaction", async () => {
    const cluster = memoryCluster();
    const out = ok(
      await cluster.cli(["apply", "-f", "-"], {
        stdin: yamlDocs(poolDoc("10.1.0.0/24"), nodeDoc("node-c", "192.168.10.13/24")),
      }),
    );
    expect(out).toMatch(/created ipPool 10\.1\.0\.0\/24[\s\S]*created node node-c[\s\S]*'ipPool' and 'node'/);
    expect(
      ok(await cluster.cli(["replace", "-f", "-"], { stdin: yamlDocs(nodeDoc("node-c", "192.168.10.14/24")) })),
    ).toContain("replaced node node-c");
    fails(
      await cluster.cli(["create", "-f", "-"], { stdin: yamlDocs(nodeDoc("node-c")) }),
      1,
      "node node-c already exists",
    );
    fails(
      await cluster.cli(["replace", "-f", "-"], { stdin: yamlDocs(nodeDoc("node-d")) }),
      1,
      "node node-d does not exist",
    );
  });

  it("refuses to delete a node holding addresses; --force does, --release-blocks hands empty blocks back", async () => {
    const cluster = memoryCluster();
    ok(
      await cluster.cli(["apply", "-f", "-"], {
        stdin: yamlDocs(poolDoc("10.1.0.0/24"), nodeDoc("node-a"), nodeDoc("node-b")),
      }),
    );
    await cluster.add("ctr-1", netconf(), "node-a");
    await cluster.add("ctr-2", netconf(), "node-b");
    expect((await cluster.plugin({ command: "DEL", containerId: "ctr-2", node: "node-b" }, netconf())).exitCode).toBe(
      0,
    );
    fails(await cluster.cli(["delete", "node", "node-a"]), 1, /node-a still holds 1 allocation/);
    const forced = await cluster.cli(["delete", "node", "node-a", "--force"]);
    expect(forced.stderr).toMatch(/warning: node node-a deleted with 1 allocation/);
    const released = ok(await cluster.cli(["delete", "node", "node-b", "--release-blocks"]));
    expect(released).toMatch(/10\.1\.0\.64\/26/);
    expect(Object.keys(cluster.datastore.documents()).filter((key) => key.startsWith("block/"))).toEqual([
      "block/10.1.0.0_24/0",
    ]);
  });

  it("counts only containers' addresses against deleting a node; its tunnel addresses are released with it", async () => {
    const cluster = memoryCluster();
    ok(
      await cluster.cli(["apply", "-f", "-"], {
        stdin: yamlDocs(poolDoc("10.1.0.0/24", { vxlan: {} }), nodeDoc("node-a")),
      }),
    );
    await cluster.add("ctr-1", netconf(), "node-a");
    const store = new MemoryStore(cluster.datastore);
    const pools = await store.read(readStoredPools);
    const taken = [];
    for (const device of [TUNL0, { ifname: "vxlan.ippool", family: 4 as const }])
      taken.push(await store.update((txn) => ensureTunnelAddress(txn, "node-a", pools, new Date(), device)));
    fails(await cluster.cli(["delete", "node", "node-a"]), 1, /node-a still holds 1 allocation\(s\)/);
    expect((await cluster.plugin({ command: "DEL", containerId: "ctr-1", node: "node-a" }, netconf())).exitCode).toBe(
      0,
    );
    const deleted = ok(await cluster.cli(["delete", "node", "node-a", "--release-blocks"]));
    expect(deleted).toContain(`released tunnel address ${taken[0]!.address} of node node-a (tunl0)\n`);
    expect(deleted).toContain(`released tunnel address ${taken[1]!.address} of node node-a (vxlan.ippool)\n`);
    expect(deleted).toContain("released 1 empty block(s) of node node-a");
    expect(JSON.parse(ok(await cluster.cli(["allocations", "-o", "json"])))).toEqual([]);
  });

  it.each([
    [["node"], "needs a subcommand"],
    [["node", "join"], "unknown subcommand"],
    [["node", "register", "extra"], "unexpected argument"],
    [["node", "register", "--ipv4-address", "fd00::1/64"], "not an IPv4 address"],
    [["node", "register", "--ipv4-address", "10.0.0.1/24", "--detect"], "not both"],
    [["node", "register", "--nodename", "Bad_Name"], "not a node name"],
  ])("refuses %j with exit 2", async (argv, fragment) => {
    fails(await memoryCluster().cli(argv), 2, fragment);
  });
});

describe("runCli VXLAN fields", () => {
  const VXLAN = {
    ipv4TunnelAddress: "10.60.0.1",
    ipv4TunnelMAC: "66:1F:9A:0C:3E:21",
    ipv6TunnelAddress: "fd00:60::1",
    ipv6TunnelMAC: "66:1f:9a:0c:3e:22",
  };
  const vxlanNode = (name: string, vxlan: Record<string, unknown>) => ({
    ...nodeDoc(name),
    spec: { bgp: { ipv4Address: "192.168.10.11/24" }, vxlan },
  });

  it("lists each pool's vxlan beside its ipip with -o wide", async () => {
    const cluster = memoryCluster();
    ok(
      await cluster.cli(["apply", "-f", "-"], {
        stdin: yamlDocs(
          poolDoc("10.60.0.0/16", { vxlan: { mode: "cross-subnet" }, "nat-outgoing": true }),
          poolDoc("10.70.0.0/16", { ipip: {}, vxlan: { enabled: false }, "nat-outgoing": true }),
          poolDoc("fd00:60::/64", { vxlan: {}, "nat-outgoing": true }),
        ),
      }),
    );
    const rows = ok(await cluster.cli(["get", "pools", "-o", "wide"]))
      .trim()
      .split("\n")
      .map((line) => line.split(/\s{2,}/).slice(0, 7));
    expect(rows).toEqual([
      ["CIDR", "IPIP", "IPIP MODE", "VXLAN", "VXLAN MODE", "NAT", "DISABLED"],
      ["10.60.0.0/16", "false", "-", "true", "cross-subnet", "true", "false"],
      ["10.70.0.0/16", "true", "always", "false", "-", "true", "false"],
      ["fd00:60::/64", "false", "-", "true", "always", "true", "false"],
    ]);
  });

  it("lists each node's VXLAN endpoints with -o wide, canonical", async () => {
    const cluster = memoryCluster();
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(vxlanNode("node-b", VXLAN), nodeDoc("node-c")) }));
    expect(ok(await cluster.cli(["get", "nodes", "-o", "wide"]))).toBe(
      "NAME    ASN  IPV4              IPV6  VXLAN IPV4  VXLAN IPV4 MAC     VXLAN IPV6  VXLAN IPV6 MAC\n" +
        "node-b  -    192.168.10.11/24  -     10.60.0.1   66:1f:9a:0c:3e:21  fd00:60::1  66:1f:9a:0c:3e:22\n" +
        "node-c  -    -                 -     -           -                  -           -\n",
    );
  });

  it.each([
    [
      "a pool with ipip and vxlan both enabled",
      poolDoc("10.60.0.0/16", { ipip: {}, vxlan: {} }),
      "stdin: document 1: spec.ipip and spec.vxlan are both enabled on pool 10.60.0.0/16",
    ],
    [
      "a node's IPv6 address as its IPv4 tunnel address",
      vxlanNode("node-b", { ipv4TunnelAddress: "fd00:60::1" }),
      "spec.vxlan.ipv4TunnelAddress: not an IPv4 address without prefix",
    ],
    [
      "a multicast MAC",
      vxlanNode("node-b", { ipv6TunnelMAC: "33:33:00:00:00:01" }),
      "spec.vxlan.ipv6TunnelMAC: not a unicast MAC address",
    ],
  ])("refuses %s with exit 1, naming the field, and changes nothing", async (_what, document, fragment) => {
    const cluster = memoryCluster();
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc("10.1.0.0/16")) }));
    const before = cluster.datastore.documents();
    fails(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(document) }), 1, fragment);
    expect(cluster.datastore.documents()).toEqual(before);
  });

  it("refuses an inline pool with both encapsulations in ADD with code 7", async () => {
    const cluster = memoryCluster();
    const run = await cluster.plugin(
      { command: "ADD", containerId: "ctr-1" },
      netconf({ ipPools: [poolDoc("10.60.0.0/16", { ipip: {}, vxlan: {} })] }),
    );
    expect(run.exitCode).not.toBe(0);
    expect(run.json.code).toBe(7);
    expect(run.json.msg).toContain("ipam.ipPools[0]: spec.ipip and spec.vxlan are both enabled");
  });

  it("keeps the endpoints its agent wrote when the node registers again", async () => {
    const cluster = memoryCluster();
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(vxlanNode("node-b", VXLAN)) }));
    const register = ["node", "register", "--nodename", "node-b", "--ipv4-address", "192.168.10.12/24"];
    expect(ok(await cluster.cli(register))).toContain("updated node node-b");
    const [stored] = JSON.parse(ok(await cluster.cli(["get", "nodes", "-o", "json"])));
    expect(stored.spec).toEqual({
      bgp: { ipv4Address: "192.168.10.12/24" },
      vxlan: { ...VXLAN, ipv4TunnelMAC: "66:1f:9a:0c:3e:21" },
    });
  });
});
