// Giving addresses back: by attachment (DEL), by address (the operator), and every stale attachment (GC).
import { parseAddress, formatAddress } from "../alloc/address.js";
import type { StoreReader, StoreTxn } from "../store/store.js";
import {
  attachmentKey,
  attachmentSchema,
  networkAttachmentPrefix,
  ATTACHMENT_PREFIX,
  idOfAttachment,
  type AttachmentDoc,
} from "./store-documents.js";
import { freeOffset, offsetOf } from "./block-state.js";

/**
 * Releases everything an attachment holds; returns its record, or undefined when it held
 * nothing. With `onlyHandle` (GC and reclaim, which decided from an earlier read) it releases
 * only that allocation: a container DEL'd and ADDed again in between keeps its new address.
 */
export async function releaseAttachment(
  txn: StoreTxn,
  id: string,
  onlyHandle?: string,
): Promise<AttachmentDoc | undefined> {
  const doc = await txn.get(attachmentKey(id), attachmentSchema);
  if (!doc || (onlyHandle !== undefined && doc.handle !== onlyHandle)) return undefined;
  // Only bits this allocation owns are cleared: another owner or handle means another holds it now.
  for (const { pool, address } of doc.addresses)
    await freeOffset(txn, pool, offsetOf(pool, address), { attachment: id, handle: doc.handle });
  txn.delete(attachmentKey(id));
  return doc;
}

/** Releases one address from whichever attachment holds it; the attachment goes when it holds nothing more. */
export async function releaseAddress(txn: StoreTxn, holder: AttachmentDoc, address: string): Promise<void> {
  const id = idOfAttachment(holder);
  const entry = holder.addresses.find((candidate) => candidate.address === address);
  if (!entry) return;
  await freeOffset(txn, entry.pool, offsetOf(entry.pool, address), { attachment: id, handle: holder.handle });
  const rest = holder.addresses.filter((candidate) => candidate !== entry);
  if (rest.length === 0) txn.delete(attachmentKey(id));
  else txn.put(attachmentKey(id), { ...holder, addresses: rest });
}

/** Every attachment record, optionally of one network. */
export async function listAttachments(txn: StoreReader, network?: string): Promise<AttachmentDoc[]> {
  const networks =
    network !== undefined
      ? [network]
      : (await txn.list(ATTACHMENT_PREFIX)).map((key) => key.slice(ATTACHMENT_PREFIX.length));
  const docs: AttachmentDoc[] = [];
  for (const name of networks) {
    for (const key of await txn.list(networkAttachmentPrefix(name))) {
      const doc = await txn.get(key, attachmentSchema);
      if (doc) docs.push(doc);
    }
  }
  return docs;
}

export interface LiveAttachment {
  readonly containerId: string;
  readonly ifname: string;
}

/**
 * GC's victims: the attachments of `network` made on `node` that the runtime did not list as
 * live (a runtime knows its own node's containers, never the cluster's). The caller releases
 * each in its own transaction, by handle, so one damaged record does not stop the rest.
 */
export async function findStale(
  txn: StoreReader,
  network: string,
  node: string,
  live: readonly LiveAttachment[],
): Promise<AttachmentDoc[]> {
  const keep = new Set(live.map((entry) => `${entry.containerId}:${entry.ifname}`));
  return (await listAttachments(txn, network)).filter(
    (doc) => doc.node === node && !keep.has(`${doc.containerId}:${doc.ifname}`),
  );
}

/** Canonical text of an address given by a user ("fd00:0::5" -> "fd00::5"), or undefined. */
export function canonicalAddress(text: string): string | undefined {
  const parsed = parseAddress(text);
  return parsed && formatAddress(parsed.family, parsed.value);
}
