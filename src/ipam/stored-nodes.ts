// The node records an operator stored, one key per node, read from and written to the Store.
import { nodeDocumentSchema, nodeFromDocument, nodeToDocument, type Node } from "../node/resource.js";
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
