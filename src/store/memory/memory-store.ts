// The in-memory backend of Store: the contract's snapshots and compare-and-swap commits, for fast in-process tests.
import { safeParse, type core } from "zod/mini";
import { StoreError } from "../store-error.js";
import {
  PendingWrites,
  assertSafeKey,
  type PrefetchHint,
  type Store,
  type StoreFacts,
  type StoreReader,
  type StoreTxn,
} from "../store.js";

/** A stored document as a backend holds it: its JSON text and the revision of its last write. */
interface Version {
  readonly text: string;
  readonly revision: number;
}

/** The whole store at one revision; never changed once made, so a transaction reads it without copying. */
type Snapshot = ReadonlyMap<string, Version>;

/**
 * The state that MemoryStore handles share, as processes share a data dir or an etcd cluster.
 * Each commit replaces the snapshot with a new one in a single step, which is the commit point.
 */
export class MemoryDatastore {
  private state: Snapshot = new Map();
  private revision = 0;

  constructor(readonly name = "memory") {}

  snapshot(): Snapshot {
    return this.state;
  }

  /** Applies `writes` (null deletes) only if `isCurrent` holds for the state as it is now; no await in between. */
  commitIf(isCurrent: (state: Snapshot) => boolean, writes: ReadonlyMap<string, unknown>): boolean {
    if (!isCurrent(this.state)) return false;
    const next = new Map(this.state);
    const revision = ++this.revision;
    for (const [key, doc] of writes) {
      if (doc === null) next.delete(key);
      else next.set(key, { text: JSON.stringify(doc), revision });
    }
    this.state = next;
    return true;
  }

  /** Every stored document by key, decoded, for a test to compare what a command left behind. */
  documents(): Record<string, unknown> {
    const sorted = [...this.state].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(sorted.map(([key, version]) => [key, JSON.parse(version.text)]));
  }
}

export interface MemoryStoreOptions {
  /** How often the work runs before a conflict is reported (code 11); as the etcd store's. */
  readonly maxAttempts?: number;
}

const MAX_ATTEMPTS = 32;
const BACKOFF_CAP_MS = 20;

/**
 * Every read and the commit yield to the event loop first, as a round trip to a server would, so
 * transactions started together interleave their reads and commits and a race in the caller shows.
 */
const roundTrip = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * One handle on a MemoryDatastore, as one process's store. Writers never take turns: each commit
 * checks what its work read against the state at the commit point, and a conflict runs the work
 * again after a jittered pause, up to maxAttempts.
 */
export class MemoryStore implements Store {
  conflictsRetried = 0;
  private readonly maxAttempts: number;

  constructor(
    readonly datastore: MemoryDatastore,
    options: MemoryStoreOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  }

  get location(): string {
    return `the in-memory store ${this.datastore.name}`;
  }

  /** No flag reaches a store that lives in one process; advice names it as it is. */
  get cliFlags(): string {
    return `(${this.location})`;
  }

  async update<T>(work: (txn: StoreTxn) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const txn = new MemoryTxn(this.datastore.snapshot());
      const value = await work(txn);
      if (txn.writes.size === 0) return value;
      await roundTrip();
      if (this.datastore.commitIf((state) => txn.isCurrentIn(state), txn.writes)) return value;
      this.conflictsRetried++;
      if (attempt >= this.maxAttempts) {
        throw new StoreError(
          "unavailable",
          `the store changed under this transaction ${attempt} times; nothing was written; retry`,
          this.location,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(BACKOFF_CAP_MS, 2 ** attempt)));
    }
  }

  /** One snapshot for the whole work, so it is consistent by construction and never runs again. */
  async read<T>(work: (txn: StoreReader) => Promise<T>): Promise<T> {
    return work(new MemoryTxn(this.datastore.snapshot()));
  }

  async notes(): Promise<StoreFacts> {
    return { notes: [], problems: [] };
  }
}

class MemoryTxn extends PendingWrites implements StoreTxn {
  /** Key -> the revision it had when the work got it (0: absent). */
  private readonly reads = new Map<string, number>();
  /** Each listing the work made and what the snapshot answered, before this transaction's own writes. */
  private readonly listings = new Map<string, Listing>();

  constructor(private readonly snapshot: Snapshot) {
    super();
  }

  async get<T>(key: string, schema: core.$ZodType<T>): Promise<T | undefined> {
    assertSafeKey(key);
    if (this.writes.has(key)) return (this.writes.get(key) ?? undefined) as T | undefined;
    await roundTrip();
    this.reads.set(key, this.snapshot.get(key)?.revision ?? 0);
    return this.parsed(key, schema);
  }

  /** Read at the same snapshot, but left out of the read set the commit checks. */
  async peek<T>(keys: readonly string[], schema: core.$ZodType<T>): Promise<(T | undefined)[]> {
    keys.forEach(assertSafeKey);
    await roundTrip();
    return keys.map((key) =>
      this.writes.has(key) ? ((this.writes.get(key) ?? undefined) as T | undefined) : this.parsed(key, schema),
    );
  }

  async peekList(prefix: string): Promise<string[]> {
    return directNames(await this.keysBelow(prefix, "list", false), prefix);
  }

  private parsed<T>(key: string, schema: core.$ZodType<T>): T | undefined {
    const version = this.snapshot.get(key);
    if (version === undefined) return undefined;
    const parsed = safeParse(schema, JSON.parse(version.text));
    if (!parsed.success) {
      throw new StoreError(
        "damaged",
        `key ${key} is damaged: unexpected content (${parsed.error.issues[0]?.message ?? "schema"})`,
        "nothing was reset",
      );
    }
    return parsed.data;
  }

  /** Nothing to fetch ahead; the hint is still checked as a backend that acts on it would. */
  async prefetch(hint: PrefetchHint): Promise<void> {
    hint.keys?.forEach(assertSafeKey);
    [...(hint.documentsBelow ?? []), ...(hint.listings ?? [])].forEach(assertPrefix);
  }

  async list(prefix: string): Promise<string[]> {
    return directNames(await this.keysBelow(prefix, "list"), prefix);
  }

  async listAll(prefix: string): Promise<string[]> {
    return this.keysBelow(prefix, "listAll");
  }

  /**
   * Whether everything the work read is as it was in `state`: each key's revision (a key
   * deleted and written again has a new one), and each listing's answer.
   */
  isCurrentIn(state: Snapshot): boolean {
    for (const [key, revision] of this.reads) if ((state.get(key)?.revision ?? 0) !== revision) return false;
    for (const listing of this.listings.values()) if (observe(state, listing) !== listing.answer) return false;
    return true;
  }

  /** Keys below `prefix` at any depth as this transaction sees them, sorted; a checked listing joins the read set. */
  private async keysBelow(prefix: string, kind: "list" | "listAll", checked = true): Promise<string[]> {
    assertPrefix(prefix);
    await roundTrip();
    if (checked)
      this.listings.set(`${kind} ${prefix}`, { kind, prefix, answer: observe(this.snapshot, { kind, prefix }) });
    const keys = new Set(storedKeysBelow(this.snapshot, prefix));
    for (const [key, doc] of this.writes) {
      if (!key.startsWith(prefix)) continue;
      if (doc === null) keys.delete(key);
      else keys.add(key);
    }
    return [...keys].sort();
  }
}

/** "" (the whole store) or a safe prefix ending in "/": "p" would also match "px/...". */
function assertPrefix(prefix: string): void {
  if (prefix === "") return;
  if (!prefix.endsWith("/"))
    throw new Error(`internal error: store prefix ${JSON.stringify(prefix)} must end with "/"`);
  assertSafeKey(prefix.slice(0, -1));
}

const storedKeysBelow = (state: Snapshot, prefix: string): string[] =>
  [...state.keys()].filter((key) => key.startsWith(prefix)).sort();

/** The keys directly below `prefix` and its sub-prefixes ("p/sub" for "p/sub/c"), as `list` answers. */
function directNames(keys: readonly string[], prefix: string): string[] {
  const names = new Set(keys.map((key) => prefix + key.slice(prefix.length).split("/")[0]));
  return [...names].sort();
}

interface Listing {
  readonly kind: "list" | "listAll";
  readonly prefix: string;
  readonly answer: string;
}

/** What a listing answers in `state`, as one string to compare at the commit point. */
function observe(state: Snapshot, { kind, prefix }: Omit<Listing, "answer">): string {
  const keys = storedKeysBelow(state, prefix);
  return JSON.stringify(kind === "list" ? directNames(keys, prefix) : keys);
}
