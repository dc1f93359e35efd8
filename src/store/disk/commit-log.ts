// The store's generation and commit records: the compare-and-swap every disk commit goes through, whatever the lock did.
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { damagedFile, readStateFile, removeFile, syncPath, tempOwnerPid, writeStateFile } from "./state-file.js";
import { lostLock } from "./lock.js";
import { StoreError, isDamage } from "../store-error.js";
import { ownIdentity, parseIdentity, type ProcessIdentity } from "./process-identity.js";

export const COMMIT_DIR = "commit";
const HEAD_PREFIX = "head.";
const INITIAL_ID = "init";
const DONE_SUFFIX = ".done.json";
/** Unlike a document file, the commit log must not be removed: its last commit may not be in the files yet. */
const COMMIT_ADVICE =
  "the file was left as it is; run 'ippool verify' to list every problem, then restore the commit/ directory from a " +
  "backup. Do not remove it: it holds the store's " +
  "last commit, which may not be in the state files yet, and an address that commit handed out would be handed out again";

/** The current generation: `commit/head.<n>.<id>`, an empty file that only a commit's rename moves. */
export interface Head {
  readonly n: number;
  readonly id: string;
  /** Names in commit/ when the head was read, for the sweep and the notes. */
  readonly names: readonly string[];
}

/** A write: the new document, or null for a delete. */
export type Writes = Map<string, unknown>;

export interface CommitRecord {
  readonly file: string;
  /** Renamed to `.done.json` once its writes are in place (not yet necessarily on disk). */
  readonly applied: boolean;
  readonly owner: ProcessIdentity;
  readonly writes: Writes;
}

/**
 * Layout, all inside the data dir's commit/ (made once, with its first head inside, never removed):
 *   head.<n>.<id>          generation n, committed by the record <n>.<id>
 *   <n>.<id>.json          that record: every write not yet known to be on disk, kept until it is
 *   <n>.<id>.done.json     the same once its writes are in place
 * A commit writes its record, then renames the head from the generation it read to its own. A
 * rename whose source is gone fails, so of two writers that read the same generation exactly one
 * moves it; a writer whose generation was passed long ago finds no head of that name, and since
 * generations only grow, the name never comes back.
 */
export class CommitLog {
  readonly dir: string;

  constructor(
    private readonly dataDir: string,
    private readonly tempDir: string,
  ) {
    this.dir = join(dataDir, COMMIT_DIR);
  }

  /** The current head; generation 0 with id "" for a store whose commit/ was never made. */
  head(): Head {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { n: 0, id: "", names: [] };
      throw error;
    }
    const head = names.find((name) => name.startsWith(HEAD_PREFIX));
    if (head === undefined) throw damagedFile(this.dir, "no head.<generation> file (removed by hand?)", COMMIT_ADVICE);
    const [n, ...id] = head.slice(HEAD_PREFIX.length).split(".");
    return { n: Number(n), id: id.join("."), names };
  }

  /** True while no commit has moved the head since `head` was read. */
  isCurrent(head: Head): boolean {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return head.id === "";
      throw error;
    }
    return head.id !== "" && names.includes(headName(head.n, head.id));
  }

  /** Makes commit/ with generation 0 inside, by one rename, so no writer ever sees it without a head. */
  create(): void {
    const staging = join(this.tempDir, `${process.pid}.commit-${Math.random().toString(16).slice(2, 10)}`);
    mkdirSync(staging, { recursive: true, mode: 0o700 });
    writeStateFile(join(staging, headName(0, INITIAL_ID)), null, this.tempDir, "durable");
    try {
      renameSync(staging, this.dir);
      syncPath(this.dataDir);
    } catch (error) {
      // Someone else made it first (a non-empty target cannot be replaced).
      rmSync(staging, { recursive: true, force: true });
      if (!["EEXIST", "ENOTEMPTY"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    }
  }

  /** The head's record, if any; damaged is an error naming the file. */
  record(head: Head): CommitRecord | undefined {
    const file = this.recordFile(head);
    if (file === undefined) return undefined;
    let data: { owner?: unknown; writes?: unknown } | undefined;
    try {
      data = readStateFile(file) as typeof data;
    } catch (error) {
      if (isDamage(error)) throw new StoreError("damaged", error.message, COMMIT_ADVICE);
      throw error;
    }
    if (data === undefined) return undefined;
    const owner = parseIdentity(data.owner);
    const valid =
      owner &&
      Array.isArray(data.writes) &&
      data.writes.every((entry) => Array.isArray(entry) && typeof entry[0] === "string");
    if (!valid) throw damagedFile(file, "not a commit record (no owner or no list of writes)", COMMIT_ADVICE);
    return { file, applied: file.endsWith(DONE_SUFFIX), owner, writes: new Map(data.writes as [string, unknown][]) };
  }

  recordFile(head: Head): string | undefined {
    const name = head.names.find((entry) => entry.startsWith(`${head.n}.${head.id}.`) && entry.endsWith(".json"));
    return name === undefined ? undefined : join(this.dir, name);
  }

  /**
   * The commit point. The record is on disk before the head moves, and the head's move is on
   * disk before this returns. A writer that lost the race removes its record and gets code 11.
   */
  commit(read: Head, writes: Writes): Head {
    // A store read before commit/ existed is made now, not before: a transaction that fails
    // leaves no trace. Generation 0 was what it read; if anyone committed since, its head is gone.
    if (read.id === "") this.create();
    const base = read.id === "" ? { ...read, id: INITIAL_ID } : read;
    const n = base.n + 1;
    const id = `${process.pid}-${Math.random().toString(16).slice(2, 10)}`;
    const file = join(this.dir, `${n}.${id}.json`);
    writeStateFile(file, { owner: ownIdentity(), writes: [...writes] }, this.tempDir, "durable");
    try {
      renameSync(join(this.dir, headName(base.n, base.id)), join(this.dir, headName(n, id)));
    } catch (error) {
      removeFile(file);
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw lostLock(this.dataDir);
      throw error;
    }
    syncPath(this.dir);
    return { n, id, names: [headName(n, id), `${n}.${id}.json`] };
  }

  /** After a commit by this process: its record's writes are in the files now. */
  markApplied(head: Head): void {
    const file = join(this.dir, `${head.n}.${head.id}.json`);
    renameSync(file, file.replace(/\.json$/, DONE_SUFFIX));
  }

  /** Once its writes are on disk a record is no longer needed: the head alone means "all applied". */
  drop(record: CommitRecord): void {
    removeFile(record.file);
    removeFile(record.file.replace(/\.json$/, DONE_SUFFIX));
  }

  /**
   * Removes what lost writers left: records of passed generations that are not the head's.
   * Records of a later generation belong to a writer that has not reached its commit point yet
   * (a live one if the lock was taken from it): they are left to it.
   */
  sweep(head: Head): void {
    for (const name of head.names) {
      if (name.startsWith(HEAD_PREFIX) || name.startsWith(`${head.n}.${head.id}.`)) continue;
      if (Number(name.split(".")[0]) > head.n) continue;
      rmSync(join(this.dir, name), { recursive: true, force: true });
    }
  }
}

const headName = (n: number, id: string): string => `${HEAD_PREFIX}${n}.${id}`;

/** Temp files whose writer no longer runs (its pid opens the name): any other writer's would be live. */
export function sweepTemps(tempDir: string): void {
  let names: string[];
  try {
    names = readdirSync(tempDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!isPidRunning(tempOwnerPid(name))) rmSync(join(tempDir, name), { recursive: true, force: true });
  }
}

function isPidRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
