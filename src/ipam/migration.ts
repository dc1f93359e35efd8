// Merging one node's store into a shared one: what to copy, which blocks to re-home, and what to refuse.
import * as z from "zod/mini";
import { CniError, ErrorCode } from "../errors.js";
import { addressAt } from "../alloc/address.js";
import { bitmapFromHex, bitmapToHex, setBits } from "../alloc/bitmap.js";
import { poolLayout } from "../alloc/pool-layout.js";
import type { StoreReader, StoreTxn } from "../store/store.js";
import {
  BLOCK_CLAIM_PREFIX,
  BLOCK_PREFIX,
  NODE_STATE_PREFIX,
  blockKey,
  blockSchema,
  nodeStateKey,
  nodeStateSchema,
  poolCidr,
  poolIdFromSegment,
  type BlockDoc,
} from "./store-documents.js";
import { readNodeState, takenBits } from "./block-state.js";

/** A block of the source that the target holds already (another node claimed the same range there). */
export interface Rehome {
  readonly poolId: string;
  readonly block: bigint;
  /** The source's copy: its held addresses join the target's block as borrowed ones. */
  readonly source: BlockDoc;
}

export interface MigrationPlan {
  /** Keys to write as they are (node states already without the re-homed blocks). */
  readonly copies: Map<string, unknown>;
  readonly rehomes: Rehome[];
  /** Keys the target holds with the same document already. */
  readonly alreadyThere: number;
}

const blockOf = (key: string): { poolId: string; block: bigint } | undefined => {
  const parts = key.split("/");
  const kind = `${parts[0]}/`;
  if (parts.length !== 3 || (kind !== BLOCK_PREFIX && kind !== BLOCK_CLAIM_PREFIX)) return undefined;
  return { poolId: poolIdFromSegment(parts[1]!), block: BigInt(`0x${parts[2]}`) };
};

/**
 * A node's blocks are its own, so they are migrated as that node's; but every disk store claims
 * its pool's first blocks, so the target may hold one of them for another node. Such a block
 * keeps its node there, and the source's held addresses join it as borrowed ones (as an ADD that
 * borrows would leave them): no address changes. Two nodes holding the same address cannot both
 * keep it, so that is refused, naming both holders; so is any other key the target holds with a
 * different document. All of it is decided before anything is written.
 */
export async function planMigration(
  target: StoreReader,
  docs: ReadonlyMap<string, unknown>,
  where: string,
): Promise<MigrationPlan> {
  const rehomes: Rehome[] = [];
  const rehomed = new Set<string>();
  for (const [key, doc] of docs) {
    const place = blockOf(key);
    if (!place || !key.startsWith(BLOCK_PREFIX)) continue;
    const held = await target.get(key, blockSchema);
    if (held === undefined || canonical(held) === canonical(doc)) continue;
    const source = z.parse(blockSchema, doc);
    assertNoSharedAddress(place.poolId, place.block, held, source, where, "nothing was copied");
    rehomes.push({ ...place, source });
    rehomed.add(`${place.poolId} ${place.block}`);
  }
  const copies = new Map<string, unknown>();
  let alreadyThere = 0;
  for (const [key, original] of docs) {
    const place = blockOf(key);
    if (place && rehomed.has(`${place.poolId} ${place.block}`)) continue;
    const doc = key.startsWith(NODE_STATE_PREFIX) ? withoutRehomed(original, rehomed) : original;
    const existing = await target.get(key, z.unknown());
    if (existing === undefined) copies.set(key, doc);
    else if (canonical(existing) === canonical(doc)) alreadyThere++;
    else throw differentDocument(where, key, "nothing was copied");
  }
  return { copies, rehomes, alreadyThere };
}

/** A source node's state without the blocks another node holds in the target. */
function withoutRehomed(doc: unknown, rehomed: ReadonlySet<string>): unknown {
  const state = z.parse(nodeStateSchema, doc);
  const kept = Object.entries(state.blocks).filter(([hex]) => !rehomed.has(`${state.pool} ${BigInt(`0x${hex}`)}`));
  const blocks = Object.fromEntries(kept);
  return { ...state, blocks };
}

/** Writes a re-homed block: the target's block with the source's allocations added, recorded in its node's state. */
export async function rehomeBlock(txn: StoreTxn, rehome: Rehome, where: string, soFar: string): Promise<void> {
  const key = blockKey(rehome.poolId, rehome.block);
  const held = await txn.get(key, blockSchema);
  if (!held) throw differentDocument(where, key, soFar);
  assertNoSharedAddress(rehome.poolId, rehome.block, held, rehome.source, where, soFar);
  const seq = held.seq + 1;
  const bitmap = bitmapToHex(bitmapFromHex(held.bitmap) | bitmapFromHex(rehome.source.bitmap));
  txn.put(key, { ...held, seq, bitmap, owners: { ...held.owners, ...rehome.source.owners } });
  const state = await readNodeState(txn, held.node, rehome.poolId);
  const blocks = { ...state.blocks, [rehome.block.toString(16)]: seq };
  txn.put(nodeStateKey(held.node, rehome.poolId), { ...state, blocks });
}

function assertNoSharedAddress(
  poolId: string,
  block: bigint,
  held: BlockDoc,
  source: BlockDoc,
  where: string,
  soFar: string,
): void {
  const shared = setBits(takenBits(held) & takenBits(source));
  if (shared.length === 0) return;
  const base = block * poolLayout(poolCidr(poolId)).blockSize;
  const bit = shared[0]!;
  const address = addressAt(poolCidr(poolId), base + BigInt(bit));
  throw new CniError(
    ErrorCode.invalidConfig,
    `${where} already holds ${address} (and ${shared.length - 1} more address(es) of block ` +
      `${blockKey(poolId, block)}) ` +
      `for ${holderOf(held, bit)} on node ${held.node}, and this store holds it for ${holderOf(source, bit)} ` +
      `on node ${source.node}; ${soFar}`,
    "two containers have this address now; release one of them (a DEL, or 'ippool release ADDRESS' " +
      "on the store that holds it) and run the migration again",
  );
}

const holderOf = (doc: BlockDoc, bit: number): string => doc.owners[bit]?.attachment ?? "an unknown holder";

export function differentDocument(where: string, key: string, soFar: string): CniError {
  return new CniError(
    ErrorCode.invalidConfig,
    `${where} already holds a different document at ${key}; ${soFar}`,
    "the two stores disagree: compare them (etcdctl get, 'ippool show'); pool documents must be merged by hand first",
  );
}

/** JSON with object keys sorted, so two stores that wrote fields in another order still compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
