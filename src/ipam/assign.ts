// ADD's allocation: the attachment's existing addresses, or one new address per family, all in one transaction.
import { CniError, ErrorCode } from "../cni/errors.js";
import { addressAt, cidrContains, cidrsOverlap, formatAddress, type Family } from "../alloc/address.js";
import { bitmapFromHex } from "../alloc/bitmap.js";
import { findFreeInRange, nextFitRanges } from "../alloc/next-fit.js";
import { poolLayout, usableCount, type PoolLayout } from "../alloc/pool-layout.js";
import type { Pool } from "../pool/resource.js";
import type { StoreTxn } from "../store/store.js";
import {
  POOL_STATE_PREFIX,
  attachmentId,
  attachmentKey,
  poolCidr,
  poolIdFromSegment,
  poolStateSchema,
  type AttachmentDoc,
} from "./documents.js";
import { blockUsage, ownerOf, readBlock, readPoolState, takeOffset, usedCount } from "./pool-state.js";

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
  readonly families: readonly FamilyRequest[];
  readonly allocatedAt: string;
  readonly podNamespace?: string;
  readonly podName?: string;
}

/**
 * One new address per requested family for an attachment that holds none (the caller returns an
 * existing attachment as it is). If any family fails nothing is written, so a dual-stack ADD
 * never keeps half of what it took.
 */
export async function assignAddresses(txn: StoreTxn, request: AssignRequest): Promise<AttachmentDoc> {
  const id = attachmentId(request.network, request.containerId, request.ifname);
  const addresses: AttachmentDoc["addresses"] = [];
  for (const familyRequest of request.families) {
    const { pool, offset } =
      familyRequest.requested === undefined
        ? await takeNextFree(txn, familyRequest, id)
        : await takeRequested(txn, familyRequest, id);
    addresses.push({ pool: pool.id, address: addressAt(pool.cidr, offset) });
  }
  const doc: AttachmentDoc = {
    network: request.network,
    containerId: request.containerId,
    ifname: request.ifname,
    addresses,
    allocatedAt: request.allocatedAt,
    ...(request.podNamespace ? { podNamespace: request.podNamespace } : {}),
    ...(request.podName ? { podName: request.podName } : {}),
  };
  txn.put(attachmentKey(id), doc);
  return doc;
}

async function takeNextFree(txn: StoreTxn, request: FamilyRequest, owner: string) {
  const exhausted: string[] = [];
  for (const pool of request.candidates) {
    await assertNoOverlappingState(txn, pool);
    const layout = poolLayout(pool.cidr);
    const state = await readPoolState(txn, pool.id);
    const offset = await findNextFree(txn, pool.id, layout, state.cursor === undefined ? undefined : BigInt(state.cursor), blockUsage(state));
    if (offset !== undefined) {
      await takeOffset(txn, pool.id, offset, owner, true);
      return { pool, offset };
    }
    exhausted.push(`${pool.id} (${usedCount(state)} of ${usableCount(layout)} in use)`);
  }
  throw new CniError(
    ErrorCode.poolExhausted,
    `no free IPv${request.family} address in pool${exhausted.length > 1 ? "s" : ""} ${exhausted.join(", ")}`,
    "release leaked addresses with 'ippool reclaim' (or a CNI GC from the runtime), or add a pool",
  );
}

async function findNextFree(
  txn: StoreTxn,
  poolId: string,
  layout: PoolLayout,
  cursor: bigint | undefined,
  usage: ReadonlyMap<bigint, number>,
): Promise<bigint | undefined> {
  for (const range of nextFitRanges(layout, cursor, usage)) {
    const bitmap = usage.has(range.block) ? bitmapFromHex((await readBlock(txn, poolId, range.block)).bitmap) : 0n;
    const offset = findFreeInRange(layout, range, bitmap);
    if (offset !== undefined) return offset;
  }
  return undefined;
}

async function takeRequested(txn: StoreTxn, request: FamilyRequest, owner: string) {
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
  if (layout.reserved.has(offset)) {
    const role = offset === layout.gatewayOffset ? "the gateway" : offset === 0n ? "the network address" : "the broadcast address";
    throw new CniError(ErrorCode.addressUnavailable, `requested address ${text} is ${role} of pool ${pool.id}`);
  }
  const holder = await ownerOf(txn, pool.id, offset);
  if (holder !== undefined) {
    throw new CniError(ErrorCode.addressUnavailable, `requested address ${text} is already held by ${holder}`, "release it first or ask for another");
  }
  await takeOffset(txn, pool.id, offset, owner, false);
  return { pool, offset };
}

/**
 * State is keyed by CIDR, so two overlapping pools (say 10.1.0.0/16 inline in one network and
 * 10.1.0.0/24 in another) would keep separate bitmaps and could hand out one address twice.
 * Refuse to allocate from a pool while an overlapping one still holds addresses.
 */
async function assertNoOverlappingState(txn: StoreTxn, pool: Pool): Promise<void> {
  for (const key of await txn.list(POOL_STATE_PREFIX)) {
    const otherId = poolIdFromSegment(key.slice(POOL_STATE_PREFIX.length));
    if (otherId === pool.id || !cidrsOverlap(poolCidr(otherId), pool.cidr)) continue;
    const other = await txn.get(key, poolStateSchema);
    if (other && usedCount(other) > 0n) {
      throw new CniError(
        ErrorCode.invalidConfig,
        `pool ${pool.id} overlaps pool ${otherId}, which still holds ${usedCount(other)} address(es)`,
        "pools may not share addresses; release the other pool's addresses or use the same CIDR",
      );
    }
  }
}
