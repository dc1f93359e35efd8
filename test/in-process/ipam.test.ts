// The allocator on the in-memory store: verify's findings, rebuild's repairs and refusals, borrowing, tunnels.
import { toCniError } from "../../src/error-mapping.js";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { parsePoolDocument } from "../../src/pool/resource.js";
import { chooseAddress } from "../../src/ipam/assign.js";
import { rebuildBlock } from "../../src/ipam/rebuild.js";
import { ensureTunnelAddress, releaseTunnelAddress } from "../../src/ipam/tunnel-address.js";
import { verifyStore } from "../../src/ipam/verify.js";
import type { StoreTxn } from "../../src/store/store.js";
import { MemoryStore, type MemoryDatastore } from "../../src/store/memory/memory-store.js";
import { NETWORK, memoryCluster, netconf, ok, poolDoc, yamlDocs, type Cluster } from "./support.js";

const POOL = "10.1.0.0/24";
const BLOCK = "block/10.1.0.0_24/0";
const CLAIM = "block-claim/10.1.0.0_24/0";
const STATE = "node-state/node-a/10.1.0.0_24";
const CTR1 = `attachment/${NETWORK}/ctr-1:eth0`;
const CTR2 = `attachment/${NETWORK}/ctr-2:eth0`;

/** The stored pool 10.1.0.0/24 and two containers of node-a holding 10.1.0.2 (bit 2) and 10.1.0.3 (bit 3). */
async function healthy(): Promise<Cluster> {
  const cluster = memoryCluster();
  ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc(POOL)) }));
  await cluster.add("ctr-1");
  await cluster.add("ctr-2");
  return cluster;
}

const update = <T>(datastore: MemoryDatastore, work: (txn: StoreTxn) => Promise<T>) =>
  new MemoryStore(datastore).update(work);

/** Changes the stored document at `key` as `change` says (a shallow merge). */
const edit = (key: string, change: (doc: any) => object) => async (txn: StoreTxn) =>
  txn.put(key, { ...change(await txn.get(key, z.any())) });

/** A block of 10.1.0.0/16 (overlapping the stored pool) holding 10.1.0.2 as well. */
const otherPoolBlock = {
  pool: "10.1.0.0/16",
  node: "node-a",
  seq: 1,
  bitmap: "4",
  owners: { 2: { attachment: `${NETWORK}/ctr-1:eth0`, handle: "h" } },
};

const problemsOf = async (datastore: MemoryDatastore) =>
  new MemoryStore(datastore).read(async (txn) => (await verifyStore(txn, await txn.listAll(""))).problems);

describe("verifyStore", () => {
  it("finds nothing wrong in a store the plugin and the CLI wrote", async () => {
    expect(await problemsOf((await healthy()).datastore)).toEqual([]);
  });

  it.each<[string, (txn: StoreTxn) => Promise<void> | void, string, RegExp]>([
    [
      "a taken bit with no owner",
      edit(BLOCK, (doc) => ({ ...doc, bitmap: "1c" })),
      BLOCK,
      /10\.1\.0\.4 is taken but no owner/,
    ],
    [
      "an owner of a free bit",
      edit(BLOCK, (doc) => ({ ...doc, bitmap: "4" })),
      BLOCK,
      /owner .*ctr-2.* bit 3 .* which is free/,
    ],
    [
      "a reserved address taken",
      edit(BLOCK, (doc) => ({ ...doc, bitmap: "e", owners: { ...doc.owners, 1: { attachment: "x", handle: "h" } } })),
      BLOCK,
      /gateway/,
    ],
    [
      "a block naming another pool",
      edit(BLOCK, (doc) => ({ ...doc, pool: "10.2.0.0/24" })),
      BLOCK,
      /names pool 10\.2\.0\.0\/24/,
    ],
    [
      "a block outside its pool",
      (txn) => txn.put("block/10.1.0.0_24/9", { pool: POOL, node: "node-a", seq: 1, bitmap: "", owners: {} }),
      "block/10.1.0.0_24/9",
      /not a block of pool/,
    ],
    ["a block its node does not list", edit(STATE, (doc) => ({ ...doc, blocks: {} })), BLOCK, /does not list it/],
    [
      "a block older than its node's record",
      edit(STATE, (doc) => ({ ...doc, blocks: { 0: 99 } })),
      BLOCK,
      /older than node node-a's record/,
    ],
    [
      "a node record behind its block",
      edit(BLOCK, (doc) => ({ ...doc, seq: 99 })),
      STATE,
      /records write .* at write 99/,
    ],
    [
      "a block whose claim is missing",
      (txn) => txn.delete(CLAIM),
      CLAIM,
      /block 0 is affine to node node-a but its claim is not recorded/,
    ],
    [
      "a claim naming another node",
      edit(CLAIM, (doc) => ({ ...doc, node: "node-b" })),
      CLAIM,
      /claimed by node node-b/,
    ],
    [
      "a claim of another pool",
      edit(CLAIM, (doc) => ({ ...doc, pool: "10.9.0.0/24" })),
      CLAIM,
      /names pool 10\.9\.0\.0\/24/,
    ],
    ["a lost block", (txn) => txn.delete(BLOCK), STATE, /whose file .* is missing/],
    ["a node state of another node", edit(STATE, (doc) => ({ ...doc, node: "node-z" })), STATE, /names node node-z/],
    [
      "a node state of another pool",
      edit(STATE, (doc) => ({ ...doc, pool: "10.9.0.0/24" })),
      STATE,
      /names pool 10\.9\.0\.0\/24/,
    ],
    ["a cursor outside the pool", edit(STATE, (doc) => ({ ...doc, cursor: "999" })), STATE, /cursor 999 lies outside/],
    [
      "a node listing a block beyond the pool",
      edit(STATE, (doc) => ({ ...doc, blocks: { ...doc.blocks, 9: 1 } })),
      STATE,
      /lists block 9, which is not a block/,
    ],
    ["a leaked address", (txn) => txn.delete(CTR1), CTR1, /no attachment record \(a leaked address\)/],
    [
      "a record whose address lies outside its pool",
      edit(CTR1, (doc) => ({ ...doc, addresses: [{ pool: POOL, address: "10.2.0.2" }] })),
      CTR1,
      /outside its pool/,
    ],
    [
      "a record of an address that is free",
      edit(CTR1, (doc) => ({ ...doc, addresses: [{ pool: POOL, address: "10.1.0.9" }] })),
      CTR1,
      /shows it free/,
    ],
    ["a record of another allocation", edit(CTR1, (doc) => ({ ...doc, handle: "other" })), CTR1, /as allocation other/],
    [
      "a record stored under another name",
      edit(CTR1, (doc) => ({ ...doc, ifname: "eth1" })),
      CTR1,
      /names attachment .*eth1 but is stored/,
    ],
    [
      "a record that is not an address",
      edit(CTR1, (doc) => ({ ...doc, addresses: [{ pool: "x", address: "y" }] })),
      CTR1,
      /not an address in a pool CIDR/,
    ],
    [
      "an address held twice",
      edit(CTR2, (doc) => ({ ...doc, addresses: [...doc.addresses, { pool: POOL, address: "10.1.0.2" }] })),
      CTR1,
      /held more than once/,
    ],
    ["a damaged document", (txn) => txn.put(CTR2, { broken: true }), CTR2, /damaged/],
    ["a key ippool never writes", (txn) => txn.put("stray/thing", {}), "stray/thing", /not written by ippool/],
    [
      "a key that names no pool",
      (txn) => txn.put("node-state/node-a/nonsense", { pool: "x", node: "node-a", blocks: {} }),
      "node-state/node-a/nonsense",
      /does not name a pool CIDR/,
    ],
    [
      "overlapping stored pools",
      edit("pools", (doc) => ({ pools: [...doc.pools, poolDoc("10.1.0.0/16")] })),
      "pools",
      /overlap/,
    ],
    [
      "an address taken in two overlapping pools",
      (txn) => txn.put("block/10.1.0.0_16/0", otherPoolBlock),
      "block/",
      /10\.1\.0\.2 is taken in more than one pool/,
    ],
    [
      "overlapping pools that both hold addresses",
      (txn) => txn.put("block/10.1.0.0_16/0", otherPoolBlock),
      "block/10.1.0.0_16/",
      /overlap and both hold/,
    ],
    [
      "an invalid stored pool",
      edit("pools", (doc) => ({ pools: [...doc.pools, { ...poolDoc("10.3.0.0/16"), kind: "other" }] })),
      "pools",
      /kind/,
    ],
  ])("reports %s under its key", async (_what, damage, key, message) => {
    const cluster = await healthy();
    await update(cluster.datastore, async (txn) => damage(txn));
    const problems = await problemsOf(cluster.datastore);
    expect(problems).toContainEqual({ key, message: expect.stringMatching(message) });
  });
});

describe("rebuildBlock", () => {
  const rebuild = (cluster: Cluster) => update(cluster.datastore, (txn) => rebuildBlock(txn, POOL, 0n));

  it("brings back a restored block's bits from the records and keeps an owner that has no record", async () => {
    const cluster = await healthy();
    const gone = { attachment: `${NETWORK}/gone:eth0`, handle: "h" };
    await update(
      cluster.datastore,
      edit(BLOCK, (doc) => ({ ...doc, seq: 1, bitmap: "24", owners: { 2: doc.owners[2], 5: gone } })),
    );
    expect(await rebuild(cluster)).toEqual({ cidr: "10.1.0.0/26", node: "node-a", held: 2, keptUnknown: 1 });
    const problems = await problemsOf(cluster.datastore);
    expect(problems).toEqual([{ key: `attachment/${NETWORK}/gone:eth0`, message: expect.stringMatching(/leaked/) }]);
  });

  it("puts back a lost block's claim too", async () => {
    const cluster = await healthy();
    await update(cluster.datastore, async (txn) => {
      txn.delete(BLOCK);
      txn.delete(CLAIM);
    });
    expect((await rebuild(cluster)).held).toBe(2);
    expect(await problemsOf(cluster.datastore)).toEqual([]);
  });

  it.each<[string, (txn: StoreTxn) => Promise<void> | void, RegExp]>([
    [
      "several nodes list the block",
      (txn) => txn.put("node-state/node-b/10.1.0.0_24", { pool: POOL, node: "node-b", blocks: { 0: 1 } }),
      /claimed by several nodes/,
    ],
    [
      "two records hold one address",
      edit(CTR2, (doc) => ({ ...doc, addresses: [{ pool: POOL, address: "10.1.0.2" }] })),
      /held by both/,
    ],
  ])("refuses when %s", async (_what, damage, message) => {
    const cluster = await healthy();
    await update(cluster.datastore, async (txn) => damage(txn));
    const refusal = toCniError(await rebuild(cluster).catch((error: unknown) => error));
    expect(refusal).toMatchObject({ code: 104, message: expect.stringMatching(message) });
  });
});

describe("chooseAddress", () => {
  it("borrows from another node's block only when no block is left to claim", async () => {
    const cluster = memoryCluster();
    const conf = netconf({ ipPools: [poolDoc("10.1.0.0/26")] });
    expect(await cluster.add("a-1", conf, "node-a")).toEqual(["10.1.0.2"]);
    const pool = parsePoolDocument(poolDoc("10.1.0.0/26"), "test").pool;
    const choice = await new MemoryStore(cluster.datastore).read((txn) =>
      chooseAddress(txn, "node-b", { family: 4, candidates: [pool] }),
    );
    expect(choice).toMatchObject({ how: "borrow", offset: 3n });
    expect(await cluster.add("b-1", conf, "node-b")).toEqual(["10.1.0.3"]);
  });

  it("refuses a pool overlapping another that holds addresses, and a requested address in a lost block", async () => {
    const inline = memoryCluster();
    await inline.add("a-1", netconf({ ipPools: [poolDoc(POOL)] }));
    const wider = { ...netconf({ ipPools: [poolDoc("10.1.0.0/16")] }), name: "othernet" };
    const overlapping = await inline.plugin({ command: "ADD", containerId: "x" }, wider);
    expect(overlapping.json).toMatchObject({
      code: 7,
      msg: expect.stringMatching(/overlaps pool 10\.1\.0\.0\/24, which still holds 1/),
    });
    const cluster = await healthy();
    await update(cluster.datastore, async (txn) => txn.delete(BLOCK));
    const lost = await cluster.plugin({ command: "ADD", containerId: "y", args: "IP=10.1.0.9" }, netconf());
    expect(lost.json).toMatchObject({ code: 104, msg: expect.stringMatching(/10\.1\.0\.0_24\/0/) });
  });
});

describe("ensureTunnelAddress", () => {
  it("takes one address per node, keeps it while its pool tunnels, moves it with the pool, gives it back", async () => {
    const cluster = memoryCluster();
    const [first, second] = ["10.1.0.0/24", "10.2.0.0/24"].map((cidr) => parsePoolDocument(poolDoc(cidr), "test").pool);
    const ensure = (pools: (typeof first)[]) =>
      update(cluster.datastore, (txn) => ensureTunnelAddress(txn, "node-a", pools, new Date()));
    expect(await ensure([first!])).toEqual({ pool: "10.1.0.0/24", address: "10.1.0.2", allocated: true });
    expect(await ensure([first!, second!])).toMatchObject({ address: "10.1.0.2", allocated: false });
    expect(await ensure([second!])).toEqual({ pool: "10.2.0.0/24", address: "10.2.0.2", allocated: true });
    expect(ok(await cluster.cli(["allocations"]))).toMatch(/10\.2\.0\.2\s+_ippool-tunnel\s+node-a\s+tunl0/);
    expect((await update(cluster.datastore, (txn) => releaseTunnelAddress(txn, "node-a")))?.addresses).toEqual([
      { pool: "10.2.0.0/24", address: "10.2.0.2" },
    ]);
    expect(await update(cluster.datastore, (txn) => releaseTunnelAddress(txn, "node-a"))).toBeUndefined();
    expect(await problemsOf(cluster.datastore)).toEqual([]);
  });
});
