// Which block a node claims: the pool's first block first, then an order drawn from the node's name that reaches every block.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiskStore } from "../../src/store/disk/disk-store.js";
import { findBlockToClaim } from "../../src/ipam/block-search.js";
import { blockClaimKey, blockKey, poolWithBlocksKey } from "../../src/ipam/store-documents.js";
import { parsePoolDocument } from "../../src/pool/resource.js";
import { poolDoc, tempDir } from "../helpers/ippool.js";

const poolOf = (cidr: string) => parsePoolDocument(poolDoc(cidr), "test pool").pool;

describe("findBlockToClaim", () => {
  let dir: { path: string; remove(): void };
  let store: DiskStore;
  beforeEach(() => {
    dir = tempDir("ippool-block-search-");
    store = new DiskStore(dir.path, 5000);
  });
  afterEach(() => dir.remove());

  /** Blocks of `pool` claimed by someone else, as a claim leaves them. */
  const claim = (poolId: string, blocks: readonly bigint[]) =>
    store.update(async (txn) => {
      txn.put(poolWithBlocksKey(poolId), { pool: poolId });
      for (const block of blocks) {
        txn.put(blockKey(poolId, block), { pool: poolId, node: "other", seq: 1, bitmap: "", owners: {} });
        txn.put(blockClaimKey(poolId, block), { pool: poolId, node: "other" });
      }
    });

  it("takes the pool's first block when the pool has none yet", async () => {
    const pool = poolOf("10.0.0.0/12");
    expect(await store.read((txn) => findBlockToClaim(txn, "node-a", pool, []))).toBe(0n);
  });

  it("gives a node that has blocks the one after its last, when free", async () => {
    const pool = poolOf("10.0.0.0/12");
    await claim(pool.id, [0n, 6n]);
    expect(await store.read((txn) => findBlockToClaim(txn, "node-a", pool, [0n, 4n]))).toBe(5n);
    const elsewhere = await store.read((txn) => findBlockToClaim(txn, "node-a", pool, [5n]));
    expect([0n, 6n]).not.toContain(elsewhere);
  });

  it("sends nodes claiming in a pool with blocks to different blocks", async () => {
    const pool = poolOf("10.0.0.0/12");
    await claim(pool.id, [0n]);
    const firsts = await store.read(async (txn) => {
      const blocks: bigint[] = [];
      for (let index = 0; index < 200; index++) blocks.push((await findBlockToClaim(txn, `node-${index}`, pool, []))!);
      return blocks;
    });
    // 200 names over 65,536 blocks: a collision or two at most, and a node asks for the same block each time.
    expect(new Set(firsts).size).toBeGreaterThanOrEqual(198);
    expect(await store.read((txn) => findBlockToClaim(txn, "node-7", pool, []))).toBe(firsts[7]);
  });

  it("finds the one block left unclaimed, or none when all are taken", async () => {
    const pool = poolOf("10.0.0.0/20");
    const all = Array.from({ length: 64 }, (_, index) => BigInt(index));
    await claim(
      pool.id,
      all.filter((block) => block !== 41n),
    );
    expect(await store.read((txn) => findBlockToClaim(txn, "node-a", pool, []))).toBe(41n);
    await claim(pool.id, [41n]);
    expect(await store.read((txn) => findBlockToClaim(txn, "node-a", pool, []))).toBeUndefined();
  });

  it.each([0n, 1n, 2n, 3n])(
    "finds block %s, the one left of a four-block pool, for a node with blocks or without",
    async (free) => {
      const pool = poolOf("10.0.0.0/24");
      await claim(
        pool.id,
        [0n, 1n, 2n, 3n].filter((block) => block !== free),
      );
      for (const own of [[], [0n], [2n]])
        expect(await store.read((txn) => findBlockToClaim(txn, "node-a", pool, own))).toBe(free);
    },
  );

  it("does not take a block whose claim outlived its document (lost, not freed)", async () => {
    const pool = poolOf("10.0.0.0/30");
    await store.update(async (txn) => {
      txn.put(poolWithBlocksKey(pool.id), { pool: pool.id });
      txn.put(blockClaimKey(pool.id, 0n), { pool: pool.id, node: "other" });
    });
    expect(await store.read((txn) => findBlockToClaim(txn, "node-a", pool, []))).toBeUndefined();
  });
});
