// Each kind of bad input gets its CNI error code and a message naming what is wrong, never the catch-all 999.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IPPOOL, netconf } from "../helpers/ippool.js";
import { expectError, inlinePool, run, useDataDir } from "./support.js";
// Cases about the data dir itself (its files, IPPOOL_DATA_DIR) run in the disk pass only.
import { onEtcd } from "../helpers/datastore.js";

const dir = useDataDir();
const good = () => netconf("1.0.0", { dataDir: dir.path, ipPools: [inlinePool("10.95.0.0/24")] });
/** Tables are built before any test runs, so the data dir is filled in when the test calls it. */
const withIpam = (ipam: Record<string, unknown>) => () => netconf("1.0.0", { dataDir: dir.path, ...ipam });

describe("bad input", () => {
  it.each([
    ["bad JSON", "{ not json", 6, "not valid JSON"],
    ["a JSON array", "[]", 6, "must be a JSON object"],
    ["empty stdin", "", 6, "not valid JSON"],
  ])("ADD with %s is code 6", async (_name, stdin, code, message) => {
    expectError(await run("ADD", stdin), code, message);
  });

  it("ADD with more than 4 MiB on stdin is code 6, refused without reading it all", async () => {
    const huge = JSON.stringify({ ...good(), padding: "x".repeat(5 * 1024 * 1024) });
    expectError(await run("ADD", huge), 6, "larger than 4 MiB");
  });

  it.each(["CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME", "CNI_PATH"])(
    "ADD without %s is code 4 naming it",
    async (name) => {
      expectError(await run("ADD", good(), { env: { [name]: undefined } }), 4, name);
    },
  );

  it("an unknown CNI_COMMAND is code 4", async () => {
    expectError(await run("UPDATE", good()), 4, "UPDATE");
  });

  it.each([["2.0.0"], ["0.5.0"]])("cniVersion %s is code 1", async (version) => {
    const result = await run("ADD", { ...good(), cniVersion: version });
    expectError(result, 1, "unsupported cniVersion");
    expect(result.json.details).toContain("0.1.0");
  });

  it.each([
    ["a pool with a bad CIDR", withIpam({ ipPools: [inlinePool("10.95.0/24")] }), 7, "ipam.ipPools[0]: metadata.cidr"],
    [
      "a pool with an unknown field",
      withIpam({ ipPools: [inlinePool("10.95.0.0/24", { nat: true })] }),
      7,
      "unknown field spec.nat",
    ],
    [
      "a pool with a bad ipip mode",
      withIpam({ ipPools: [inlinePool("10.95.0.0/24", { ipip: { mode: "never" } })] }),
      7,
      "spec.ipip.mode",
    ],
    [
      "overlapping inline pools",
      withIpam({ ipPools: [inlinePool("10.95.0.0/24"), inlinePool("10.95.0.128/25")] }),
      7,
      "overlaps",
    ],
    [
      "a route with a bad CIDR",
      withIpam({ ipPools: [inlinePool("10.95.0.0/24")], routes: [{ dst: "default" }] }),
      7,
      "ipam.routes[0].dst",
    ],
    [
      "an unknown ipam field",
      withIpam({ ipPools: [inlinePool("10.95.0.0/24")], subnet: "10.95.0.0/24" }),
      2,
      "unknown field ipam.subnet",
    ],
    ["a bad network name", () => ({ ...good(), name: "my net" }), 7, "network name"],
    ["no ipam section", () => ({ cniVersion: "1.0.0", name: "testnet", type: "bridge" }), 7, "ipam"],
  ])("ADD with %s is rejected with its code", async (_name, conf, code, message) => {
    expectError(await run("ADD", conf()), code, message);
  });

  // Every schema error names the field, the value given and what is accepted (zod/mini alone says "Invalid input").
  it.each([
    ["gateway: first", withIpam({ gateway: "first" }), 'ipam.gateway: expected "first-address" or "none", got "first"'],
    [
      "assign_ipv4: yes",
      withIpam({ assign_ipv4: "yes" }),
      'ipam.assign_ipv4: expected true, false, "true" or "false", got "yes"',
    ],
    [
      "lockWaitSeconds: -1",
      withIpam({ lockWaitSeconds: -1 }),
      "ipam.lockWaitSeconds: expected a number more than 0, got -1",
    ],
    [
      "lockWaitSeconds: 601",
      withIpam({ lockWaitSeconds: 601 }),
      "ipam.lockWaitSeconds: expected a number at most 600, got 601",
    ],
    [
      "datastore type Disk",
      withIpam({ datastore: { type: "Disk" } }),
      'ipam.datastore.type: expected "disk" or "etcd" (got "Disk")',
    ],
    [
      "a pool's nat-outgoing: yes",
      withIpam({ ipPools: [inlinePool("10.95.0.0/24", { "nat-outgoing": "yes" })] }),
      'ipam.ipPools[0]: spec.nat-outgoing: expected true or false, got "yes"',
    ],
    ["no name", () => ({ cniVersion: "1.0.0", type: "bridge", ipam: good().ipam }), "name: missing; expected a string"],
    [
      "dns nameservers as a string",
      withIpam({ dns: { nameservers: "10.0.0.53" } }),
      'ipam.dns.nameservers: expected a list, got "10.0.0.53"',
    ],
  ])("ADD with %s says what was given and what is accepted", async (_name, conf, message) => {
    const result = await run("ADD", conf());
    expectError(result, 7, message);
    expect(result.json.msg).not.toContain("Invalid input");
  });

  it("ADD fed a whole conflist says it got a list of plugins and what to feed instead", async () => {
    const list = { cniVersion: "1.0.0", name: "testnet", plugins: [{ type: "bridge", ipam: good().ipam }] };
    const result = await run("ADD", list);
    expectError(result, 7, "ipam: missing; expected an object");
    expect(result.json.details).toMatch(
      /this is a conflist \(a list of plugins under "plugins"\); a plugin is given one entry of that list/,
    );
  });

  it.each([
    ["an ifname longer than 15 characters", { ifname: "a-very-long-name" }],
    ["an ifname with a slash", { ifname: "eth/0" }],
    ["an ifname '..'", { ifname: ".." }],
    ["a container id starting with a dash", { containerId: "-ctr" }],
    ["a container id with a slash", { containerId: "ctr/../../etc" }],
  ])("ADD with %s is code 4", async (_name, call) => {
    expectError(await run("ADD", good(), call), 4, /CNI_IFNAME|CNI_CONTAINERID/);
  });

  it.each(["ADD", "DEL"])(
    "%s with a container id that would name a path outside the data dir is code 4 and writes nothing",
    async (verb) => {
      expectError(await run(verb, good(), { containerId: "../escape" }), 4, "CNI_CONTAINERID");
      expect(readdirSync(dir.path)).toEqual([]);
    },
  );

  it.skipIf(onEtcd())("reports a damaged state file as code 104 naming the file, and keeps it", async () => {
    expect((await run("ADD", good())).code).toBe(0);
    const path = join(dir.path, "block", "10.95.0.0_24", "0.json");
    writeFileSync(path, readFileSync(path, "utf8").replace('"bitmap"', '"b1tmap"'));
    expectError(await run("ADD", good(), { containerId: "other" }), 104, path);
    expect(readFileSync(path, "utf8")).toContain("b1tmap");
  });
});

describe("hints in errors", () => {
  it("code 103 names this network's store in its hint, which followed in a shell that exports another store works", async () => {
    // A space in the path: the flag must come shell-quoted.
    const dataDir = join(dir.path, "my store");
    const conf = netconf("1.0.0", { dataDir });
    const failed = await run("ADD", conf);
    expectError(failed, 103);
    // The failed ADD created nothing, not even its own data dir.
    expect(existsSync(dataDir)).toBe(false);
    const flags = /'ippool apply -f FILE (.+?)', enable/.exec(failed.json.details)?.[1];
    expect(flags, failed.json.details).toMatch(
      onEtcd() ? /^--etcd-endpoints \S+ --etcd-prefix '.*my store'$/ : /^--data-dir '.*my store'$/,
    );
    const pools = join(dir.path, "pools.yaml");
    writeFileSync(pools, JSON.stringify(inlinePool("10.96.0.0/24")));
    const env = { PATH: process.env.PATH ?? "", ETCD_ENDPOINTS: "http://127.0.0.1:1" };
    execFileSync("sh", ["-c", `"$0" apply -f "$1" ${flags}`, IPPOOL, pools], { env });
    expect((await run("ADD", conf)).code).toBe(0);
  });
});
