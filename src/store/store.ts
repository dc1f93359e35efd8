// The Store interface: keyed JSON documents changed in transactions. Disk backs it now; etcd can later.
import type { core } from "zod/mini";

export interface StoreReader {
  /** The document at `key` validated by `schema`, or undefined when there is none. */
  get<T>(key: string, schema: core.$ZodType<T>): Promise<T | undefined>;
  /**
   * The keys directly below `prefix` ("attachment/podnet/"), including this transaction's own
   * writes, and the sub-prefixes directly below it ("attachment/" lists "attachment/podnet").
   */
  list(prefix: string): Promise<string[]>;
}

export interface StoreTxn extends StoreReader {
  put(key: string, doc: unknown): void;
  delete(key: string): void;
}

/**
 * A transaction's `work` reaches the store only through the txn and does no other I/O, so a
 * compare-and-swap backend may run it again when a key it read changed before its commit.
 * Every write of one transaction becomes visible at once, or none does.
 */
export interface Store {
  update<T>(work: (txn: StoreTxn) => Promise<T>): Promise<T>;
  read<T>(work: (txn: StoreReader) => Promise<T>): Promise<T>;
}

/** Key segments are checked by the backend too: a name from outside must never become a path that escapes. */
export function assertSafeKey(key: string): void {
  const segments = key.split("/");
  const bad = segments.find((segment) => segment === "" || segment === "." || segment === ".." || segment.includes("\0"));
  if (bad !== undefined) throw new Error(`internal error: unsafe store key ${JSON.stringify(key)}`);
}
