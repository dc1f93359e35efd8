// The pools an operator stored with the CLI, read from and written to the Store.
import { poolFromDocument, poolToDocument, type Pool } from "../pool/resource.js";
import type { StoreReader, StoreTxn } from "../store/store.js";
import { POOLS_KEY, storedPoolsSchema } from "./store-documents.js";

/** Stored pools were warned about when applied, and the store's schema has validated them: only converted here. */
export async function readStoredPools(txn: StoreReader): Promise<Pool[]> {
  const doc = await txn.get(POOLS_KEY, storedPoolsSchema);
  return (doc?.pools ?? []).map(poolFromDocument);
}

export function writeStoredPools(txn: StoreTxn, pools: readonly Pool[]): void {
  txn.put(POOLS_KEY, { pools: pools.map(poolToDocument) });
}
