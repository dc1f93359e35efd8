// The CLI's framework and operations through runCli: help, flags, store choice, verify, migrate, install, dataplane.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/framework/commands.js";
import { DiskStore } from "../../src/store/disk/disk-store.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { LEGACY_KEYS } from "../helpers/legacy-layout.js";
import {
  NETWORK,
  UNUSED_DATA_DIR,
  fails,
  memoryCluster,
  netconf,
  ok,
  poolDoc,
  useTempDir,
  yamlDocs,
  type Cluster,
} from "./support.js";

interface AttachmentRow {
  readonly containerId: string;
  readonly addresses: { address: string }[];
}

describe("runCli help and the command line", () => {
  it("prints the command list for --help and every command's help, opening no store", async () => {
    const cluster = memoryCluster();
    const main = ok(await cluster.cli(["--help"]));
    for (const name of Object.keys(COMMANDS)) {
      expect(main).toContain(`  ${name} `);
      expect(ok(await cluster.cli([name, "--help"]))).toMatch(
        new RegExp(`^ippool ${name}: [\\s\\S]*Usage:[\\s\\S]*Examples:`),
      );
    }
    expect(ok(await cluster.cli(["help", "get"]))).toMatch(/^ippool get: /);
    expect(cluster.opened).toEqual([]);
  });

  it("prints the command list on stderr with exit 2 when no command is given", async () => {
    const run = await memoryCluster().cli([]);
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toContain("Usage: ippool COMMAND");
  });

  it.each([
    [["frobnicate"], "unknown command 'frobnicate'"],
    [["get", "pools", "--colour"], "unknown flag --colour"],
    [["get", "pools", "-z"], "unknown flag -z"],
    [["get", "pools", "-o"], "needs a value"],
    [["get", "pools", "-o", "ps", "-o", "wide"], "given twice"],
    [["verify", "--help=yes"], "takes no value"],
    [["get", "pools", "--etcd-prefix", "/x"], "--etcd-prefix goes with --etcd-endpoints"],
    [["get", "pools", "--etcd-endpoints", "not a url"], "invalid etcd settings"],
    [["get", "pools", "--nodename", "-bad-"], "--nodename"],
  ])("refuses %j with exit 2 and a pointer to help", async (argv, fragment) => {
    const run = await memoryCluster().cli(argv);
    fails(run, 2, fragment);
    expect(run.stderr).toMatch(/--help'\)\n$/);
  });

  it("opens the store --data-dir, IPPOOL_DATA_DIR or --etcd-* name, for --nodename or NODENAME", async () => {
    const cluster = memoryCluster();
    // get reads only a store that exists; every name below reaches this one in-memory store.
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc("10.1.0.0/24")) }));
    const openedBefore = cluster.opened.length;
    ok(await cluster.cli(["get", "pools"]));
    ok(await cluster.cli(["get", "pools", "--data-dir", "/proc/elsewhere", "--nodename", "node-x"]));
    ok(
      await cluster.cli([
        "get",
        "pools",
        "--etcd-endpoints",
        "http://10.0.0.1:2379,http://10.0.0.2:2379",
        "--etcd-prefix",
        "/pods",
      ]),
    );
    const [fromEnv, fromFlags, etcd] = cluster.opened.slice(openedBefore);
    expect(fromEnv).toMatchObject({ dataDir: UNUSED_DATA_DIR, datastore: { type: "disk" }, nodename: "node-a" });
    expect(fromFlags).toMatchObject({ dataDir: "/proc/elsewhere", nodename: "node-x" });
    expect(etcd!.datastore).toMatchObject({
      type: "etcd",
      endpoints: ["http://10.0.0.1:2379", "http://10.0.0.2:2379"],
      prefix: "/pods",
    });
  });

  it("says an internal error is a bug and prints its stack", async () => {
    const run = await memoryCluster().cli(["install"]);
    fails(run, 1, /running executable is unknown[\s\S]*report/);
  });
});

describe("runCli verify", () => {
  it("refuses a store that was never written, and says a used one is consistent, as text and JSON", async () => {
    const cluster = memoryCluster();
    fails(await cluster.cli(["verify"]), 1, `no ippool store in data dir ${UNUSED_DATA_DIR}`);
    expect(cluster.datastore.documents()).toEqual({});
    await cluster.add("ctr-1", netconf({ ipPools: [poolDoc("10.1.0.0/24")] }));
    expect(ok(await cluster.cli(["verify"]))).toMatch(
      /checked .*: 1 pool\(s\), 1 block\(s\), 1 attachment\(s\), 1 address\(es\)/,
    );
    expect(JSON.parse(ok(await cluster.cli(["verify", "-o", "json"])))).toMatchObject({ ok: true, problems: [] });
    fails(await cluster.cli(["verify", "-o", "xml"]), 2, "unknown output format");
  });

  it("reports a leaked address and a damaged record with their keys, exit 1 and nothing changed", async () => {
    const cluster = memoryCluster();
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc("10.1.0.0/24")) }));
    await cluster.add("ctr-1");
    await cluster.add("ctr-2");
    await new MemoryStore(cluster.datastore).update(async (txn) => {
      txn.delete(`attachment/${NETWORK}/ctr-1:eth0`);
      txn.put(`attachment/${NETWORK}/ctr-2:eth0`, { broken: true });
    });
    const before = cluster.datastore.documents();
    const run = await cluster.cli(["verify", "-o", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; problems: { file: string; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => problem.file)).toEqual(
      expect.arrayContaining([expect.stringContaining("ctr-1:eth0"), expect.stringContaining("ctr-2:eth0")]),
    );
    expect(report.problems.some((problem) => /leaked/.test(problem.message))).toBe(true);
    expect((await cluster.cli(["verify"])).stdout).toMatch(/problem\(s\) found; nothing was changed/);
    expect(cluster.datastore.documents()).toEqual(before);
  });
});

describe("runCli datastore migrate", () => {
  const files = useTempDir();
  const etcd = ["--etcd-endpoints", "http://127.0.0.1:2379"];

  /** A disk store holding `docs` by key; by default one pool document and a node record. */
  async function diskSource(
    docs: Readonly<Record<string, unknown>> = POOL_AND_NODE,
    name = "disk-store",
  ): Promise<string> {
    const dir = files.path(name);
    await new DiskStore(dir, 5000).update(async (txn) => {
      for (const [key, doc] of Object.entries(docs)) txn.put(key, doc);
    });
    return dir;
  }
  const POOL_AND_NODE = {
    pools: { pools: [poolDoc("10.1.0.0/24", { ipip: { enabled: false }, "nat-outgoing": false, disabled: false })] },
    "nodes/node-a": { apiVersion: "v1", kind: "node", metadata: { name: "node-a" }, spec: {} },
  };
  const migrate = (target: Cluster, from: string) =>
    target.cli(["datastore", "migrate", "--from-data-dir", from, ...etcd]);
  const keysOf = (cluster: Cluster, prefix: string) =>
    Object.keys(cluster.datastore.documents()).filter((key) => key.startsWith(prefix));
  const heldBy = async (cluster: Cluster) =>
    Object.fromEntries(
      (JSON.parse(ok(await cluster.cli(["allocations", "-o", "json"]))) as AttachmentRow[]).map((row) => [
        row.containerId,
        row.addresses.map((entry) => entry.address),
      ]),
    );

  it("converts a disk store of an earlier version on the way, leaving the source in its layout", async () => {
    const cluster = memoryCluster();
    const from = await diskSource(LEGACY_KEYS);
    expect(ok(await migrate(cluster, from))).toMatch(/^copied \d+ key\(s\)/);
    expect(keysOf(cluster, "claims/")).toEqual([]);
    expect(keysOf(cluster, "block-claim/")).toHaveLength(2);
    expect(await heldBy(cluster)).toEqual({ a1: ["10.63.0.2"], a2: ["10.63.0.3"], b1: ["10.63.0.64"] });
    ok(await cluster.cli(["verify"]));
    expect(existsSync(join(from, "claims/10.63.0.0_24.json"))).toBe(true);
  });

  /** One node's pool on the target and another node's on a disk store, both starting at the pool's first block. */
  const POOL = "10.62.0.0/24";
  const inline = netconf({ ipPools: [poolDoc(POOL)] });
  async function nodeStore(node: string, adds: readonly string[], dels: readonly string[] = []): Promise<Cluster> {
    const cluster = memoryCluster();
    for (const id of adds) await cluster.add(id, inline, node);
    for (const id of dels)
      expect((await cluster.plugin({ command: "DEL", containerId: id, node }, inline)).exitCode).toBe(0);
    return cluster;
  }
  const diskCopy = (cluster: Cluster, name: string) => diskSource(cluster.datastore.documents(), name);

  it("keeps every address when the target holds the source's first block for another node: they join it as borrowed ones", async () => {
    const target = await nodeStore("node-a", ["a1", "a2", "a3"]);
    // Node b's pods came and went, so its next-fit cursor moved past the addresses node a holds.
    const source = await nodeStore("node-b", ["b1", "b2", "b3"], ["b1", "b2", "b3"]);
    for (const id of ["b4", "b5"]) await source.add(id, inline, "node-b");
    expect(ok(await migrate(target, await diskCopy(source, "node-b")))).toMatch(
      /; 1 block\(s\) another node holds there got this node's addresses as borrowed ones\n$/,
    );
    expect(await heldBy(target)).toEqual({
      a1: ["10.62.0.2"],
      a2: ["10.62.0.3"],
      a3: ["10.62.0.4"],
      b4: ["10.62.0.5"],
      b5: ["10.62.0.6"],
    });
    ok(await target.cli(["verify"]));
    const fresh = [...(await target.add("a4", inline, "node-a")), ...(await target.add("b6", inline, "node-b"))];
    expect(fresh).not.toEqual(
      expect.arrayContaining(["10.62.0.2", "10.62.0.3", "10.62.0.4", "10.62.0.5", "10.62.0.6"]),
    );
  });

  it("refuses an address both stores hold, naming both holders, and writes nothing", async () => {
    const target = await nodeStore("node-a", ["a1"]);
    const before = target.datastore.documents();
    const from = await diskCopy(await nodeStore("node-c", ["c1"]), "node-c");
    fails(
      await migrate(target, from),
      1,
      `already holds 10.62.0.2 (and 0 more address(es) of block block/10.62.0.0_24/0) for ${NETWORK}/a1:eth0 on node node-a, ` +
        `and this store holds it for ${NETWORK}/c1:eth0 on node node-c; nothing was copied; two containers have this address now`,
    );
    expect(target.datastore.documents()).toEqual(before);
  });

  it("copies every key of a disk store into the etcd store it opens, and a second run copies nothing", async () => {
    const cluster = memoryCluster();
    const from = await diskSource();
    expect(ok(await cluster.cli(["datastore", "migrate", "--from-data-dir", from, ...etcd]))).toMatch(
      /copied 2 key\(s\)/,
    );
    expect(cluster.opened.at(-1)!.datastore.type).toBe("etcd");
    expect(Object.keys(cluster.datastore.documents())).toEqual(["nodes/node-a", "pools"]);
    expect(ok(await cluster.cli(["datastore", "migrate", "--from-data-dir", from, ...etcd]))).toMatch(
      /nothing to copy: .* all 2 key/,
    );
  });

  it("refuses, copying nothing, when the target holds a different document at a key", async () => {
    const cluster = memoryCluster();
    await new MemoryStore(cluster.datastore).update(async (txn) => txn.put("pools", { pools: [] }));
    fails(
      await cluster.cli(["datastore", "migrate", "--from-data-dir", await diskSource(), ...etcd]),
      1,
      /different document at pools; nothing was copied/,
    );
    expect(Object.keys(cluster.datastore.documents())).toEqual(["pools"]);
  });

  it.each([
    [["datastore"], 2, "expected 'datastore migrate'"],
    [["datastore", "migrate", ...etcd], 2, "--from-data-dir DIR is required"],
    [["datastore", "migrate", "--from-data-dir", "/proc/none"], 2, "copies into etcd"],
    [["datastore", "migrate", "--from-data-dir", "/proc/none", ...etcd], 1, "holds no ippool store"],
  ])("answers %j with exit %i", async (argv, code, fragment) => {
    fails(await memoryCluster().cli(argv), code, fragment);
  });
});

describe("runCli install", () => {
  const files = useTempDir();

  it("copies the executable into the bin dir, then says unchanged", async () => {
    const cluster = memoryCluster();
    const executable = files.file("ippool-build", "#!/bin/sh\necho ippool\n");
    const argv = ["install", "--bin-dir", files.path("bin")];
    expect(ok(await cluster.cli(argv, { executable }))).toMatch(/bin\/ippool installed/);
    expect(ok(await cluster.cli(argv, { executable }))).toMatch(/unchanged/);
    expect(statSync(files.path("bin/ippool")).mode & 0o777).toBe(0o755);
    expect(readFileSync(files.path("bin/ippool"), "utf8")).toBe("#!/bin/sh\necho ippool\n");
  });

  it("writes a generated conflist that ippool accepts, and copies a given one byte for byte", async () => {
    const cluster = memoryCluster();
    const executable = files.file("ippool-build", "binary");
    const common = ["--bin-dir", files.path("bin"), "--conf-dir", files.path("net.d")];
    ok(
      await cluster.cli(
        [
          "install",
          ...common,
          "--network",
          "pods",
          "--pool",
          "10.22.0.0/16,fd00:22::/64",
          "--plugin",
          "ptp",
          "--data-dir",
          "/var/lib/x",
        ],
        { executable },
      ),
    );
    const generated = JSON.parse(readFileSync(files.path("net.d/10-pods.conflist"), "utf8"));
    expect(generated.plugins[0]).toMatchObject({ type: "ptp", ipam: { type: "ippool", dataDir: "/var/lib/x" } });
    expect(generated.plugins[0].ipam.routes).toEqual([{ dst: "0.0.0.0/0" }, { dst: "::/0" }]);
    const own = files.file(
      "20-own.conflist",
      JSON.stringify({ cniVersion: "1.0.0", name: "own", plugins: [{ type: "bridge", ipam: { type: "ippool" } }] }),
    );
    expect(ok(await cluster.cli(["install", ...common, "--conflist", own], { executable }))).toContain(
      "20-own.conflist installed",
    );
    expect(readFileSync(files.path("net.d/20-own.conflist"), "utf8")).toBe(readFileSync(own, "utf8"));
  });

  it.each([
    ["not JSON", "{", 1, "is not JSON"],
    ["no plugins list", "{}", 1, "not a conflist"],
    [
      "no ippool",
      JSON.stringify({ cniVersion: "1.0.0", name: "x", plugins: [{ type: "bridge", ipam: { type: "host-local" } }] }),
      1,
      "no plugin with",
    ],
    [
      "an unknown ipam field",
      JSON.stringify({
        cniVersion: "1.0.0",
        name: "x",
        plugins: [{ type: "bridge", ipam: { type: "ippool", colour: 1 } }],
      }),
      1,
      "colour",
    ],
  ])("refuses a conflist with %s and writes nothing", async (_what, text, code, fragment) => {
    const cluster = memoryCluster();
    const conflist = files.file("bad.conflist", text);
    fails(
      await cluster.cli(["install", "--bin-dir", files.path("bin"), "--conflist", conflist], { executable: conflist }),
      code,
      fragment,
    );
    expect(() => statSync(files.path("bin"))).toThrow();
  });

  it.each([
    [["install", "x"], "unexpected argument"],
    [["install", "--conflist", "a", "--network", "b"], "one or the other"],
    [["install", "--conf-dir", "/tmp"], "--conf-dir needs"],
    [["install", "--pool", "10.0.0.0/8"], "need --network"],
    [["install", "--network", "pods"], "needs --pool"],
    [["install", "--network", "pods", "--pool", "10.0.0.0/8", "--plugin", "macvlan"], "--plugin must be one of"],
    [["install", "--network", "pods", "--pool", "nonsense"], "is not a CIDR"],
  ])("refuses %j with exit 2", async (argv, fragment) => {
    fails(
      await memoryCluster().cli([...argv, "--bin-dir", files.path("bin")], { executable: "/bin/true" }),
      2,
      fragment,
    );
    expect(() => statSync(files.path("bin"))).toThrow();
  });

  it("says which file it cannot read", async () => {
    fails(
      await memoryCluster().cli(["install", "--bin-dir", files.path("bin"), "--conflist", files.path("none")], {
        executable: "/bin/true",
      }),
      1,
      /cannot read .*none/,
    );
  });
});

describe("runCli dataplane", () => {
  it("prints this node's plan with --dry-run, warning about a node without an address", async () => {
    const cluster = memoryCluster();
    ok(
      await cluster.cli(["apply", "-f", "-"], {
        stdin: yamlDocs(poolDoc("10.1.0.0/24", { "nat-outgoing": true, ipip: { enabled: true } })),
      }),
    );
    ok(await cluster.cli(["node", "register", "--ipv4-address", "192.168.10.11/24"]));
    ok(await cluster.cli(["node", "register", "--nodename", "node-b"]));
    await cluster.add("b-1", netconf(), "node-b");
    const run = await cluster.cli(["dataplane", "apply", "--dry-run"]);
    expect(ok(run)).toMatch(/IPPOOL-NAT-OUTGOING[\s\S]*10\.1\.0\.0\/24/);
    expect(run.stderr).toMatch(/warning: .*node-b/);
  });

  it.each([
    [["dataplane"], "needs a subcommand"],
    [["dataplane", "fly"], "unknown subcommand"],
    [["dataplane", "apply", "x"], "unexpected argument"],
    [["dataplane", "apply", "--mtu", "0"], "--mtu must be a whole number"],
    [["dataplane", "watch", "--interval", "1.5"], "--interval must be a whole number"],
    [["dataplane", "watch", "--dry-run"], "goes with 'dataplane apply'"],
  ])("refuses %j with exit 2", async (argv, fragment) => {
    fails(await memoryCluster().cli(argv), 2, fragment);
  });
});
