// The disk backend of Store: one file per key under the data dir, multi-key commits through a redo journal.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { safeParse, type core } from "zod/mini";
import { assertSafeKey, type Store, type StoreReader, type StoreTxn } from "./store.js";
import { damagedFile, readStateFile, removeStateFile, writeStateFile } from "./state-file.js";
import { withStoreLock, type AssertLockHeld } from "./lock.js";

const JOURNAL = "journal.json";
const TEMP_DIR = "tmp";
/** A pending write: the new document, or null for a delete. */
type Writes = Map<string, unknown>;

/**
 * A transaction that writes one key renames one file into place. One that writes several
 * first persists all of them in the journal (its rename is the commit point), applies them,
 * then removes the journal; a crash in between is finished by the next process to take the lock.
 */
export class DiskStore implements Store {
  constructor(
    readonly dataDir: string,
    private readonly lockWaitMs: number,
  ) {}

  get location(): string {
    return this.dataDir;
  }

  async notes(): Promise<string[]> {
    const notes: string[] = [];
    if (existsSync(join(this.dataDir, JOURNAL))) notes.push(`${JOURNAL} holds a commit not yet applied; the next write applies it`);
    if (existsSync(this.tempDir) && readdirSync(this.tempDir).length > 0) notes.push(`${TEMP_DIR}/ holds temp files of a killed writer; the next write sweeps them`);
    return notes;
  }

  /** Temp files of writes in flight; only the lock holder writes, so any found on taking the lock are a dead writer's. */
  private get tempDir(): string {
    return join(this.dataDir, TEMP_DIR);
  }

  pathOf(key: string): string {
    assertSafeKey(key);
    return join(this.dataDir, `${key}.json`);
  }

  async update<T>(work: (txn: StoreTxn) => Promise<T>): Promise<T> {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    return withStoreLock(this.dataDir, this.lockWaitMs, async (assertHeld) => {
      this.replayJournal();
      rmSync(this.tempDir, { recursive: true, force: true });
      const txn = new DiskTxn(this);
      const value = await work(txn);
      this.commit(txn.writes, assertHeld);
      return value;
    });
  }

  async read<T>(work: (txn: StoreReader) => Promise<T>): Promise<T> {
    // A store that was never written holds nothing; reading it must not create it.
    if (!existsSync(this.dataDir)) return work(new DiskTxn(this));
    return withStoreLock(this.dataDir, this.lockWaitMs, async () => {
      this.replayJournal();
      return work(new DiskTxn(this));
    });
  }

  private commit(writes: Writes, assertHeld: AssertLockHeld): void {
    if (writes.size === 0) return;
    assertHeld();
    if (writes.size === 1) {
      const [[key, doc]] = writes;
      return this.apply(key, doc);
    }
    const journalPath = join(this.dataDir, JOURNAL);
    writeStateFile(journalPath, { writes: [...writes] }, this.tempDir);
    // The journal's rename was the commit point: the change is durable now. Failing to apply it
    // (say the disk filled up in between) must not tell the caller it failed, or an ADD would
    // report an error for an address it took; the next process to take the lock finishes it.
    try {
      for (const [key, doc] of writes) this.apply(key, doc);
      removeStateFile(journalPath);
    } catch {
      return;
    }
  }

  private apply(key: string, doc: unknown): void {
    if (doc === null) removeStateFile(this.pathOf(key));
    else writeStateFile(this.pathOf(key), doc, this.tempDir);
  }

  /** Finishes a commit that a killed process left half applied. Re-applying is harmless. */
  private replayJournal(): void {
    const journalPath = join(this.dataDir, JOURNAL);
    const journal = readStateFile(journalPath) as { writes?: unknown } | undefined;
    if (journal === undefined) return;
    if (!Array.isArray(journal.writes)) throw damagedFile(journalPath, "journal has no list of writes");
    for (const entry of journal.writes as [string, unknown][]) this.apply(entry[0], entry[1]);
    removeStateFile(journalPath);
  }
}

class DiskTxn implements StoreTxn {
  readonly writes: Writes = new Map();
  private readonly cache = new Map<string, unknown>();

  constructor(private readonly store: DiskStore) {}

  async get<T>(key: string, schema: core.$ZodType<T>): Promise<T | undefined> {
    if (this.writes.has(key)) return (this.writes.get(key) ?? undefined) as T | undefined;
    if (this.cache.has(key)) return this.cache.get(key) as T | undefined;
    const path = this.store.pathOf(key);
    const raw = readStateFile(path);
    let doc: T | undefined;
    if (raw !== undefined) {
      const parsed = safeParse(schema, raw);
      if (!parsed.success) throw damagedFile(path, `unexpected content (${parsed.error.issues[0]?.message ?? "schema"})`);
      doc = parsed.data;
    }
    this.cache.set(key, doc);
    return doc;
  }

  async list(prefix: string): Promise<string[]> {
    const dir = this.store.pathOf(prefix.replace(/\/$/, "")).replace(/\.json$/, "");
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    // Sub-prefixes (directories) are listed too, so "attachment/" yields its networks.
    const keys = new Set(
      entries
        .filter((entry) => entry.isDirectory() || entry.name.endsWith(".json"))
        .map((entry) => prefix + (entry.isDirectory() ? entry.name : entry.name.slice(0, -".json".length))),
    );
    for (const [key, doc] of this.writes) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      if (rest.includes("/")) keys.add(prefix + rest.slice(0, rest.indexOf("/")));
      else if (doc === null) keys.delete(key);
      else keys.add(key);
    }
    return [...keys].sort();
  }

  async listAll(prefix: string): Promise<string[]> {
    const all: string[] = [];
    for (const key of await this.list(prefix)) {
      const hasChildren = this.isDirectory(key) || [...this.writes].some(([written, doc]) => doc !== null && written.startsWith(`${key}/`));
      if (hasChildren) all.push(...(await this.listAll(`${key}/`)));
      else all.push(key);
    }
    return all.sort();
  }

  private isDirectory(key: string): boolean {
    try {
      return statSync(this.store.pathOf(key).replace(/\.json$/, "")).isDirectory();
    } catch {
      return false;
    }
  }

  put(key: string, doc: unknown): void {
    assertSafeKey(key);
    this.writes.set(key, doc);
  }

  delete(key: string): void {
    assertSafeKey(key);
    this.writes.set(key, null);
  }
}
