// The disk backend of Store: one file per key under the data dir, every commit a compare-and-swap on the store's generation.
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { StoreError, isDamage } from "../store-error.js";
import { assertSafeKey, shellWord, type Store, type StoreFacts, type StoreReader, type StoreTxn } from "../store.js";
import { removeFile, syncPath, writeStateFile } from "./state-file.js";
import { withStoreLock } from "./lock.js";
import { CommitLog, sweepTemps, type CommitRecord, type Head, type Writes } from "./commit-log.js";
import { DiskTxn, isReservedName } from "./disk-txn.js";
import { currentBootId, isRunning, ownIdentity } from "./process-identity.js";

const TEMP_DIR = "tmp";
/**
 * A commit record carries forward the writes of earlier commits until they are known to be on
 * disk, so applying a commit needs no fsync per file. Past this many keys the next writer
 * fsyncs them all once (a checkpoint) and starts a fresh record.
 */
const CHECKPOINT_KEYS = 32;
const READ_RETRY_MS = 5;

/**
 * update: lock, settle what the last commit left, run the work, commit through CommitLog (the
 * compare-and-swap on the generation it read, whatever the lock did), then apply the writes to
 * their files. read: no lock and no write; the files overlaid by the head's record, run again
 * if a commit moved the head meanwhile, so it always sees one generation.
 */
export class DiskStore implements Store {
  private readonly log: CommitLog;

  constructor(
    readonly dataDir: string,
    private readonly lockWaitMs: number,
  ) {
    this.log = new CommitLog(dataDir, this.tempDir);
  }

  get location(): string {
    return this.dataDir;
  }

  get cliFlags(): string {
    return `--data-dir ${shellWord(this.dataDir)}`;
  }

  private createDataDir(): void {
    try {
      mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") {
        const hint = "give the directory that holds the store";
        throw new StoreError("io", `data dir ${this.dataDir} is not a directory`, hint);
      }
      if (code === "ENOTDIR") {
        const message = `cannot create data dir ${this.dataDir}: a part of its path is not a directory`;
        throw new StoreError("io", message);
      }
      throw error;
    }
  }

  /** Writers take turns under the lock; a commit that loses its compare-and-swap answers code 11 instead of running again. */
  readonly conflictsRetried = 0;

  /** Temp files of writes in flight, each named after its writer's pid; the next writer sweeps dead ones'. */
  private get tempDir(): string {
    return join(this.dataDir, TEMP_DIR);
  }

  pathOf(key: string): string {
    assertSafeKey(key);
    return join(this.dataDir, `${key}.json`);
  }

  async update<T>(work: (txn: StoreTxn) => Promise<T>): Promise<T> {
    // A store comes into being with its first write: a call that fails or writes nothing (an ADD
    // refused for want of a pool, a reclaim with nothing to do) leaves no empty directory behind.
    // The work may run again under the lock: it is pure (the Store contract).
    if (!existsSync(this.dataDir)) {
      const preview = new DiskTxn(this.dataDir);
      const value = await work(preview);
      if (preview.writes.size === 0) return value;
    }
    this.createDataDir();
    return withStoreLock(this.dataDir, this.lockWaitMs, async (assertHeld) => {
      const base = this.log.head();
      const carried = this.settle(base);
      this.log.sweep(base);
      sweepTemps(this.tempDir);
      const txn = new DiskTxn(this.dataDir);
      const value = await work(txn);
      if (txn.writes.size === 0) return value;
      assertHeld();
      const next = this.log.commit(base, new Map([...carried, ...txn.writes]));
      // The head's move was the commit point: the change is durable now. Failing to apply it
      // (say the disk filled up in between) must not tell the caller it failed, or an ADD would
      // report an error for an address it took; the next writer finishes it.
      try {
        this.apply(txn.writes);
        this.log.markApplied(next);
        // The new record carries what the previous one held.
        const previous = this.log.recordFile(base);
        if (previous) removeFile(previous);
      } catch {
        // Left for the next writer, which re-applies the record.
      }
      return value;
    });
  }

  async read<T>(work: (txn: StoreReader) => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.lockWaitMs;
    for (;;) {
      const head = this.log.head();
      const record = this.log.record(head);
      // A record listed but gone when read was renamed or dropped meanwhile: look again.
      if (record || this.log.recordFile(head) === undefined) {
        // An applied record of this boot says what the files say, unless someone edited them by hand since: the files win.
        const overlay = record && (!record.applied || record.owner.boot !== currentBootId()) ? record : undefined;
        const value = await work(new DiskTxn(this.dataDir, overlay?.writes, overlay?.file));
        if (this.log.isCurrent(head)) return value;
      }
      if (Date.now() >= deadline) {
        throw new StoreError(
          "unavailable",
          `the store in ${this.dataDir} changed under every read for ${this.lockWaitMs / 1000}s`,
          "retry later",
        );
      }
      await new Promise((resolve) => setTimeout(resolve, READ_RETRY_MS * (0.5 + Math.random())));
    }
  }

  /**
   * Brings the files in line with the head's record and says which of its writes to carry into
   * the next record (those not yet known to be on disk).
   */
  private settle(head: Head): Writes {
    const record = this.log.record(head);
    if (!record) return new Map();
    const sameBoot = record.owner.boot === currentBootId();
    if (!record.applied && isRunning(record.owner) && record.owner.pid !== ownIdentity().pid) {
      // Only possible when the lock was taken from a live writer: writing on top of it now would
      // let its late renames overwrite ours.
      throw new StoreError(
        "unavailable",
        `process ${record.owner.pid} is still applying its commit to the store in ${this.dataDir}; nothing was written`,
        "retry later",
      );
    }
    // After a crash (the writer died mid-apply) or a reboot (the applied files may not have
    // reached the disk), every write of the record is made again, this time durably.
    if (!record.applied || !sameBoot) {
      this.apply(record.writes);
      this.checkpoint(record);
      return new Map();
    }
    if (record.writes.size > CHECKPOINT_KEYS) {
      this.checkpoint(record);
      return new Map();
    }
    return record.writes;
  }

  /** fsync every file the record wrote and their directories, then drop the record. */
  private checkpoint(record: CommitRecord): void {
    const dirs = new Set<string>();
    for (const key of record.writes.keys()) {
      const path = this.pathOf(key);
      if (record.writes.get(key) !== null) syncPath(path);
      dirs.add(dirname(path));
    }
    for (const dir of dirs) syncPath(dir);
    this.log.drop(record);
  }

  private apply(writes: Writes): void {
    for (const [key, doc] of writes) {
      if (doc === null) removeFile(this.pathOf(key));
      else writeStateFile(this.pathOf(key), doc, this.tempDir, "cached");
    }
  }

  async notes(): Promise<StoreFacts> {
    const facts: StoreFacts = { notes: [], problems: [] };
    if (!existsSync(this.dataDir)) return facts;
    const strangers: string[] = [];
    const temps: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const rel = relative(this.dataDir, join(dir, entry.name)).split(sep).join("/");
        if (dir === this.dataDir && entry.name === TEMP_DIR)
          temps.push(...readdirSync(join(dir, entry.name)).map((name) => `${TEMP_DIR}/${name}`));
        else if (dir === this.dataDir && isReservedName(entry.name)) continue;
        else if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (!entry.name.endsWith(".json")) strangers.push(rel);
      }
    };
    walk(this.dataDir);
    if (strangers.length > 0) facts.notes.push(`file(s) that ippool did not write, ignored: ${strangers.join(", ")}`);
    if (temps.length > 0) {
      facts.notes.push(
        `${temps.length} temporary file(s) left by killed writes (never read; the next ippool write removes them): ${temps.slice(0, 5).join(", ")}${temps.length > 5 ? ", ..." : ""}`,
      );
    }
    try {
      const head = this.log.head();
      const record = this.log.record(head);
      if (record && !record.applied) {
        const file = relative(this.dataDir, record.file);
        const who = isRunning(record.owner)
          ? `process ${record.owner.pid} is applying it`
          : "its writer died before it was applied; the next ippool write applies it";
        facts.notes.push(
          `${file} holds a committed change of ${record.writes.size} write(s) not yet in the files (${who}); it was checked as applied`,
        );
      }
    } catch (error) {
      if (!isDamage(error)) throw error;
      const file = relative(this.dataDir, this.log.recordFile(this.log.head()) ?? this.log.dir);
      facts.problems.push({
        key: file.replace(/\.json$/, ""),
        message: `${error.message} (every ippool call fails until it is restored or removed)`,
      });
    }
    return facts;
  }
}
