// The store's file lock: one writer at a time across processes, stale locks taken over, bounded waits.
import lockfile from "proper-lockfile";
import { join } from "node:path";
import { CniError, ErrorCode } from "../cni/errors.js";

/**
 * A lock whose holder has not refreshed it for this long is stale (its holder died) and is
 * taken over. The holder refreshes every STALE/5, so only a process starved of CPU for ten
 * seconds loses a live lock, and then it notices and refuses to commit.
 */
export const STALE_LOCK_MS = 10_000;
const REFRESH_MS = STALE_LOCK_MS / 5;
const LOCK_DIR = "store.lock";

export type AssertLockHeld = () => void;

export async function withStoreLock<T>(dataDir: string, waitMs: number, work: (assertHeld: AssertLockHeld) => Promise<T>): Promise<T> {
  let compromised: Error | undefined;
  const options: lockfile.LockOptions = {
    lockfilePath: join(dataDir, LOCK_DIR),
    realpath: false,
    stale: STALE_LOCK_MS,
    update: REFRESH_MS,
    onCompromised: (error) => {
      compromised = error;
    },
  };
  const release = await acquire(dataDir, options, Date.now() + waitMs, waitMs);
  try {
    return await work(() => {
      if (compromised) {
        throw new CniError(ErrorCode.tryAgainLater, `lost the store lock of ${dataDir} (${compromised.message}); nothing was written`, "retry the operation");
      }
    });
  } finally {
    try {
      release();
    } catch {
      // Already released or taken over (then `compromised` said so before any commit).
    }
  }
}

/**
 * Polls with a short, jittered, growing delay: hundreds of plugins may start at once on one node.
 * Each attempt is lockSync: the async calls would start libuv's thread pool just to make one
 * directory (about 2 ms of every ADD), and the waiting between attempts is ours anyway.
 */
async function acquire(dataDir: string, options: lockfile.LockOptions, deadline: number, waitMs: number): Promise<() => void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return lockfile.lockSync(dataDir, options);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
      if (Date.now() >= deadline) {
        throw new CniError(
          ErrorCode.tryAgainLater,
          `the store in ${dataDir} stayed locked by another ippool process for ${waitMs / 1000}s`,
          `retry later; a lock whose holder died is taken over after ${STALE_LOCK_MS / 1000}s`,
        );
      }
      // The cap matters under a burst: 300 waiters polling every 50 ms burned the CPU the holder
      // needed (a 300-ADD burst on 2 cores took 60-77 s; capped at 250 ms, 26-29 s). It is reached
      // only after about a second of waiting, so a short wait still notices a release quickly.
      const delay = Math.min(2 * 1.25 ** attempt, 250) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
