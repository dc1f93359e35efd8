// The store's lock: writers take turns, a provably dead holder's lock is taken over by exactly one waiter, waits are bounded.
import lockfile from "proper-lockfile";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  utimesSync,
  watch,
  writeFileSync,
  type FSWatcher,
} from "node:fs";
import { join } from "node:path";
import { StoreError } from "../store-error.js";
import { isRunning, ownIdentity, parseIdentity } from "./process-identity.js";
import { removeFile } from "./state-file.js";

export const LOCK_DIR = "store.lock";
/** Written by the holder right after it made the lock dir: who holds it. */
const OWNER_FILE = "owner.json";
/** Takers move a dead holder's lock dir into `store.lock.stale-<inode>/` (see takeOverIfDead). */
export const GRAVE_PREFIX = `${LOCK_DIR}.stale-`;
/**
 * A lock dir without an owner record (its holder died between making the dir and writing the
 * record, or a version before owner records made it) is stale once it is this old.
 */
export const OWNERLESS_LOCK_MS = 10_000;
const GRAVE_KEEP_MS = 60_000;
/** Liveness is judged by the owner record, never by age: proper-lockfile's own stale takeover and refresh timer stay off. */
const NEVER_MS = 2 ** 30;
/**
 * The calls proper-lockfile's sync API makes, handed to it as they are: without its `fs` option it
 * copies every property of node:fs, whose lazy ReadStream getter then loads the stream modules
 * into every Node exec (measured in docs/performance.md).
 */
const LOCK_FS = { mkdirSync, realpathSync, statSync, rmdirSync, utimesSync };
/** Without an event (a missed inotify event, a file system without inotify) a waiter still looks this often. */
const FALLBACK_POLL_MS = 500;
/**
 * A waiter listens for the release only this long. Every listener wakes at every release, so in a
 * burst hundreds of them took the CPU the holder needed, and a burst of ADDs ran slower than with
 * plain polling (docs/performance.md). After the window a waiter polls instead, with a jittered delay that
 * grows to POLL_CAP_MS; a short wait still learns of a release at once.
 */
const LISTEN_WINDOW_MS = 200;
const POLL_CAP_MS = 250;

export type AssertLockHeld = () => void;

export async function withStoreLock<T>(
  dataDir: string,
  waitMs: number,
  work: (assertHeld: AssertLockHeld) => Promise<T>,
): Promise<T> {
  const lockPath = join(dataDir, LOCK_DIR);
  const ownerPath = join(lockPath, OWNER_FILE);
  const release = await acquire(dataDir, lockPath, ownerPath, waitMs);
  const record = JSON.stringify(ownIdentity());
  try {
    return await work(() => {
      // A courtesy check before a commit: the commit's compare-and-swap is what keeps the data safe.
      if (readOwnerText(ownerPath) !== record) throw lostLock(dataDir);
    });
  } finally {
    if (readOwnerText(ownerPath) === record) {
      removeFile(ownerPath);
      try {
        release();
      } catch {
        // The dir is gone or not empty: it is no longer ours to remove.
      }
    }
  }
}

export function lostLock(dataDir: string): StoreError {
  return new StoreError(
    "unavailable",
    "lost the store lock to another process; nothing was written; retry",
    `another ippool process committed to the store in ${dataDir} first`,
  );
}

/**
 * Each attempt is lockSync (the async calls would start libuv's thread pool just to make one
 * directory). A waiter sleeps until the data dir changes (inotify through fs.watch, made only
 * once there is something to wait for), so it learns of a release at once instead of polling.
 */
async function acquire(dataDir: string, lockPath: string, ownerPath: string, waitMs: number): Promise<() => void> {
  const started = Date.now();
  const deadline = started + waitMs;
  const options: lockfile.LockOptions = {
    lockfilePath: lockPath,
    realpath: false,
    stale: NEVER_MS,
    update: NEVER_MS,
    fs: LOCK_FS,
  };
  let waiter: ReleaseWaiter | undefined;
  let polls = 0;
  try {
    for (;;) {
      try {
        const release = lockfile.lockSync(dataDir, options);
        if (claimOwnership(ownerPath, release)) return release;
        // A taker moved our dir away while we were paused and made its own: not ours to remove.
      } catch (error) {
        // ENOENT: our new dir was moved into a grave before proper-lockfile's mtime probe ran
        // (we were stopped past the bound right after mkdir); it is not ours any more.
        if (!["ELOCKED", "ENOENT"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
      }
      if (takeOverIfDead(dataDir, lockPath)) continue;
      if (Date.now() >= deadline) {
        throw new StoreError(
          "unavailable",
          `the store in ${dataDir} stayed locked by another ippool process for ${waitMs / 1000}s`,
          `retry later; the lock of a process that died is taken over at once (one left without an owner record after ${OWNERLESS_LOCK_MS / 1000}s)`,
        );
      }
      const left = deadline - Date.now();
      if (Date.now() - started < LISTEN_WINDOW_MS) {
        waiter ??= new ReleaseWaiter(dataDir, lockPath);
        await waiter.next(Math.min(FALLBACK_POLL_MS, left));
      } else {
        waiter?.close();
        waiter = undefined;
        polls++;
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(left, Math.min(2 * 1.25 ** polls, POLL_CAP_MS) * (0.5 + Math.random()))),
        );
      }
    }
  } finally {
    waiter?.close();
  }
}

/** Exclusive create of the owner record; false when the dir at our path is no longer the one we made. */
function claimOwnership(ownerPath: string, release: () => void): boolean {
  try {
    writeFileSync(ownerPath, JSON.stringify(ownIdentity()), { flag: "wx", mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST" && (error as NodeJS.ErrnoException).code !== "ENOENT") {
      // A full disk: leave no half-written record, which would read as a lock without owner.
      removeFile(ownerPath);
      release();
      throw error;
    }
    // EEXIST: a taker made its own dir at our path; ENOENT: a taker moved ours into a grave (we
    // were stopped longer than the bound between making the dir and writing this record).
    return false;
  }
}

function readOwnerText(ownerPath: string): string | undefined {
  try {
    return readFileSync(ownerPath, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock dir away from a holder that is provably dead (its owner record names a process
 * that no longer runs), or from one that left no owner record and is older than the bound.
 * Exactly one taker wins: the grave is named after the judged dir's inode, and only one mkdir of
 * it succeeds; the inode cannot be reused while the dir lives on inside the grave. (proper-
 * lockfile's own stat-rmdir-mkdir lets a late taker remove the lock a faster one just made, so
 * two takers can both win.) Returns true when the caller should retry at once.
 */
function takeOverIfDead(dataDir: string, lockPath: string): boolean {
  const judged = judgeLock(lockPath);
  if (judged === "gone") return true;
  if (judged === "live") return false;
  const grave = join(dataDir, `${GRAVE_PREFIX}${judged.ino}`);
  try {
    mkdirSync(grave, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  // Still the instance we judged? An inode freed by a normal release is reused at once by the
  // next holder's mkdir, so the owner record must match too. A dead holder's lock cannot change
  // any more, and other takers stop at the grave, so what we checked is what we move.
  const again = judgeLock(lockPath);
  if (typeof again === "object" && again.ino === judged.ino && again.ownerText === judged.ownerText) {
    try {
      renameSync(lockPath, join(grave, "lock"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  } else rmSync(grave, { recursive: true, force: true });
  sweepGraves(dataDir);
  return true;
}

/** "gone" (retry at once), "live" (wait), or the dead lock's inode and owner record. */
function judgeLock(lockPath: string): "gone" | "live" | { ino: number; ownerText: string | undefined } {
  const stat = statSync(lockPath, { throwIfNoEntry: false });
  if (!stat) return "gone";
  const ownerText = readOwnerText(join(lockPath, OWNER_FILE));
  const owner = ownerText === undefined ? undefined : parseIdentity(safeJson(ownerText));
  if (owner ? isRunning(owner) : Date.now() - stat.mtimeMs < OWNERLESS_LOCK_MS) return "live";
  return { ino: stat.ino, ownerText };
}

/** Graves are kept a minute so a taker that judged the same dir and was slow finds its grave taken. */
function sweepGraves(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (!name.startsWith(GRAVE_PREFIX)) continue;
    const path = join(dataDir, name);
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > GRAVE_KEEP_MS) rmSync(path, { recursive: true, force: true });
  }
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Wakes a waiter when the lock dir is removed. Hundreds of waiters all trying at a release would
 * take the CPU the next holder needs, so each tries after a random delay of up to WAKE_SPREAD_MS,
 * and one that sees the lock dir made again before its delay ran out goes back to sleep: at a
 * release only the first few try, the rest see one inotify event each and sleep on.
 */
const WAKE_SPREAD_MS = 10;

class ReleaseWaiter {
  private readonly watcher: FSWatcher | undefined;
  private onChange: ((free: boolean) => void) | undefined;

  constructor(dataDir: string, lockPath: string) {
    try {
      this.watcher = watch(dataDir, { persistent: false }, (_event, name) => {
        if (name === LOCK_DIR) this.onChange?.(!existsSync(lockPath));
      });
      this.watcher.on("error", () => undefined);
    } catch {
      this.watcher = undefined;
    }
  }

  next(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, timeoutMs));
      let retry: NodeJS.Timeout | undefined;
      const waiter = this;
      function done() {
        clearTimeout(timer);
        clearTimeout(retry);
        waiter.onChange = undefined;
        resolve();
      }
      this.onChange = (free) => {
        clearTimeout(retry);
        retry = free ? setTimeout(done, Math.random() * WAKE_SPREAD_MS) : undefined;
      };
    });
  }

  close(): void {
    this.watcher?.close();
  }
}
