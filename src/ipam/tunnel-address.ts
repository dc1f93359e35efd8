// A node's tunnel address: one IPAM allocation per node for tunl0, kept apart from every CNI attachment.
import type { Pool } from "../pool/resource.js";
import type { StoreReader, StoreTxn } from "../store/store.js";
import { assignAddresses } from "./assign.js";
import { attachmentId, attachmentKey, attachmentSchema, type AttachmentDoc } from "./store-documents.js";
import { newHandle } from "./handle.js";
import { releaseAttachment } from "./release.js";

/**
 * The attachment's network. A leading "_" fails the CNI network-name pattern, so no netconf,
 * GC or 'reclaim --network' can ever name it; 'allocations' lists it like any other.
 */
export const TUNNEL_NETWORK = "_ippool-tunnel";
export const TUNNEL_IFNAME = "tunl0";

/** The record is keyed by the node (as container id): one per node, whatever pool it came from. */
export const tunnelAttachmentId = (node: string): string => attachmentId(TUNNEL_NETWORK, node, TUNNEL_IFNAME);

export interface TunnelAddress {
  readonly address: string;
  readonly pool: string;
  /** False when the node already held it (a re-run changes nothing). */
  readonly allocated: boolean;
}

/**
 * The node's tunnel address from one of `pools` (the pools whose routes use tunl0): the one it
 * holds when that lies in such a pool, else a new allocation, taken from the node's own blocks
 * first like any ADD. A held address of a pool that no longer tunnels is given back first.
 */
export async function ensureTunnelAddress(
  txn: StoreTxn,
  node: string,
  pools: readonly Pool[],
  now: Date,
): Promise<TunnelAddress> {
  const id = tunnelAttachmentId(node);
  const existing = await txn.get(attachmentKey(id), attachmentSchema);
  const kept = existing?.addresses.find((entry) => pools.some((pool) => pool.id === entry.pool));
  if (kept) return { ...kept, allocated: false };
  if (existing) await releaseAttachment(txn, id);
  const doc = await assignAddresses(txn, {
    network: TUNNEL_NETWORK,
    containerId: node,
    ifname: TUNNEL_IFNAME,
    node,
    handle: newHandle(now),
    families: [{ family: 4, candidates: pools }],
    allocatedAt: now.toISOString(),
  });
  return { ...doc.addresses[0]!, allocated: true };
}

/** Gives the node's tunnel address back; returns the record released, or undefined when it held none. */
export function releaseTunnelAddress(txn: StoreTxn, node: string): Promise<AttachmentDoc | undefined> {
  return releaseAttachment(txn, tunnelAttachmentId(node));
}

/** The node's tunnel address now, or undefined when it holds none; reads only. */
export async function heldTunnelAddress(txn: StoreReader, node: string): Promise<string | undefined> {
  return (await txn.get(attachmentKey(tunnelAttachmentId(node)), attachmentSchema))?.addresses[0]?.address;
}
