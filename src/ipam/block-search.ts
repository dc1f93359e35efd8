// Finding a block to claim or to borrow from, reading a few candidates instead of every block of the pool.
import * as z from "zod/mini";
import { findFreeInRange, nextFitRanges } from "../alloc/next-fit.js";
import { blockCapacity, poolLayout, type PoolLayout } from "../alloc/pool-layout.js";
import type { Pool } from "../pool/resource.js";
import type { StoreReader } from "../store/store.js";
import {
  POOLS_WITH_BLOCKS_PREFIX,
  blockClaimKey,
  blockClaimPrefix,
  blockKey,
  blockPrefix,
  blockSchema,
  poolWithBlocksKey,
  type BlockDoc,
} from "./store-documents.js";
import { takenBits } from "./block-state.js";

/**
 * Candidate blocks read per round trip, and round trips before a claim lists the pool's blocks
 * instead: below about 90% of a pool claimed, the first round almost always finds one.
 */
const PROBES_PER_ROUND = 8;
const PROBE_ROUNDS = 4;
/** Blocks read per round trip when looking for one to borrow from. */
const BORROW_BATCH = 16;

/** The block index of a key below a pool's prefix: "block/10.22.0.0_16/3f" -> 63. */
const indexBelow = (prefix: string, key: string): bigint => BigInt(`0x${key.slice(prefix.length)}`);

/** FNV-1a, 64 bits: a node name spread over the pool, the same on every call. */
function hash64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, "utf8")) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash;
}

/**
 * The order in which `node` tries a pool's blocks: from a start and with a stride both taken from
 * a hash of its name, so nodes claiming at once try different blocks and rarely race for one.
 * The block count is a power of two and the stride odd, so the order visits every block once.
 */
function probeOrder(node: string, poolId: string, blockCount: bigint): (index: bigint) => bigint {
  const seed = hash64(`${node} ${poolId}`);
  const start = seed % blockCount;
  const stride = ((seed >> 32n) % blockCount) | 1n;
  return (index) => (start + index * stride) % blockCount;
}

/**
 * A block of `pool` that neither exists nor is claimed, for `node` to claim, or undefined when
 * every block is taken. What it reads is unchecked (peek): the claim itself reads the block and
 * its claim with get, so the commit fails if another node took the block meanwhile, and the
 * retry picks the next candidate. A claim thus compares its own block's keys, never the others.
 */
export async function findBlockToClaim(
  txn: StoreReader,
  node: string,
  pool: Pool,
  own: readonly bigint[],
): Promise<bigint | undefined> {
  const layout = poolLayout(pool.cidr);
  // The pool's first claim takes its first block, and a node that has blocks tries the one after
  // its last first: one node's addresses stay together, and only new nodes spread out.
  const last = own.reduce<bigint | undefined>(
    (high, block) => (high !== undefined && high > block ? high : block),
    undefined,
  );
  const empty = !(await txn.list(POOLS_WITH_BLOCKS_PREFIX)).includes(poolWithBlocksKey(pool.id));
  const first = empty ? 0n : last !== undefined ? (last + 1n) % layout.blockCount : undefined;
  const hashed = probeOrder(node, pool.id, layout.blockCount);
  const order = (index: bigint) => (first === undefined ? hashed(index) : index === 0n ? first : hashed(index - 1n));
  for (let round = 0n; round < BigInt(PROBE_ROUNDS); round++) {
    const from = round * BigInt(PROBES_PER_ROUND);
    // A small pool's blocks are all probed by now (the preferred one may have come twice): list them.
    if (from >= layout.blockCount) break;
    const count = Math.min(PROBES_PER_ROUND, Number(layout.blockCount - from));
    const candidates = Array.from({ length: count }, (_, index) => order(from + BigInt(index))).filter(
      (block) => blockCapacity(layout, block) > 0,
    );
    const keys = candidates.flatMap((block) => [blockKey(pool.id, block), blockClaimKey(pool.id, block)]);
    const found = await txn.peek(keys, z.unknown());
    const free = candidates.find((_, index) => found[2 * index] === undefined && found[2 * index + 1] === undefined);
    if (free !== undefined) return free;
  }
  return firstUnclaimedFrom(txn, pool.id, layout, order(0n));
}

/** A pool nearly all claimed: its block and claim keys listed, then the first gap after `start`. */
async function firstUnclaimedFrom(
  txn: StoreReader,
  poolId: string,
  layout: PoolLayout,
  start: bigint,
): Promise<bigint | undefined> {
  const indexes = async (prefix: string) => (await txn.peekList(prefix)).map((key) => indexBelow(prefix, key));
  const taken = new Set([...(await indexes(blockPrefix(poolId))), ...(await indexes(blockClaimPrefix(poolId)))]);
  // Each step past `start` passes a taken block (or one without a usable address, only in tiny pools).
  for (let step = 0n; step < layout.blockCount && step <= BigInt(taken.size) + 3n; step++) {
    const block = (start + step) % layout.blockCount;
    if (!taken.has(block) && blockCapacity(layout, block) > 0) return block;
  }
  return undefined;
}

/**
 * Next-fit over `blocks` from the cursor, reading each only when the walk reaches it (read may
 * fetch ahead); a block that reads as undefined is skipped.
 */
export async function nextFree(
  pool: Pool,
  cursor: bigint | undefined,
  blocks: readonly bigint[],
  read: (block: bigint) => Promise<BlockDoc | undefined>,
): Promise<bigint | undefined> {
  const layout = poolLayout(pool.cidr);
  const bitmaps = new Map<bigint, bigint | undefined>();
  for (const range of nextFitRanges(layout, cursor, blocks)) {
    if (!bitmaps.has(range.block)) {
      const doc = await read(range.block);
      bitmaps.set(range.block, doc && takenBits(doc));
    }
    const bitmap = bitmaps.get(range.block);
    if (bitmap === undefined) continue;
    const offset = findFreeInRange(layout, range, bitmap);
    if (offset !== undefined) return offset;
  }
  return undefined;
}

/**
 * A free address in another node's block of `pool` (non-strict affinity), next-fit from the
 * cursor. The blocks are peeked a batch at a time; the address is then taken through a checked
 * read of its block alone, so borrowing conflicts only with writers of that block.
 */
export async function findBorrowable(
  txn: StoreReader,
  pool: Pool,
  cursor: bigint | undefined,
  own: ReadonlySet<bigint>,
): Promise<bigint | undefined> {
  const prefix = blockPrefix(pool.id);
  const others = (await txn.peekList(prefix)).map((key) => indexBelow(prefix, key)).filter((block) => !own.has(block));
  const order = [...new Set([...nextFitRanges(poolLayout(pool.cidr), cursor, others)].map((range) => range.block))];
  const position = new Map(order.map((block, index) => [block, index]));
  const docs = new Map<bigint, BlockDoc | undefined>();
  return nextFree(pool, cursor, others, async (block) => {
    if (!docs.has(block)) {
      const at = position.get(block)!;
      const batch = order.slice(at, at + BORROW_BATCH);
      const found = await txn.peek(
        batch.map((each) => blockKey(pool.id, each)),
        blockSchema,
      );
      batch.forEach((each, index) => docs.set(each, found[index]));
    }
    return docs.get(block);
  });
}
