// The etcd backend of Store: keys under a prefix, reads at one revision, commits as one compare-and-swap txn.
import { safeParse, type core } from "zod/mini";
import { StoreError } from "../store-error.js";
import {
  PendingWrites,
  assertSafeKey,
  shellWord,
  tagDamagedKey,
  type PrefetchHint,
  type Store,
  type StoreFacts,
  type StoreReader,
  type StoreTxn,
} from "../store.js";
import { withNodeTurn } from "./node-turn.js";
import {
  EtcdClient,
  UnknownOutcome,
  decode,
  prefixEnd,
  type Compare,
  type EtcdTls,
  type RangeReply,
  type RangeRequest,
} from "./etcd-client.js";

type KeyValue = RangeReply["kvs"][number];

export interface EtcdStoreOptions {
  readonly endpoints: readonly string[];
  /** Every key lives below it: "pool/x" is "<prefix>/pool/x". */
  readonly prefix: string;
  readonly tls?: EtcdTls;
  /** Bounds the store's talk with etcd: from its creation, and afresh once the node's turn begins. */
  readonly timeoutMs: number;
  /** How long a commit may wait for this node's turn, as the disk store waits for its lock (default timeoutMs). */
  readonly turnWaitMs?: number;
  /** What the processes of one node take turns under (node-turn.ts); the prefix unless a test plays two nodes. */
  readonly turn?: string;
}

/**
 * Conflicts are retried until the call's deadline (timeoutSeconds), not for a fixed count: each
 * one means another writer committed, so the store as a whole made progress. The pause before a
 * retry is drawn at random up to a cap that doubles per attempt ("full jitter"), so writers that
 * collided do not collide again in step.
 */
const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 200;

export class EtcdStore implements Store {
  private readonly client: EtcdClient;
  private deadline: number;
  conflictsRetried = 0;
  /** The most operations (compares, puts, deletes) one commit of this store sent: etcd refuses more than --max-txn-ops. */
  largestCommitOps = 0;

  constructor(private readonly options: EtcdStoreOptions) {
    this.deadline = Date.now() + options.timeoutMs;
    this.client = new EtcdClient({
      endpoints: options.endpoints,
      deadline: () => this.deadline,
      ...(options.tls ? { tls: options.tls } : {}),
    });
  }

  get cliFlags(): string {
    const { endpoints, prefix, tls } = this.options;
    const files = [
      ["--etcd-ca-file", tls?.caFile],
      ["--etcd-cert-file", tls?.certFile],
      ["--etcd-key-file", tls?.keyFile],
    ] as const;
    const flags = [
      ["--etcd-endpoints", endpoints.join(",")],
      ["--etcd-prefix", prefix],
      ...files.filter(([, file]) => file !== undefined),
    ];
    return flags.map(([flag, value]) => `${flag} ${shellWord(value!)}`).join(" ");
  }

  get location(): string {
    return `etcd ${this.options.endpoints.join(",")} prefix ${this.options.prefix}`;
  }

  /** The etcd key of a store key. */
  fullKey(key: string): string {
    return `${this.options.prefix}/${key}`;
  }

  async update<T>(work: (txn: StoreTxn) => Promise<T>): Promise<T> {
    // Waiting behind this node's other processes is waiting for a lock, bounded like the disk
    // store's; the talk with etcd then gets the whole timeout, so a burst of ADDs on one node is
    // not failed for the time its processes spent queueing.
    const turnDeadline = Date.now() + (this.options.turnWaitMs ?? this.options.timeoutMs);
    return withNodeTurn(this.options.turn ?? this.options.prefix, turnDeadline, () => {
      this.deadline = Date.now() + this.options.timeoutMs;
      return this.attempt(work);
    });
  }

  private async attempt<T>(work: (txn: StoreTxn) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const txn = new EtcdTxn(this, this.client);
      const value = await work(txn);
      if (txn.writes.size === 0) return value;
      if (await this.commit(txn)) return value;
      this.conflictsRetried++;
      const pause = Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
      if (Date.now() + pause >= this.deadline) {
        throw new StoreError(
          "unavailable",
          `the store changed under this transaction ${attempt} times; nothing was written; retry`,
          this.location,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  async read<T>(work: (txn: StoreReader) => Promise<T>): Promise<T> {
    return work(new EtcdTxn(this, this.client));
  }

  async notes(): Promise<StoreFacts> {
    const notes: string[] = [];
    for (const endpoint of this.options.endpoints) {
      try {
        await this.client.status(endpoint);
      } catch (error) {
        notes.push(
          `etcd member ${endpoint} does not answer (${(error as StoreError).details ?? (error as Error).message}); the cluster works while a quorum does`,
        );
      }
    }
    return { notes, problems: [] };
  }

  /** True when committed, false on a conflict; a lost reply is settled by reading back what was written. */
  private async commit(txn: EtcdTxn): Promise<boolean> {
    const puts = [...txn.writes]
      .filter(([, doc]) => doc !== null)
      .map(([key, doc]) => ({ key: this.fullKey(key), value: JSON.stringify(doc) }));
    const deletes = [...txn.writes].filter(([, doc]) => doc === null).map(([key]) => this.fullKey(key));
    const compares = txn.compares();
    this.largestCommitOps = Math.max(this.largestCommitOps, compares.length + puts.length + deletes.length);
    try {
      const reply = await this.client.txn({ compares, puts, deletes });
      return reply.succeeded === true;
    } catch (error) {
      if (!(error instanceof UnknownOutcome)) throw error;
      if (await this.landed(txn.revision, puts, deletes)) return true;
      // It may still be applied later (it can sit in the raft log): retrying the work could not
      // tell the caller what happened either, so say so; a runtime's DEL after a failed ADD cleans up.
      throw new StoreError(
        "unavailable",
        `etcd did not confirm the commit and it cannot be told whether it was applied`,
        `${error.message}; a DEL (or 'ippool release') of the same attachment cleans up if it was`,
      );
    }
  }

  /** Whether every put holds our bytes from one revision after the snapshot, and every deleted key is gone. */
  private async landed(
    snapshot: bigint | undefined,
    puts: readonly { key: string; value: string }[],
    deletes: readonly string[],
  ): Promise<boolean> {
    try {
      const revisions = new Set<bigint>();
      for (const put of puts) {
        const [kv] = (await this.client.range({ key: put.key })).kvs;
        if (kv === undefined || decode(kv.value ?? "") !== put.value || kv.mod_revision <= (snapshot ?? 0n))
          return false;
        revisions.add(kv.mod_revision);
      }
      for (const key of deletes) if ((await this.client.range({ key })).kvs.length > 0) return false;
      return revisions.size <= 1;
    } catch {
      return false;
    }
  }
}

/** What a listing saw: the etcd keys below the prefix, each with the revision it was created at. */
interface Listing {
  readonly direct: Map<string, bigint>;
  readonly subPrefixes: Set<string>;
  readonly all: boolean;
}

class EtcdTxn extends PendingWrites implements StoreTxn {
  /** The snapshot: the first range's revision, passed to every later one. */
  revision: bigint | undefined;
  private readonly modRevisions = new Map<string, bigint>();
  private readonly docs = new Map<string, unknown>();
  private readonly listings = new Map<string, Listing>();
  /** What a prefetch brought, by etcd key (undefined: found absent), and the prefixes it read whole. */
  private readonly fetched = new Map<string, KeyValue | undefined>();
  private readonly fetchedPrefixes: string[] = [];
  private readonly fetchedListings = new Map<string, KeyValue[]>();

  constructor(
    private readonly store: EtcdStore,
    private readonly client: EtcdClient,
  ) {
    super();
  }

  async get<T>(key: string, schema: core.$ZodType<T>): Promise<T | undefined> {
    if (this.writes.has(key)) return (this.writes.get(key) ?? undefined) as T | undefined;
    if (this.docs.has(key)) return this.docs.get(key) as T | undefined;
    assertSafeKey(key);
    const full = this.store.fullKey(key);
    const [kv] = this.wasFetched(full) ? [this.fetched.get(full)] : await this.range(full);
    this.modRevisions.set(full, kv?.mod_revision ?? 0n);
    const doc = parseValue(full, kv, schema, key);
    this.docs.set(key, doc);
    return doc;
  }

  /** Fetched like a prefetch (so a later get finds them), parsed, and left out of the compares. */
  async peek<T>(keys: readonly string[], schema: core.$ZodType<T>): Promise<(T | undefined)[]> {
    await this.prefetch({ keys });
    return keys.map((key) => {
      if (this.writes.has(key)) return (this.writes.get(key) ?? undefined) as T | undefined;
      if (this.docs.has(key)) return this.docs.get(key) as T | undefined;
      const full = this.store.fullKey(key);
      return parseValue(full, this.fetched.get(full), schema, key);
    });
  }

  async peekList(prefix: string): Promise<string[]> {
    return namesBelow(prefix, await this.keysBelow(prefix, false, false));
  }

  /** One txn of ranges for everything hinted that this transaction has not read yet. */
  async prefetch(hint: PrefetchHint): Promise<void> {
    const requests: RangeRequest[] = [];
    const apply: ((kvs: KeyValue[]) => void)[] = [];
    const at = this.revision !== undefined ? { revision: this.revision } : {};
    for (const key of hint.keys ?? []) {
      assertSafeKey(key);
      const full = this.store.fullKey(key);
      if (this.writes.has(key) || this.docs.has(key) || this.wasFetched(full)) continue;
      requests.push({ key: full, ...at });
      apply.push(([kv]) => this.fetched.set(full, kv));
    }
    for (const prefix of hint.documentsBelow ?? []) {
      if (!prefix.endsWith("/"))
        throw new Error(`internal error: prefetch prefix ${JSON.stringify(prefix)} must end with "/"`);
      const full = this.store.fullKey(prefix);
      if (this.fetchedPrefixes.includes(full)) continue;
      requests.push({ key: full, rangeEnd: prefixEnd(full), ...at });
      apply.push((kvs) => {
        for (const kv of kvs) this.fetched.set(decode(kv.key), kv);
        this.fetchedPrefixes.push(full);
      });
    }
    for (const prefix of hint.listings ?? []) {
      const full = this.store.fullKey(prefix);
      if (this.listings.has(full)) continue;
      requests.push({ key: full, rangeEnd: prefixEnd(full), keysOnly: true, ...at });
      apply.push((kvs) => this.fetchedListings.set(full, kvs));
    }
    if (requests.length === 0) return;
    const { revision, replies } = await this.client.ranges(requests);
    this.revision ??= revision;
    replies.forEach((kvs, index) => apply[index]!(kvs));
  }

  /** Whether a prefetch read this key: fetched by name, or below a prefix fetched whole (absent if not in `fetched`). */
  private wasFetched(full: string): boolean {
    return this.fetched.has(full) || this.fetchedPrefixes.some((prefix) => full.startsWith(prefix));
  }

  async list(prefix: string): Promise<string[]> {
    return namesBelow(prefix, await this.keysBelow(prefix, false));
  }

  async listAll(prefix: string): Promise<string[]> {
    return (await this.keysBelow(prefix, true)).sort();
  }

  /**
   * The commit's conditions: each key read still has the revision it had (0: still absent); for
   * each listing, no key created below the prefix since the snapshot, and each key or sub-prefix
   * it returned still there (a key read as well is covered by its own compare).
   */
  compares(): Compare[] {
    const compares: Compare[] = [];
    for (const [key, revision] of this.modRevisions) compares.push({ key, target: "MOD", result: "EQUAL", revision });
    for (const [full, listing] of this.listings) {
      compares.push({
        key: full,
        rangeEnd: prefixEnd(full),
        target: "CREATE",
        result: "LESS",
        revision: (this.revision ?? 0n) + 1n,
      });
      for (const [key, created] of listing.direct) {
        if (!this.modRevisions.has(key)) compares.push({ key, target: "CREATE", result: "EQUAL", revision: created });
      }
      // An empty range compares as a key with revision 0, so "greater than 0" means "not empty".
      for (const sub of listing.subPrefixes)
        compares.push({ key: sub, rangeEnd: prefixEnd(sub), target: "CREATE", result: "GREATER", revision: 0n });
    }
    return compares;
  }

  /** Store keys below `prefix` (at any depth) as this transaction sees them: stored ones plus its own writes. */
  private async keysBelow(prefix: string, all: boolean, checked = true): Promise<string[]> {
    const full = this.store.fullKey(prefix);
    const root = this.store.fullKey("");
    const kvs = (!all && this.fetchedListings.get(full)) || (await this.range(full, prefixEnd(full)));
    if (checked) this.recordListing(full, kvs, all);
    const keys = new Set(kvs.map((kv) => decode(kv.key).slice(root.length)));
    for (const [key, doc] of this.writes) {
      if (!key.startsWith(prefix)) continue;
      if (doc === null) keys.delete(key);
      else keys.add(key);
    }
    return [...keys];
  }

  private recordListing(full: string, kvs: readonly { key: string; create_revision: bigint }[], all: boolean): void {
    const direct = new Map<string, bigint>();
    const subPrefixes = new Set<string>();
    for (const kv of kvs) {
      const key = decode(kv.key);
      const slash = key.indexOf("/", full.length);
      if (all || slash < 0) direct.set(key, kv.create_revision);
      else subPrefixes.add(key.slice(0, slash + 1));
    }
    const previous = this.listings.get(full);
    this.listings.set(full, previous && previous.all ? previous : { direct, subPrefixes, all });
  }

  private async range(key: string, rangeEnd?: string) {
    const reply = await this.client.range({
      key,
      ...(rangeEnd !== undefined ? { rangeEnd, keysOnly: true } : {}),
      ...(this.revision !== undefined ? { revision: this.revision } : {}),
    });
    this.revision ??= reply.header.revision;
    return reply.kvs;
  }
}

/** The names directly below `prefix` among `keys`: a key, or the sub-prefix it lies under. */
function namesBelow(prefix: string, keys: readonly string[]): string[] {
  const names = new Set<string>();
  for (const key of keys) {
    const rest = key.slice(prefix.length);
    names.add(prefix + (rest.includes("/") ? rest.slice(0, rest.indexOf("/")) : rest));
  }
  return [...names].sort();
}

/** A stored value as its schema reads it; a damaged one is tagged with its store key, so advice can name the way out. */
function parseValue<T>(full: string, kv: KeyValue | undefined, schema: core.$ZodType<T>, key: string): T | undefined {
  if (kv === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(decode(kv.value ?? ""));
  } catch {
    throw tagDamagedKey(damagedKey(full, "not JSON"), key);
  }
  const parsed = safeParse(schema, raw);
  if (!parsed.success)
    throw tagDamagedKey(damagedKey(full, `unexpected content (${parsed.error.issues[0]?.message ?? "schema"})`), key);
  return parsed.data;
}

function damagedKey(key: string, why: string): StoreError {
  return new StoreError(
    "damaged",
    `etcd key ${key} is damaged: ${why}`,
    `inspect it with 'etcdctl get ${key}'; 'ippool verify' checks the whole store; nothing was reset`,
  );
}
