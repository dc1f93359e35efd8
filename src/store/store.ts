// The Store interface: keyed JSON documents changed in transactions. Disk backs it, etcd too.
import type { core } from "zod/mini";
import type { StoreError } from "./store-error.js";

export interface StoreReader {
  /** The document at `key` validated by `schema`, or undefined when there is none. */
  get<T>(key: string, schema: core.$ZodType<T>): Promise<T | undefined>;
  /**
   * The keys directly below `prefix` ("attachment/podnet/"), including this transaction's own
   * writes, and the sub-prefixes directly below it ("attachment/" lists "attachment/podnet").
   */
  list(prefix: string): Promise<string[]>;
  /** Every key below `prefix` at any depth ("" for the whole store), sorted; for verify and migrate. */
  listAll(prefix: string): Promise<string[]>;
  /**
   * A hint that the work is about to read these: a backend whose every read is a round trip
   * (etcd) fetches them together. Only a later get or list puts a key in the read set the
   * commit is checked against, so a hint never makes a transaction conflict more often.
   */
  prefetch(hint: PrefetchHint): Promise<void>;
  /**
   * Documents read at the same snapshot but NOT checked at the commit: for choosing among many
   * candidates (a block to claim, a block to borrow from) without making the commit conflict with
   * every write to those the choice skipped. Skipping a candidate is always safe; whatever the
   * work relies on it reads again with `get`, which the commit checks.
   */
  peek<T>(keys: readonly string[], schema: core.$ZodType<T>): Promise<(T | undefined)[]>;
  /** The keys directly below `prefix`, like `list` but unchecked at the commit, as `peek`. */
  peekList(prefix: string): Promise<string[]>;
}

export interface PrefetchHint {
  /** Keys the work will get. */
  readonly keys?: readonly string[];
  /** Prefixes ending in "/" below which the work will get documents (a node's own state, say). */
  readonly documentsBelow?: readonly string[];
  /** Prefixes the work will list. */
  readonly listings?: readonly string[];
}

export interface StoreTxn extends StoreReader {
  put(key: string, doc: unknown): void;
  delete(key: string): void;
}

/**
 * The contract between the allocator and every backend:
 *
 * - `work` reaches the store only through the txn and does no other I/O, so a backend may run it
 *   again.
 * - A commit is a compare-and-swap: it succeeds only if everything the work read is still current
 *   at the commit point: each key it got (its value, or its absence), and each prefix it listed
 *   (no key added or removed below it). This holds whatever a lock did: a lock only makes writers
 *   take turns, it never carries the safety.
 * - Every write of one transaction becomes visible at once, or none does.
 * - On a conflict the backend either runs `work` again (with jittered backoff, until the call's
 *   deadline) or gives up with a StoreError "unavailable" saying that nothing was written; never a partial
 *   or stale commit.
 * - `peek` and `peekList` are the one exception to "everything read is checked": they only
 *   choose candidates, and the work confirms its choice with `get`.
 * - `read` sees one consistent snapshot and never writes.
 */
export interface StoreFacts {
  readonly notes: string[];
  readonly problems: { readonly key: string; readonly message: string }[];
}

export interface Store {
  update<T>(work: (txn: StoreTxn) => Promise<T>): Promise<T>;
  read<T>(work: (txn: StoreReader) => Promise<T>): Promise<T>;
  /**
   * Facts about the backend's own state, for `ippool verify`: notes that are no problem of the
   * data (a commit still being applied, temp files of a killed writer), and problems of the
   * backend's own files (a damaged commit record), each under the key-like name of its file.
   */
  notes(): Promise<StoreFacts>;
  /** Where the store is, for messages: a data dir, or etcd endpoints and prefix. */
  readonly location: string;
  /** The CLI flags that reach this store ("--data-dir DIR", "--etcd-endpoints URL --etcd-prefix P"), for advice in messages. */
  readonly cliFlags: string;
  /** How often this store's commits so far were run again because another writer committed first (0 where writers take turns). */
  readonly conflictsRetried: number;
}

/**
 * A damaged document's error carries its store key: the backend knows the file or etcd key, the
 * layer above knows what the document holds and so what repair is safe (see ipam/damage-advice.ts).
 */
export function tagDamagedKey(error: StoreError, key: string): StoreError {
  return Object.assign(error, { damagedKey: key });
}

export const damagedKeyOf = (error: unknown): string | undefined => {
  const key = (error as { damagedKey?: unknown } | undefined)?.damagedKey;
  return typeof key === "string" ? key : undefined;
};

/** A value as one shell word, quoted only when it needs to be, so advice can be pasted as is. */
export const shellWord = (text: string): string =>
  /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;

/** Key segments are checked by the backend too: a name from outside must never become a path that escapes. */
export function assertSafeKey(key: string): void {
  const segments = key.split("/");
  const bad = segments.find(
    (segment) => segment === "" || segment === "." || segment === ".." || segment.includes("\0"),
  );
  if (bad !== undefined) throw new Error(`internal error: unsafe store key ${JSON.stringify(key)}`);
}

/** A transaction's own writes, a document or null for a delete, each key checked as it is written; every backend's txn extends it. */
export abstract class PendingWrites {
  readonly writes = new Map<string, unknown>();

  put(key: string, doc: unknown): void {
    assertSafeKey(key);
    this.writes.set(key, doc);
  }

  delete(key: string): void {
    assertSafeKey(key);
    this.writes.set(key, null);
  }
}

/**
 * A listing of the keys directly below `prefix` with `writes` (a document, or null for a delete)
 * laid over it: a written key appears (or its sub-prefix), a deleted key goes.
 */
export function overlayListing(
  listed: Iterable<string>,
  prefix: string,
  writes: ReadonlyMap<string, unknown>,
): string[] {
  const keys = new Set(listed);
  for (const [key, doc] of writes) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    if (rest.includes("/")) keys.add(prefix + rest.slice(0, rest.indexOf("/")));
    else if (doc === null) keys.delete(key);
    else keys.add(key);
  }
  return [...keys].sort();
}

/**
 * The same store with every transaction (update and read) run through `around`: how a caller adds
 * behaviour to all of them (advice on an error, a check before the first) without a backend of
 * its own. `notes` and the facts pass through untouched.
 */
export function aroundTransactions(store: Store, around: <T>(transaction: () => Promise<T>) => Promise<T>): Store {
  return {
    update: (work) => around(() => store.update(work)),
    read: (work) => around(() => store.read(work)),
    notes: () => store.notes(),
    get location() {
      return store.location;
    },
    get cliFlags() {
      return store.cliFlags;
    },
    get conflictsRetried() {
      return store.conflictsRetried;
    },
  };
}
