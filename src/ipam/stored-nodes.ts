// The node records an operator stored, one key per node, read from and written to the Store.
import type { Family } from "../alloc/address.js";
import {
  nodeDocumentSchema,
  nodeFromDocument,
  nodeToDocument,
  vxlanEndpoint,
  type Node,
  type VxlanEndpoint,
} from "../node/resource.js";
import type { StoreReader, StoreTxn } from "../store/store.js";

export const NODES_PREFIX = "nodes/";
/** The name passed nodeNameProblem (./name.ts), so it is one safe key segment. */
export const nodeKey = (name: string): string => `${NODES_PREFIX}${name}`;

export async function readStoredNode(txn: StoreReader, name: string): Promise<Node | undefined> {
  const doc = await txn.get(nodeKey(name), nodeDocumentSchema);
  return doc && nodeFromDocument(doc);
}

/** Every stored node, sorted by name. */
export async function readStoredNodes(txn: StoreReader): Promise<Node[]> {
  const nodes: Node[] = [];
  for (const key of await txn.list(NODES_PREFIX)) {
    const node = await readStoredNode(txn, key.slice(NODES_PREFIX.length));
    if (node) nodes.push(node);
  }
  return nodes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export const writeStoredNode = (txn: StoreTxn, node: Node): void => txn.put(nodeKey(node.name), nodeToDocument(node));
export const deleteStoredNode = (txn: StoreTxn, name: string): void => txn.delete(nodeKey(name));

/**
 * Writes (or, given undefined, takes out) the node's VXLAN endpoint of one family, leaving every
 * other field as it is; true when the record changed. A node without a record is left without one.
 */
export async function recordVxlanEndpoint(
  txn: StoreTxn,
  name: string,
  family: Family,
  endpoint: VxlanEndpoint | undefined,
): Promise<boolean> {
  const node = await readStoredNode(txn, name);
  if (!node) return false;
  const current = vxlanEndpoint(node, family);
  if (current?.address === endpoint?.address && current?.mac === endpoint?.mac) return false;
  const fields = [`ipv${family}TunnelAddress`, `ipv${family}TunnelMAC`] as const;
  const vxlan: Record<string, string> = Object.fromEntries(
    Object.entries(node.vxlan ?? {}).filter(([field]) => !(fields as readonly string[]).includes(field)),
  );
  if (endpoint) Object.assign(vxlan, { [fields[0]]: endpoint.address, [fields[1]]: endpoint.mac });
  const { vxlan: _replaced, ...rest } = node;
  writeStoredNode(txn, Object.keys(vxlan).length > 0 ? { ...rest, vxlan } : rest);
  return true;
}
