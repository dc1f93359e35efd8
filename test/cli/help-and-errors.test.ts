// Help for every command, the store selection (--data-dir, IPPOOL_DATA_DIR), and one-line errors with exit codes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { execCli, poolDoc } from "../helpers/ippool.js";
import { fails, ok, useCliDir, yamlDocs } from "./support.js";
// Cases about the data dir itself (its files, IPPOOL_DATA_DIR) run in the disk pass only.
import { onEtcd } from "../helpers/datastore.js";

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

  it("usage --help says what capacity leaves out", async () => {
    expect(ok(await execCli(["usage", "--help"]))).toContain("the network address, network+1 (the gateway) and the IPv4");
  });
});

describe("ippool command line", () => {
  it.each([
    [["frob"], "ippool: unknown command 'frob'; commands: create, apply, replace, get, delete, allocations, show, release, reclaim, usage"],
    [["get", "pools", "--frob"], "ippool: unknown flag --frob for 'ippool get' (see 'ippool get --help')"],
    [["get", "pools", "-x"], "ippool: unknown flag -x for 'ippool get'"],
    [["apply", "-f"], "ippool: flag --filename needs a value (FILE)"],
    [["apply"], "ippool: 'ippool apply' needs -f FILE"],
    [["apply", "-f", "x.yaml", "extra"], "ippool: unexpected argument 'extra'"],
    [["delete", "pool", "10.1.0.0/16", "--force=yes"], "ippool: flag --force takes no value"],
    [["get"], "ippool: 'ippool get' needs a resource TYPE; accepted types: ippool, ippools, ipp, ipps, pool, pools"],
    [["--frob", "get"], "ippool: unknown flag --frob"],
    [["get", "pools", "-o", "json", "--output=yaml"], "ippool: flag --output given twice; it takes one value"],
    [["install", "--network", "pods", "--pool", "10.22.0.0/24", "--pool", "fd00:22::/64"], "ippool: flag --pool given twice; it takes one value (CIDR[,CIDR])"],
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
    ok(await execCli(["apply", "-f", "-"], { env: { IPPOOL_DATA_DIR: dir.path }, stdin: yamlDocs(poolDoc("10.1.0.0/16")) }));
    expect(ok(await execCli(["get", "pools"], { dataDir: dir.path }))).toBe("CIDR\n10.1.0.0/16\n");
    expect(ok(await execCli(["get", "pools"], { env: { IPPOOL_DATA_DIR: dir.path } }))).toBe("CIDR\n10.1.0.0/16\n");
    expect(ok(await execCli(["get", "pools", "--data-dir", other], { env: { IPPOOL_DATA_DIR: dir.path } }))).toBe("CIDR\n");
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

  it.skipIf(onEtcd())("a data dir that cannot be created is one line", async () => {
    // A regular file where a directory should be: mkdir fails with ENOTDIR.
    const file = dir.file("not-a-dir", "");
    const result = await execCli(["apply", "-f", "-"], { dataDir: join(file, "store"), stdin: yamlDocs(poolDoc("10.1.0.0/16")) });
    fails(result, "not a directory");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
