// Help for every command, the store selection (--data-dir, IPPOOL_DATA_DIR), and one-line errors with exit codes.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IPPOOL, REPO_ROOT, execCli, poolDoc } from "../helpers/ippool.js";
import { fails, ok, pluginAdd, useCliDir, yamlDocs } from "./support.js";
// Cases about the data dir itself (its files, IPPOOL_DATA_DIR) run in the disk pass only.
import { etcdPrefixFor, onEtcd, storeArgs, storeNameFor } from "../helpers/datastore.js";

const dir = useCliDir();
const COMMANDS = ["create", "apply", "replace", "get", "delete", "allocations", "show", "release", "reclaim", "usage"];

describe("ippool help", () => {
  it.each([["--help"], ["-h"], ["help"]])("ippool %s lists every command with the global flags", async (flag) => {
    const out = ok(await execCli([flag]));
    for (const command of COMMANDS) expect(out).toMatch(new RegExp(`^  ${command} +\\S`, "m"));
    expect(out).toContain("--data-dir DIR");
    expect(out).toContain("IPPOOL_DATA_DIR");
    expect(out).toContain("/var/lib/cni/ippool");
  });

  it("ippool alone prints the help on stderr and exits 2", async () => {
    const result = await execCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Commands:");
  });

  it.each(COMMANDS)("ippool %s --help shows usage, flags and examples", async (command) => {
    const out = ok(await execCli([command, "--help"]));
    expect(out).toMatch(new RegExp(`^ippool ${command}: \\S`));
    expect(out).toMatch(new RegExp(`Usage:\\n  ippool ${command}`));
    expect(out).toContain("--data-dir DIR");
    expect(out).toMatch(new RegExp(`Examples:\\n  \\S*ippool ${command}|Examples:\\n  .*\\| ippool ${command}`));
    expect(ok(await execCli(["help", command]))).toBe(out);
  });

  // The store keeps no usage counts (the bitmaps are the truth): verify must not claim to compare them.
  it("verify --help names what verify compares, and no usage counts", async () => {
    const out = ok(await execCli(["verify", "--help"]));
    expect(out).not.toMatch(/counts/);
    expect(out).toContain("blocks, claims and node states agree on each block's node and last write");
  });

  it("--version prints package.json's version and which build runs", async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
    const artifact = IPPOOL.endsWith("build/ippool") ? "Node bundle, node v" : "standalone executable linux-";
    expect(ok(await execCli(["--version"]))).toMatch(
      new RegExp(`^ippool ${version.replace(/\./g, "\\.")} \\(${artifact}`),
    );
    expect((await execCli(["get", "--version"])).code).toBe(2);
  });

  it("a set but empty CNI_COMMAND runs the CLI when given arguments, and is a CNI error without", async () => {
    expect(ok(await execCli(["--version"], { env: { CNI_COMMAND: "" } }))).toMatch(/^ippool /);
    const plugin = await execCli([], { env: { CNI_COMMAND: "" } });
    expect(plugin.code).toBe(1);
    expect(JSON.parse(plugin.stdout)).toMatchObject({ code: 4, msg: "env variable CNI_COMMAND is set but empty" });
  });

  it("usage --help says what capacity leaves out", async () => {
    expect(ok(await execCli(["usage", "--help"]))).toContain(
      "the network address, network+1 (the gateway) and the IPv4",
    );
  });
});

describe("ippool command line", () => {
  it.each([
    [
      ["frob"],
      "ippool: unknown command 'frob'; commands: create, apply, replace, get, delete, allocations, show, release, reclaim, usage",
    ],
    [["get", "pools", "--frob"], "ippool: unknown flag --frob for 'ippool get' (see 'ippool get --help')"],
    [["get", "pools", "-x"], "ippool: unknown flag -x for 'ippool get'"],
    [["apply", "-f"], "ippool: flag --filename needs a value (FILE)"],
    [["apply"], "ippool: 'ippool apply' needs -f FILE"],
    [["apply", "-f", "x.yaml", "extra"], "ippool: unexpected argument 'extra'"],
    [["delete", "pool", "10.1.0.0/16", "--force=yes"], "ippool: flag --force takes no value"],
    [["get"], "ippool: 'ippool get' needs a resource TYPE; accepted types: ippool, ippools, ipp, ipps, pool, pools"],
    [["--frob", "get"], "ippool: unknown flag --frob"],
    [["get", "pools", "-o", "json", "--output=yaml"], "ippool: flag --output given twice; it takes one value"],
    [
      ["install", "--network", "pods", "--pool", "10.22.0.0/24", "--pool", "fd00:22::/64"],
      "ippool: flag --pool given twice; it takes one value (CIDR[,CIDR])",
    ],
  ])("%j is a usage error: one line, exit 2", async (args, message) => {
    const result = await execCli(args, { dataDir: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([
    [["verify", "/some/dir"], "/some/dir"],
    [["usage", "extra"], "extra"],
    [["allocations", "extra"], "extra"],
    [["show", "10.1.0.5", "extra"], "extra"],
    [["release", "10.1.0.5", "extra"], "extra"],
    [["reclaim", "extra"], "extra"],
    [["blocks", "rebuild", "10.1.0.0/26", "extra"], "extra"],
    [["node", "register", "extra"], "extra"],
    [["dataplane", "apply", "extra"], "extra"],
    [["datastore", "migrate", "extra"], "extra"],
    [["install", "extra"], "extra"],
    [["create", "-f", "x.yaml", "extra"], "extra"],
  ])("%j: a stray argument is refused before any store is read (exit 2)", async (args, stray) => {
    const result = await execCli(args, { dataDir: dir.path });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`ippool: unexpected argument '${stray}' (see 'ippool ${args[0]} --help')\n`);
  });

  it.each([
    [["get", "pools", "-ojson"]],
    [["get", "pools", "--output=json"]],
    [["get", "pools", "-o=json"]],
    [["get", "--output", "json", "pools"]],
  ])("accepts the flag spellings of %j", async (args) => {
    ok(await dir.cli(["apply", "-f", "-"], yamlDocs(poolDoc("10.1.0.0/16"))));
    expect(JSON.parse(ok(await dir.cli(args)))).toHaveLength(1);
  });
});

describe("ippool store selection", () => {
  it.skipIf(onEtcd())("IPPOOL_DATA_DIR selects the store, and --data-dir overrides it", async () => {
    const other = join(dir.path, "..", "other-store");
    ok(
      await execCli(["apply", "-f", "-"], {
        env: { IPPOOL_DATA_DIR: dir.path },
        stdin: yamlDocs(poolDoc("10.1.0.0/16")),
      }),
    );
    expect(ok(await execCli(["get", "pools"], { dataDir: dir.path }))).toBe("CIDR\n10.1.0.0/16\n");
    expect(ok(await execCli(["get", "pools"], { env: { IPPOOL_DATA_DIR: dir.path } }))).toBe("CIDR\n10.1.0.0/16\n");
    fails(
      await execCli(["get", "pools", "--data-dir", other], { env: { IPPOOL_DATA_DIR: dir.path } }),
      `no ippool store in data dir ${other}`,
    );
  });
});

describe("ippool store selection by flag and variable", () => {
  const POOLS_YAML = join(REPO_ROOT, "netconf-examples/pools.yaml");
  const UNREACHABLE_ETCD = { ETCD_ENDPOINTS: "http://127.0.0.1:1" };

  it.skipIf(onEtcd())(
    "--data-dir wins over an exported ETCD_ENDPOINTS, and the output names the data dir",
    async () => {
      ok(await dir.cli(["apply", "-f", "-"], yamlDocs(poolDoc("10.1.0.0/24"))));
      const [address] = await pluginAdd(dir.path, "ctr-1");
      const preview = await execCli(["release", address!, "--data-dir", dir.path], { env: UNREACHABLE_ETCD });
      expect(preview.code).toBe(1);
      expect(preview.stdout).toBe(`would release ${address} (pool 10.1.0.0/24) held by testnet/ctr-1:eth0\n`);
      expect(preview.stderr).toContain(
        `nothing was released from data dir ${dir.path}; run the command again with --yes`,
      );
      const verify = await execCli(["verify", "--data-dir", dir.path], { env: UNREACHABLE_ETCD });
      expect(ok(verify)).toMatch(
        new RegExp(`^checked data dir ${dir.path}: 1 pool\\(s\\), 1 block\\(s\\), 1 attachment\\(s\\)`),
      );
    },
  );

  it.each([
    [
      ["get", "pools", "--data-dir", "/tmp/x", "--etcd-endpoints", "http://127.0.0.1:1"],
      {},
      "give one of them, not both",
    ],
    [
      ["get", "pools"],
      { IPPOOL_DATA_DIR: "/tmp/x", ...UNREACHABLE_ETCD },
      "both IPPOOL_DATA_DIR and ETCD_ENDPOINTS are set",
    ],
  ])("%j with %j names two stores: a usage error (exit 2)", async (args, env, message) => {
    const result = await execCli(args, { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("verify names the store it checked and counts the stored pools, with and without allocations", async () => {
    ok(await dir.cli(["apply", "-f", POOLS_YAML]));
    expect(ok(await dir.cli(["verify"]))).toBe(
      `checked ${storeNameFor(dir.path)}: 3 pool(s), 0 block(s), 0 attachment(s), 0 address(es)\nok: no problems found\n`,
    );
    await pluginAdd(dir.path, "ctr-1");
    expect(ok(await dir.cli(["verify"]))).toMatch(/^checked .*: 3 pool\(s\), \d+ block\(s\), 1 attachment\(s\)/);
  });

  it.runIf(onEtcd())("verify on etcd names a problem by its etcd key and advises an etcd snapshot", async () => {
    ok(await dir.cli(["apply", "-f", POOLS_YAML]));
    const stray = `${etcdPrefixFor(dir.path)}/stray`;
    execFileSync("/usr/bin/etcdctl", [`--endpoints=${storeArgs(dir.path)[1]}`, "put", stray, "{}"], {
      env: { ETCDCTL_API: "3" },
    });
    const result = await dir.cli(["verify"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`problem: etcd key ${stray}: not written by ippool`);
    expect(result.stdout).toContain("damaged key from an etcd snapshot");
    expect(result.stdout).not.toContain("/var/lib/cni/ippool");
    expect(JSON.parse(ok({ ...(await dir.cli(["verify", "-o", "json"])), code: 0 })).problems).toEqual([
      { key: stray, message: expect.stringContaining("not written") },
    ]);
  });
});

describe("ippool when nothing matches", () => {
  it("a store that was never written (a mistyped --data-dir or --etcd-prefix) is an error for every command that reads it", async () => {
    const why = onEtcd() ? "no key under the prefix" : "the directory does not exist";
    for (const args of [["get", "pools"], ["allocations"], ["usage"], ["blocks"], ["verify"], ["show", "10.1.0.1"]]) {
      const result = await dir.cli(args);
      fails(result, `no ippool store in ${storeNameFor(dir.path)}: ${why}`);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
    }
    // A command that only looked created nothing.
    expect(existsSync(dir.path)).toBe(false);
  });

  it.each([
    [
      ["allocations", "--network", "nope"],
      "network nope holds no allocation in STORE (networks with allocations: testnet)",
    ],
    [["allocations", "--pool", "10.99.0.0/16"], "no pool 10.99.0.0/16 in STORE (pools: 10.1.0.0/24)"],
    [["allocations", "--container", "nope"], "container nope holds no address in STORE"],
    [
      ["allocations", "--network", "testnet", "--ifname", "eth9"],
      "no allocation in STORE matches network testnet, ifname eth9",
    ],
  ])("%j says why nothing matched (exit 1)", async (args, message) => {
    ok(await dir.cli(["apply", "-f", "-"], yamlDocs(poolDoc("10.1.0.0/24"))));
    await pluginAdd(dir.path, "ctr-1");
    const result = await dir.cli(args);
    fails(result, message.replace("STORE", storeNameFor(dir.path)));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
  });

  it("get of a pool that does not exist prints the error and no header", async () => {
    ok(await dir.cli(["apply", "-f", "-"], yamlDocs(poolDoc("10.1.0.0/24"))));
    const result = await dir.cli(["get", "pool", "10.99.0.0/16"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`ippool: ipPool 10.99.0.0/16 does not exist in ${storeNameFor(dir.path)}\n`);
    expect((await dir.cli(["get", "pool", "10.1.0.0/24", "10.99.0.0/16"])).stdout).toBe("CIDR\n10.1.0.0/24\n");
  });
});

describe("ippool errors", () => {
  it.skipIf(onEtcd())("a damaged store file is one line naming the file, never a stack trace", async () => {
    mkdirSync(dir.path, { recursive: true });
    writeFileSync(join(dir.path, "pools.json"), "{ garbage");
    const result = await dir.cli(["get", "pools"]);
    fails(result, join(dir.path, "pools.json"));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.skipIf(onEtcd())("a data dir that is a file is one clear line, for reads and writes", async () => {
    const file = dir.file("a-file", "");
    for (const args of [
      ["get", "pools"],
      ["apply", "-f", "-"],
    ]) {
      const result = await execCli(args, { dataDir: file, stdin: yamlDocs(poolDoc("10.1.0.0/16")) });
      expect(result.stderr).toBe(
        `ippool: data dir ${file} is not a directory; give the directory that holds the store with --data-dir\n`,
      );
      expect(result.code).toBe(1);
    }
  });

  it.skipIf(onEtcd())("a data dir that cannot be created is one line", async () => {
    // A regular file where a directory should be: mkdir fails with ENOTDIR.
    const file = dir.file("not-a-dir", "");
    const result = await execCli(["apply", "-f", "-"], {
      dataDir: join(file, "store"),
      stdin: yamlDocs(poolDoc("10.1.0.0/16")),
    });
    fails(result, "not a directory");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
