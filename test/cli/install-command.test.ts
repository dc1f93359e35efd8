// ippool install in a temp root: the executable and a conflist land whole, a second run changes nothing, bad flags change nothing.
import { existsSync, readFileSync, readdirSync, realpathSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IPPOOL, REPO_ROOT, execCli, runProcess, tempDir } from "../helpers/ippool.js";

let root: ReturnType<typeof tempDir>;
let binDir: string;
let confDir: string;
beforeEach(() => {
  root = tempDir("ippool-install-");
  binDir = join(root.path, "opt/cni/bin");
  confDir = join(root.path, "etc/cni/net.d");
});
afterEach(() => root.remove());

const install = (...args: string[]) => execCli(["install", "--bin-dir", binDir, ...args]);
const installed = () => join(binDir, "ippool");
/** What `install` must copy: the file IPPOOL names (the e2e suites may reach it through a link). */
const sourceBytes = () => readFileSync(realpathSync(IPPOOL));

/** Execs a copy with CNI_COMMAND=VERSION: a half-written or busy file fails here. */
const version = (file: string) =>
  runProcess(file, [], { env: { PATH: process.env.PATH ?? "", CNI_COMMAND: "VERSION" } });

describe("ippool install", () => {
  it("copies the running executable into --bin-dir, and a second run changes nothing and says so", async () => {
    const first = await install();
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`${installed()} installed\n`);
    expect(readFileSync(installed()).equals(sourceBytes())).toBe(true);
    expect(statSync(installed()).mode & 0o777).toBe(0o755);
    expect(JSON.parse((await version(installed())).stdout).supportedVersions).toContain("1.1.0");

    const before = statSync(installed());
    const second = await install();
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`${installed()} unchanged (already up to date)\n`);
    const after = statSync(installed());
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    // No temp file is left beside it.
    expect(readdirSync(binDir)).toEqual(["ippool"]);
  });

  it("replaces an older binary while another process execs it in a loop: every exec runs the old or the new, never ETXTBSY or a half file", async () => {
    expect((await install()).code).toBe(0);
    const older = join(root.path, "older");
    // An older ippool of the same kind: for a script the kernel hands the interpreter the path, and
    // the interpreter opens it again, so old and new must both be Node scripts (then node reads one
    // whole file or the other); an ELF is exec'd from the inode the kernel opened, so /bin/echo will do.
    const elf = sourceBytes().subarray(0, 4).toString("latin1") === "\x7fELF";
    const olderBytes = elf ? readFileSync("/bin/echo") : Buffer.from('#!/usr/bin/env node\nconsole.log("old")\n');
    const olderOutput = elf ? "\n" : "old\n";
    let stop = false;
    const outcomes = { old: 0, new: 0 };
    const failures: string[] = [];
    const loop = (async () => {
      while (!stop) {
        try {
          const result = await version(installed());
          if (result.code === 0 && result.stdout === olderOutput) outcomes.old++;
          else if (result.code === 0 && result.stdout.includes('"supportedVersions"')) outcomes.new++;
          else failures.push(`exit ${result.code} signal ${result.signal}: ${result.stdout}${result.stderr}`);
        } catch (error) {
          failures.push(String(error));
        }
      }
    })();
    for (let round = 0; round < 4; round++) {
      // An older ippool put in place atomically, as a previous install would have.
      writeFileSync(older, olderBytes, { mode: 0o755 });
      renameSync(older, installed());
      await new Promise((resolve) => setTimeout(resolve, 100));
      const result = await install();
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(`${installed()} replaced\n`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    stop = true;
    await loop;
    expect(failures).toEqual([]);
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
    expect(readFileSync(installed()).equals(sourceBytes())).toBe(true);
  });

  it("generates a bridge conflist from --network and --pool that the installed copy accepts for ADD and DEL", async () => {
    const dataDir = join(root.path, "var/lib/cni/ippool");
    const result = await install(
      "--conf-dir",
      confDir,
      "--network",
      "pods",
      "--pool",
      "10.22.0.0/24,fd00:22::/64",
      "--data-dir",
      dataDir,
    );
    expect(result.code, result.stderr).toBe(0);
    const confFile = join(confDir, "10-pods.conflist");
    expect(result.stdout).toBe(`${installed()} installed\n${confFile} installed\n`);
    const conflist = JSON.parse(readFileSync(confFile, "utf8"));
    expect(conflist).toMatchObject({
      name: "pods",
      plugins: [{ type: "bridge", isGateway: true, ipam: { type: "ippool", dataDir } }],
    });

    // Fed as libcni feeds the ipam plugin: the plugin's object with the list's name and version.
    const stdin = JSON.stringify({ ...conflist.plugins[0], name: conflist.name, cniVersion: conflist.cniVersion });
    const env = {
      PATH: process.env.PATH ?? "",
      CNI_CONTAINERID: "ctr-install",
      CNI_NETNS: "/var/run/netns/x",
      CNI_IFNAME: "eth0",
      CNI_PATH: binDir,
    };
    const add = await runProcess(installed(), [], { env: { ...env, CNI_COMMAND: "ADD" }, stdin });
    expect(add.code, add.stdout + add.stderr).toBe(0);
    expect(JSON.parse(add.stdout).ips.map((ip: { address: string }) => ip.address)).toEqual([
      "10.22.0.2/24",
      "fd00:22::2/64",
    ]);
    expect((await runProcess(installed(), [], { env: { ...env, CNI_COMMAND: "DEL" }, stdin })).code).toBe(0);

    const again = await install(
      "--conf-dir",
      confDir,
      "--network",
      "pods",
      "--pool",
      "10.22.0.0/24,fd00:22::/64",
      "--data-dir",
      dataDir,
    );
    expect(again.stdout).toBe(
      `${installed()} unchanged (already up to date)\n${confFile} unchanged (already up to date)\n`,
    );
  });

  it("generates a ptp conflist with --plugin ptp", async () => {
    expect(
      (await install("--conf-dir", confDir, "--network", "routed", "--pool", "10.30.0.0/24", "--plugin", "ptp")).code,
    ).toBe(0);
    const conflist = JSON.parse(readFileSync(join(confDir, "10-routed.conflist"), "utf8"));
    expect(conflist.plugins).toEqual([
      {
        type: "ptp",
        ipMasq: true,
        ipam: {
          type: "ippool",
          ipPools: [{ apiVersion: "v1", kind: "ipPool", metadata: { cidr: "10.30.0.0/24" } }],
          routes: [{ dst: "0.0.0.0/0" }],
        },
      },
    ]);
  });

  it("copies --conflist FILE byte for byte under its own name", async () => {
    const source = join(REPO_ROOT, "netconf-examples/ptp.conflist");
    const result = await install("--conf-dir", confDir, "--conflist", source);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(confDir, "ptp.conflist")).equals(readFileSync(source))).toBe(true);
    expect(statSync(join(confDir, "ptp.conflist")).mode & 0o777).toBe(0o644);
  });

  it.each([
    ["not JSON", "{", "is not JSON"],
    ["not a conflist", JSON.stringify({ cniVersion: "1.0.0", name: "n", type: "bridge" }), "is not a conflist"],
    [
      "no ippool plugin",
      JSON.stringify({ cniVersion: "1.0.0", name: "n", plugins: [{ type: "bridge", ipam: { type: "host-local" } }] }),
      'no plugin with "ipam": {"type": "ippool"',
    ],
    [
      "an ipam field ippool does not know",
      JSON.stringify({
        cniVersion: "1.0.0",
        name: "n",
        plugins: [{ type: "bridge", ipam: { type: "ippool", pool: "10.0.0.0/8" } }],
      }),
      "plugins[0]",
    ],
    [
      "a bad pool",
      JSON.stringify({
        cniVersion: "1.0.0",
        name: "n",
        plugins: [
          {
            type: "bridge",
            ipam: {
              type: "ippool",
              ipPools: [{ apiVersion: "v1", kind: "ipPool", metadata: { cidr: "10.0.0.0/33" } }],
            },
          },
        ],
      }),
      "ipam.ipPools[0]",
    ],
  ])("refuses a --conflist that is %s, exits 1 and writes nothing", async (_case, text, message) => {
    const file = join(root.path, "bad.conflist");
    writeFileSync(file, text);
    const result = await install("--conf-dir", confDir, "--conflist", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect([existsSync(binDir), existsSync(confDir)]).toEqual([false, false]);
  });

  it.each([
    [["--plugin", "macvlan", "--network", "n", "--pool", "10.1.0.0/24"], "--plugin must be one of bridge, ptp"],
    [["--network", "n"], "--network needs --pool"],
    [["--pool", "10.1.0.0/24"], "--pool and --plugin need --network"],
    [["--network", "n", "--pool", "10.1.0.0/33"], "is not a CIDR"],
    [["--network", "n", "--pool", "10.1.0.0/24", "--conflist", "x.conflist"], "give one or the other"],
    [["--conf-dir", "/tmp/x"], "--conf-dir needs --conflist"],
    [["extra"], "unexpected argument 'extra'"],
    [["--bin"], "unknown flag --bin"],
  ])("ippool install %j exits 2 and writes nothing", async (args, message) => {
    const result = await install(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("ippool install --help");
    expect([existsSync(binDir), existsSync(confDir)]).toEqual([false, false]);
  });
});
