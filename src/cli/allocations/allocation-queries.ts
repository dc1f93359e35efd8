// Finding allocations for the CLI: flat rows for tables, the holder of one address, attachments of a container.
import { cidrContains, compareCidrs, parseAddress } from "../../alloc/address.js";
import { poolLayout, reservedRole } from "../../alloc/pool-layout.js";
import {
  attachmentKey,
  attachmentSchema,
  idOfAttachment,
  poolCidr,
  type AttachmentDoc,
} from "../../ipam/store-documents.js";
import { ownerOf } from "../../ipam/block-state.js";
import { canonicalAddress, listAttachments } from "../../ipam/release.js";
import { readStoredPools } from "../../ipam/stored-pools.js";
import { NAME_PATTERN } from "../../validation.js";
import type { StoreReader } from "../../store/store.js";
import { UsageError } from "../framework/context.js";
import { poolIdsWithState } from "../resources/pool-queries.js";
import { CniError, ErrorCode } from "../../errors.js";

export interface AllocationRow {
  readonly pool: string;
  readonly address: string;
  readonly attachment: AttachmentDoc;
}

/** One row per address, ordered by pool then address, so a listing reads pool by pool. */
export function allocationRows(docs: readonly AttachmentDoc[]): AllocationRow[] {
  const rows = docs.flatMap((attachment) =>
    attachment.addresses.map(({ pool, address }) => ({ pool, address, attachment })),
  );
  return rows.sort((a, b) => compareCidrs(poolCidr(a.pool), poolCidr(b.pool)) || compareValues(a.address, b.address));
}

const compareValues = (a: string, b: string): number => {
  const [x, y] = [parseAddress(a)!.value, parseAddress(b)!.value];
  return x < y ? -1 : x > y ? 1 : 0;
};

export interface AddressLookup {
  readonly address: string;
  /** The pool the address falls in, if any (stored, inline or deleted with state left). */
  readonly pool?: string;
  readonly offset?: bigint;
  /** The attachment id recorded for it in the pool's block, when the address is allocated. */
  readonly owner?: string;
  /** The allocation's handle recorded with it. */
  readonly handle?: string;
  /** The owner's record; missing only when the store is inconsistent ('ippool verify' reports that). */
  readonly attachment?: AttachmentDoc;
}

export async function lookupAddress(txn: StoreReader, address: string): Promise<AddressLookup> {
  const value = parseAddress(address)!;
  const stored = (await readStoredPools(txn)).map((pool) => pool.id);
  const pools = [...new Set([...stored, ...(await poolIdsWithState(txn))])].filter((id) =>
    cidrContains(poolCidr(id), value.family, value.value),
  );
  let first: AddressLookup = { address };
  for (const pool of pools) {
    const offset = value.value - poolCidr(pool).network;
    const owner = await ownerOf(txn, pool, offset);
    if (owner === undefined) {
      if (first.pool === undefined) first = { address, pool, offset };
      continue;
    }
    const attachment = await txn.get(attachmentKey(owner.attachment), attachmentSchema);
    return {
      address,
      pool,
      offset,
      owner: owner.attachment,
      handle: owner.handle,
      ...(attachment ? { attachment } : {}),
    };
  }
  return first;
}

/**
 * Why a looked-up address has no holder: reserved (never handed out, as ADD refuses it), free, or
 * in no pool. "address 10.22.0.1 is not allocated; it is the gateway (network+1) of pool 10.22.0.0/16, ...".
 */
export function describeUnallocated(found: AddressLookup): string {
  if (found.pool === undefined) return `address ${found.address} is not allocated; it is in no pool the store knows`;
  const role = reservedRole(poolLayout(poolCidr(found.pool)), found.offset!);
  return role === undefined
    ? `address ${found.address} is not allocated; it is free in pool ${found.pool}`
    : `address ${found.address} is reserved: it is the ${role} of pool ${found.pool}, never handed to a container`;
}

/** The attachments of a container, optionally narrowed to one network and interface. */
export interface AttachmentFilter {
  readonly containerId?: string;
  readonly network?: string;
  readonly ifname?: string;
  readonly pool?: string;
}

export async function containerAttachments(txn: StoreReader, filter: AttachmentFilter): Promise<AttachmentDoc[]> {
  const docs = await listAttachments(txn, filter.network);
  return docs.filter(
    (doc) =>
      (filter.containerId === undefined || doc.containerId === filter.containerId) &&
      (filter.ifname === undefined || doc.ifname === filter.ifname) &&
      (filter.pool === undefined || doc.addresses.some((entry) => entry.pool === filter.pool)),
  );
}

/**
 * A filter that matches nothing is most often a typo: the error names the filter that found
 * nothing (a pool the store does not know, a network or container without allocations) and what exists.
 */
export async function whyNothingMatched(txn: StoreReader, filter: AttachmentFilter, storeName: string): Promise<Error> {
  const fail = (message: string) => new CniError(ErrorCode.unknownContainer, message);
  const all = await listAttachments(txn);
  const names = (values: readonly string[]) => [...new Set(values)].sort().join(", ") || "none";
  if (filter.pool !== undefined) {
    const pools = [...(await readStoredPools(txn)).map((pool) => pool.id), ...(await poolIdsWithState(txn))];
    if (!pools.includes(filter.pool)) return fail(`no pool ${filter.pool} in ${storeName} (pools: ${names(pools)})`);
  }
  if (filter.network !== undefined && !all.some((doc) => doc.network === filter.network)) {
    const networks = names(all.map((doc) => doc.network));
    const message = `network ${filter.network} holds no allocation in ${storeName}`;
    return fail(`${message} (networks with allocations: ${networks})`);
  }
  if (filter.containerId !== undefined && !all.some((doc) => doc.containerId === filter.containerId)) {
    return fail(`container ${filter.containerId} holds no address in ${storeName} (container ids match exactly)`);
  }
  const flagOf = (name: string) => (name === "containerId" ? "container" : name);
  const given = Object.entries(filter).map(([name, value]) => `${flagOf(name)} ${value}`);
  return fail(`no allocation in ${storeName} matches ${given.join(", ")}`);
}

/** A network name from the command line; checked like CNI's, since it becomes a directory name in the store. */
export function networkArgument(name: string | undefined, command: string): string | undefined {
  if (name !== undefined && !NAME_PATTERN.test(name)) {
    throw new UsageError(`'${name}' is not a valid network name (it must match ${NAME_PATTERN.source})`, command);
  }
  return name;
}

/**
 * An address argument in canonical form, or undefined when the text is not an IP address.
 * "10.22.0.3/16", as a CNI result prints it, means the address (no container id has a '/').
 */
export const addressArgument = (text: string): string | undefined =>
  canonicalAddress(text.trim().replace(/\/\d{1,3}$/, ""));

/** "testnet/ctr-1:eth0 (pod ns/name)": an attachment in one phrase. */
export const describeHolder = (doc: AttachmentDoc): string =>
  `${idOfAttachment(doc)}${doc.podName ? ` (pod ${doc.podNamespace ?? "?"}/${doc.podName})` : ""}`;
