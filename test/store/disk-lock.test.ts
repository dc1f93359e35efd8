// The disk store's lock in one process: a dead or ownerless holder's lock taken over, a live one waited for, a lost one noticed.
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { string } from "zod/mini";
import { DiskStore } from "../../src/store/disk/disk-store.js";
import { GRAVE_PREFIX, LOCK_DIR, OWNERLESS_LOCK_MS } from "../../src/store/disk/lock.js";
import { currentBootId, ownIdentity } from "../../src/store/disk/process-identity.js";
import { tempDir } from "../helpers/ippool.js";

const text = string();
/** A pid no process can have: above the largest pid_max a Linux kernel allows. */
const NO_SUCH_PID = 2 ** 22 + 1;

describe("the disk store's lock", () => {
  let dir: ReturnType<typeof tempDir>;
  const lockDir = () => join(dir.path, LOCK_DIR);
  const graves = () => readdirSync(dir.path).filter((name) => name.startsWith(GRAVE_PREFIX));
  const put = (store: DiskStore, value: string) => store.update(async (txn) => txn.put("key", value));
  const stored = () => new DiskStore(dir.path, 1_000).read((txn) => txn.get("key", text));
  /** A lock dir as a holder leaves it: its owner record (none: `undefined`), made `ageMs` ago. */
  function plantLock(owner: object | undefined, ageMs = 0): void {
    mkdirSync(lockDir(), { recursive: true });
    if (owner) writeFileSync(join(lockDir(), "owner.json"), JSON.stringify(owner));
    const then = new Date(Date.now() - ageMs);
    utimesSync(lockDir(), then, then);
  }

  beforeEach(() => {
    dir = tempDir("ippool-lock-");
  });
  afterEach(() => dir.remove());

  it.each([
    ["a process that no longer runs", { pid: NO_SUCH_PID, start: "1", boot: currentBootId() }],
    ["a process of an earlier boot", { ...ownIdentity(), boot: "an-earlier-boot" }],
  ])("takes over at once the lock of %s, keeping the dead lock in a grave", async (_holder, owner) => {
    plantLock(owner);
    await put(new DiskStore(dir.path, 1_000), "written");
    expect(await stored()).toBe("written");
    expect(existsSync(lockDir())).toBe(false);
    const [grave] = graves();
    expect(readFileSync(join(dir.path, grave!, "lock", "owner.json"), "utf8")).toBe(JSON.stringify(owner));
  });

  it("takes over a lock dir left without an owner record once it is older than the bound, and sweeps graves over a minute old", async () => {
    const oldGrave = join(dir.path, `${GRAVE_PREFIX}1`);
    mkdirSync(oldGrave);
    utimesSync(oldGrave, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    plantLock(undefined, OWNERLESS_LOCK_MS + 5_000);
    await put(new DiskStore(dir.path, 1_000), "written");
    expect(await stored()).toBe("written");
    expect(graves()).toEqual([expect.not.stringMatching(/-1$/)]);
  });

  it("waits for a fresh lock dir without an owner record, then gives up with unavailable (code 11) naming the store and the wait", async () => {
    plantLock(undefined);
    await expect(put(new DiskStore(dir.path, 300), "never")).rejects.toMatchObject({
      reason: "unavailable",
      message: `the store in ${dir.path} stayed locked by another ippool process for 0.3s`,
    });
    expect(await stored()).toBeUndefined();
    expect(existsSync(lockDir())).toBe(true);
  });

  it("a writer waiting behind a live holder commits once the holder lets go, after it", async () => {
    const order: string[] = [];
    let letGo!: () => void;
    const holding = new Promise<void>((resolve) => (letGo = resolve));
    let held!: () => void;
    const isHeld = new Promise<void>((resolve) => (held = resolve));
    const first = new DiskStore(dir.path, 5_000).update(async (txn) => {
      held();
      await holding;
      txn.put("key", "first");
      order.push("first");
    });
    await isHeld;
    const second = new DiskStore(dir.path, 5_000).update(async (txn) => {
      order.push(`second read ${await txn.get("key", text)}`);
      txn.put("key", "second");
    });
    // The second writer is waiting now: the lock dir is this process's, which runs.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    letGo();
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second read first"]);
    expect(await stored()).toBe("second");
  });

  it("refuses to commit, writing nothing, when another process took the lock over during the work", async () => {
    await put(new DiskStore(dir.path, 1_000), "before");
    const taken = new DiskStore(dir.path, 1_000).update(async (txn) => {
      // As a taker that judged this process dead would: its own record in the lock dir.
      writeFileSync(join(lockDir(), "owner.json"), JSON.stringify({ ...ownIdentity(), pid: NO_SUCH_PID }));
      txn.put("key", "after");
    });
    await expect(taken).rejects.toMatchObject({
      reason: "unavailable",
      message: "lost the store lock to another process; nothing was written; retry",
    });
    expect(await stored()).toBe("before");
  });
});
