// The pools an operator stored with the CLI, read from and written to the Store.
import { parsePoolDocument, poolToDocument, type Pool } from "../pool/resource.js";
import type { StoreReader, StoreTxn } from "../store/store.js";
import { POOLS_KEY, storedPoolsSchema } from "./documents.js";

/** Stored pools were validated and warned about when applied; here they are only re-read. */
export async function readStoredPools(txn: StoreReader): Promise<Pool[]> {
  const doc = await txn.get(POOLS_KEY, storedPoolsSchema);
  return (doc?.pools ?? []).map((entry, index) => parsePoolDocument(entry, `stored pool ${index + 1}`).pool);
}

export function writeStoredPools(txn: StoreTxn, pools: readonly Pool[]): void {
  txn.put(POOLS_KEY, { pools: pools.map(poolToDocument) });
}
