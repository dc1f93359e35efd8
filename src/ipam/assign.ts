// ADD's allocation: one new address per family, chosen by block affinity (own blocks, then a new block, then borrowing).
import { CniError, ErrorCode } from "../errors.js";
import { addressAt, cidrContains, cidrsOverlap, formatAddress, type Family } from "../alloc/address.js";
import { isBitSet } from "../alloc/bitmap.js";
import { findFreeInRange } from "../alloc/next-fit.js";
import { poolLayout, reservedRole, usableCount } from "../alloc/pool-layout.js";
import type { Pool } from "../pool/resource.js";
import type { StoreReader, StoreTxn } from "../store/store.js";
import {
  LEGACY_CLAIMS_PREFIX,
  POOLS_KEY,
  POOLS_WITH_BLOCKS_PREFIX,
  attachmentId,
  attachmentKey,
  nodeStatePrefix,
  poolCidr,
  poolIdFromSegment,
  type AttachmentDoc,
} from "./store-documents.js";
import {
  locate,
  lostBlock,
  moveCursor,
  readBlock,
  readBlockClaim,
  readListedBlock,
  readNodeState,
  takeOffset,
  takenBits,
} from "./block-state.js";
import { usedInPool } from "./blocks.js";
import { findBlockToClaim, findBorrowable, nextFree } from "./block-search.js";

export interface FamilyRequest {
  readonly family: Family;
  /** Pools to try, in order. */
  readonly candidates: readonly Pool[];
  /** A specific address asked for (runtimeConfig.ips, args, CNI_ARGS IP=). */
  readonly requested?: bigint;
}

export interface AssignRequest {
  readonly network: string;
  readonly containerId: string;
  readonly ifname: string;
  /** The node the ADD runs on: it allocates from its own blocks first. */
  readonly node: string;
  /** This allocation's unique token (see documents.ts). */
  readonly handle: string;
  readonly families: readonly FamilyRequest[];
  readonly allocatedAt: string;
  readonly podNamespace?: string;
  readonly podName?: string;
}

/** Where the next address comes from: the node's own block, a block it claims now, or another node's block. */
export interface AddressChoice {
  readonly pool: Pool;
  readonly offset: bigint;
  readonly how: "affine" | "claim" | "borrow";
}

/**
 * What an ADD reads before it reaches a block: the attachment, the stored pools, the node's own
 * state in every pool, which pools have blocks, and whether the store still has the layout of an
 * earlier version (layout-upgrade.ts). Hinted at once, that is one etcd round trip instead of five.
 */
export function prefetchForAdd(txn: StoreReader, attachment: string, node: string): Promise<void> {
  const listings = [POOLS_WITH_BLOCKS_PREFIX, LEGACY_CLAIMS_PREFIX];
  return txn.prefetch({
    keys: [attachmentKey(attachment), POOLS_KEY],
    documentsBelow: [nodeStatePrefix(node)],
    listings,
  });
}

/**
 * One new address per requested family for an attachment that holds none (the caller returns an
 * existing attachment as it is). If any family fails nothing is written, so a dual-stack ADD
 * never keeps half of what it took.
 */
export async function assignAddresses(txn: StoreTxn, request: AssignRequest): Promise<AttachmentDoc> {
  const id = attachmentId(request.network, request.containerId, request.ifname);
  const owner = { attachment: id, handle: request.handle };
  const addresses: AttachmentDoc["addresses"] = [];
  for (const familyRequest of request.families) {
    const choice =
      familyRequest.requested === undefined
        ? ((await chooseAddress(txn, request.node, familyRequest)) ?? (await exhausted(txn, familyRequest)))
        : await chooseRequested(txn, request.node, familyRequest);
    await takeOffset(txn, choice.pool.id, choice.offset, owner, request.node);
    if (familyRequest.requested === undefined) await moveCursor(txn, request.node, choice.pool.id, choice.offset);
    addresses.push({ pool: choice.pool.id, address: addressAt(choice.pool.cidr, choice.offset) });
  }
  const doc: AttachmentDoc = {
    network: request.network,
    containerId: request.containerId,
    ifname: request.ifname,
    node: request.node,
    handle: request.handle,
    addresses,
    allocatedAt: request.allocatedAt,
    ...(request.podNamespace ? { podNamespace: request.podNamespace } : {}),
    ...(request.podName ? { podName: request.podName } : {}),
  };
  txn.put(attachmentKey(id), doc);
  return doc;
}

/**
 * The address `node` would get, read-only (STATUS asks the same question). Pool order comes
 * first, as the network asked: in each candidate pool the node's own blocks (next-fit from its
 * cursor), then a block nobody has claimed. Only when no candidate pool has an unclaimed block
 * left does it borrow a free address from another node's block (non-strict affinity).
 */
export async function chooseAddress(
  txn: StoreReader,
  node: string,
  request: FamilyRequest,
): Promise<AddressChoice | undefined> {
  for (const pool of request.candidates) {
    await assertNoOverlappingState(txn, pool);
    const state = await readNodeState(txn, node, pool.id);
    const cursor = state.cursor === undefined ? undefined : BigInt(state.cursor);
    const own = Object.keys(state.blocks).map((hex) => BigInt(`0x${hex}`));
    const offset = await nextFree(pool, cursor, own, async (block) => {
      const doc = await readListedBlock(txn, node, pool.id, block);
      // A listed block that names another node (a hand edit) is not this node's to fill first.
      return doc.node === node ? doc : undefined;
    });
    if (offset !== undefined) return { pool, offset, how: "affine" };
    const block = await findBlockToClaim(txn, node, pool, own);
    if (block !== undefined) {
      const layout = poolLayout(pool.cidr);
      const first = findFreeInRange(layout, { block, fromBit: 0, toBit: Number(layout.blockSize) }, 0n);
      if (first !== undefined) return { pool, offset: first, how: "claim" };
    }
  }
  for (const pool of request.candidates) {
    const state = await readNodeState(txn, node, pool.id);
    const cursor = state.cursor === undefined ? undefined : BigInt(state.cursor);
    const own = new Set(Object.keys(state.blocks).map((hex) => BigInt(`0x${hex}`)));
    const offset = await findBorrowable(txn, pool, cursor, own);
    if (offset !== undefined) return { pool, offset, how: "borrow" };
  }
  return undefined;
}

async function exhausted(txn: StoreReader, request: FamilyRequest): Promise<never> {
  const pools: string[] = [];
  for (const pool of request.candidates)
    pools.push(`${pool.id} (${await usedInPool(txn, pool.id)} of ${usableCount(poolLayout(pool.cidr))} in use)`);
  throw new CniError(
    ErrorCode.poolExhausted,
    `no free IPv${request.family} address in pool${pools.length > 1 ? "s" : ""} ${pools.join(", ")}`,
    "release leaked addresses with 'ippool reclaim' (or a CNI GC from the runtime), or add a pool",
  );
}

async function chooseRequested(txn: StoreReader, node: string, request: FamilyRequest): Promise<AddressChoice> {
  const value = request.requested!;
  const text = formatAddress(request.family, value);
  const pool = request.candidates.find((candidate) => cidrContains(candidate.cidr, request.family, value));
  if (!pool) {
    throw new CniError(
      ErrorCode.addressOutsidePools,
      `requested address ${text} is not in any usable IPv${request.family} pool of this network`,
      `usable pools: ${request.candidates.map((candidate) => candidate.id).join(", ") || "none"}`,
    );
  }
  await assertNoOverlappingState(txn, pool);
  const offset = value - pool.cidr.network;
  const layout = poolLayout(pool.cidr);
  const role = reservedRole(layout, offset);
  if (role !== undefined)
    throw new CniError(ErrorCode.addressUnavailable, `requested address ${text} is the ${role} of pool ${pool.id}`);
  const { block, bit } = locate(pool.id, offset);
  const doc = await readBlock(txn, pool.id, block);
  if (!doc) {
    // Claimed now for this node, unless its claim is still there: then it was lost, not freed.
    const claim = await readBlockClaim(txn, pool.id, block);
    if (claim) throw lostBlock(pool.id, block, `its claim (node ${claim.node})`);
  } else if (isBitSet(takenBits(doc), bit)) {
    const holder = doc.owners[bit]?.attachment ?? "an allocation with no owner recorded";
    throw new CniError(
      ErrorCode.addressUnavailable,
      `requested address ${text} is already held by ${holder}`,
      "release it first or ask for another",
    );
  }
  return { pool, offset, how: doc ? (doc.node === node ? "affine" : "borrow") : "claim" };
}

/**
 * Allocation state is keyed by CIDR, so two overlapping pools (say 10.1.0.0/16 inline in one
 * network and 10.1.0.0/24 in another) would keep separate bitmaps and could hand out one address
 * twice. Refuse to allocate from a pool while an overlapping one has blocks holding addresses.
 */
async function assertNoOverlappingState(txn: StoreReader, pool: Pool): Promise<void> {
  const poolsWithBlocks = (await txn.list(POOLS_WITH_BLOCKS_PREFIX)).map((key) =>
    poolIdFromSegment(key.slice(POOLS_WITH_BLOCKS_PREFIX.length)),
  );
  for (const otherId of poolsWithBlocks) {
    if (otherId === pool.id || !cidrsOverlap(poolCidr(otherId), pool.cidr)) continue;
    const used = await usedInPool(txn, otherId);
    if (used > 0n) {
      throw new CniError(
        ErrorCode.invalidConfig,
        `pool ${pool.id} overlaps pool ${otherId}, which still holds ${used} address(es)`,
        "pools may not share addresses; release the other pool's addresses or use the same CIDR",
      );
    }
  }
}
