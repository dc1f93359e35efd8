// A node's tunnel addresses: one IPAM allocation per node and tunnel device (tunl0, the VXLAN devices), kept apart from every CNI attachment.
import type { Family } from "../alloc/address.js";
import type { Pool } from "../pool/resource.js";
import type { StoreReader, StoreTxn } from "../store/store.js";
import { assignAddresses } from "./assign.js";
import {
  attachmentId,
  attachmentKey,
  attachmentSchema,
  networkAttachmentPrefix,
  type AttachmentDoc,
} from "./store-documents.js";
import { newHandle } from "./handle.js";
import { releaseAttachment } from "./release.js";

/**
 * The attachment's network. A leading "_" fails the CNI network-name pattern, so no netconf,
 * GC or 'reclaim --network' can ever name it; 'allocations' lists it like any other.
 */
export const TUNNEL_NETWORK = "_ippool-tunnel";

/** The device an address is for: its name keys the record, its family is the address's. */
export interface TunnelDevice {
  readonly ifname: string;
  readonly family: Family;
}
export const TUNL0: TunnelDevice = { ifname: "tunl0", family: 4 };

/** The record is keyed by the node (as container id) and the device: one per node and device, whatever pool it came from. */
export const tunnelAttachmentId = (node: string, ifname: string): string => attachmentId(TUNNEL_NETWORK, node, ifname);

export interface TunnelAddress {
  readonly address: string;
  readonly pool: string;
  /** False when the node already held it (a re-run changes nothing). */
  readonly allocated: boolean;
}

/**
 * The node's address for `device` from one of `pools` (the pools whose routes use the device):
 * the one it holds when that lies in such a pool, else a new allocation, taken from the node's own
 * blocks first like any ADD. A held address of a pool that no longer tunnels is given back first.
 */
export async function ensureTunnelAddress(
  txn: StoreTxn,
  node: string,
  pools: readonly Pool[],
  now: Date,
  device: TunnelDevice = TUNL0,
): Promise<TunnelAddress> {
  const id = tunnelAttachmentId(node, device.ifname);
  const existing = await txn.get(attachmentKey(id), attachmentSchema);
  const kept = existing?.addresses.find((entry) => pools.some((pool) => pool.id === entry.pool));
  if (kept) return { ...kept, allocated: false };
  if (existing) await releaseAttachment(txn, id);
  const doc = await assignAddresses(txn, {
    network: TUNNEL_NETWORK,
    containerId: node,
    ifname: device.ifname,
    node,
    handle: newHandle(now),
    families: [{ family: device.family, candidates: pools }],
    allocatedAt: now.toISOString(),
  });
  return { ...doc.addresses[0]!, allocated: true };
}

/** Gives the node's address for the device back; returns the record released, or undefined when it held none. */
export function releaseTunnelAddress(
  txn: StoreTxn,
  node: string,
  ifname: string = TUNL0.ifname,
): Promise<AttachmentDoc | undefined> {
  return releaseAttachment(txn, tunnelAttachmentId(node, ifname));
}

/** The node's address for the device now, or undefined when it holds none; reads only. */
export async function heldTunnelAddress(
  txn: StoreReader,
  node: string,
  ifname: string = TUNL0.ifname,
): Promise<string | undefined> {
  return (await txn.get(attachmentKey(tunnelAttachmentId(node, ifname)), attachmentSchema))?.addresses[0]?.address;
}

/** Every tunnel-device address the node holds (tunl0's, the VXLAN devices'), one record each. */
export async function nodeTunnelAttachments(txn: StoreReader, node: string): Promise<AttachmentDoc[]> {
  // The keys name the node (tunnelAttachmentId), so other nodes' records are never read.
  const ofNode = attachmentKey(tunnelAttachmentId(node, ""));
  const records: AttachmentDoc[] = [];
  for (const key of await txn.list(networkAttachmentPrefix(TUNNEL_NETWORK))) {
    if (!key.startsWith(ofNode)) continue;
    const doc = await txn.get(key, attachmentSchema);
    if (doc?.containerId === node) records.push(doc);
  }
  return records;
}
