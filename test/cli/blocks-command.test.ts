// blocks and blocks release after real plugin ADDs on several nodes, and the global --nodename flag.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { execPlugin, netconf, poolDoc } from "../helpers/ippool.js";
import { expectEmptiedStore, fails, ok, useCliDir } from "./support.js";
import { onEtcd, storeNameFor } from "../helpers/datastore.js";

const dir = useCliDir();
const conf = () =>
  netconf("1.1.0", { dataDir: dir.path, ipPools: [poolDoc("10.32.0.0/24"), poolDoc("fd00:32::/120")] });
const rowsOf = (table: string): string[][] =>
  table
    .trim()
    .split("\n")
    .map((line) => line.split(/\s{2,}/));

async function addOn(node: string, containerId: string): Promise<void> {
  const result = await execPlugin({ command: "ADD", containerId, env: { NODENAME: node } }, conf());
  expect(result.code, result.stdout).toBe(0);
}
const delOn = async (node: string, containerId: string) =>
  expect((await execPlugin({ command: "DEL", containerId, env: { NODENAME: node } }, conf())).code).toBe(0);

describe("ippool blocks", () => {
  it("lists every claimed block with its pool, affine node and counts, as a table and as JSON", async () => {
    await addOn("node-a", "a1");
    await addOn("node-a", "a2");
    await addOn("node-b", "b1");
    expect(rowsOf(ok(await dir.cli(["blocks"])))).toEqual([
      ["CIDR", "POOL", "NODE", "USED", "FREE"],
      ["10.32.0.0/26", "10.32.0.0/24", "node-a", "2", "60"],
      ["10.32.0.64/26", "10.32.0.0/24", "node-b", "1", "63"],
      ["fd00:32::/122", "fd00:32::/120", "node-a", "2", "60"],
      ["fd00:32::40/122", "fd00:32::/120", "node-b", "1", "63"],
    ]);
    expect(JSON.parse(ok(await dir.cli(["blocks", "-o", "json"])))[1]).toEqual({
      cidr: "10.32.0.64/26",
      pool: "10.32.0.0/24",
      node: "node-b",
      used: 1,
      free: 63,
    });
    // usage sums the blocks: 3 of the pool's 253.
    expect(JSON.parse(ok(await dir.cli(["usage", "-o", "json"])))[0]).toMatchObject({
      pool: "10.32.0.0/24",
      used: 3,
      free: 250,
    });
  });

  it("release --empty hands back only the node's empty blocks, and another node may then claim them", async () => {
    await addOn("node-a", "a1");
    await addOn("node-b", "b1");
    await delOn("node-b", "b1");
    fails(
      await dir.cli(["blocks", "release", "--empty", "--nodename", "node-a"]),
      "node node-a has no empty block to release",
    );
    expect(ok(await dir.cli(["blocks", "release", "--empty", "--nodename", "node-b"]))).toBe(
      `released block 10.32.0.64/26 of node node-b\nreleased block fd00:32::40/122 of node node-b\nreleased 2 empty block(s) of node node-b in ${storeNameFor(dir.path)}\n`,
    );
    expect(rowsOf(ok(await dir.cli(["blocks"]))).map((row) => row[2])).toEqual(["NODE", "node-a", "node-a"]);
    await addOn("node-c", "c1");
    expect(rowsOf(ok(await dir.cli(["blocks"]))).map((row) => `${row[0]} ${row[2]}`)).toContain("10.32.0.64/26 node-c");
  });

  it("release --all-empty forgets a gone node that holds nothing, and needs the node named", async () => {
    await addOn("node-gone", "g1");
    await delOn("node-gone", "g1");
    fails(await dir.cli(["blocks", "release", "--all-empty"]), "--all-empty needs --nodename NODE");
    ok(await dir.cli(["blocks", "release", "--all-empty", "--nodename", "node-gone"]));
    expectEmptiedStore(await dir.cli(["blocks"]), "CIDR  POOL  NODE  USED  FREE\n");
    expect(existsSync(join(dir.path, "node-state", "node-gone", "10.32.0.0_24.json"))).toBe(false);
    if (!onEtcd()) expect((await dir.cli(["verify"])).code).toBe(0);
  });

  it("release --all-empty for a node the store does not know says so (exit 1)", async () => {
    await addOn("node-a", "a1");
    const result = await dir.cli(["blocks", "release", "--all-empty", "--nodename", "ghost"]);
    fails(result, `node ghost has no block and no state in ${storeNameFor(dir.path)} (nodes that do: node-a)`);
    expect(result.code).toBe(1);
  });

  it.each([
    [["blocks", "release"], "needs --empty or --all-empty"],
    [["blocks", "--empty"], "--empty and --all-empty go with 'ippool blocks release'"],
    [["blocks", "grow"], "unknown action 'grow'"],
    [["blocks", "--nodename", "../etc"], '--nodename "../etc" is not a node name'],
    [["blocks", "--nodename", "Node-A"], '--nodename "Node-A" is not a node name: a node name is lower-case letters'],
  ])("%j is a usage error", async (args, message) => {
    const result = await dir.cli(args);
    expect(result.code).toBe(2);
    fails(result, message);
  });
});

describe("--nodename", () => {
  it("is accepted by every command and narrows reclaim to that node's attachments", async () => {
    await addOn("node-a", "a1");
    await addOn("node-b", "b1");
    ok(await dir.cli(["get", "pools", "--nodename", "node-a"]));
    const out = ok(await dir.cli(["reclaim", "--network", "testnet", "--live", "-", "--nodename", "node-a"], "[]"));
    expect(out).toMatch(/released 10\.32\.0\.2, fd00:32::2 of testnet\/a1:eth0/);
    expect(out).toMatch(
      /reclaimed 1 attachment\(s\) \(2 address\(es\)\) of network testnet in [^;]+; 0 live attachment\(s\) kept/,
    );
    const left = JSON.parse(ok(await dir.cli(["allocations", "-o", "json"])));
    expect(left.map((doc: { containerId: string; node: string }) => `${doc.containerId}@${doc.node}`)).toEqual([
      "b1@node-b",
    ]);
  });
});
