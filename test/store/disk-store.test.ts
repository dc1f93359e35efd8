// DiskStore against the Store contract: a commit succeeds only on what it read, whatever the lock did; reads never write.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { string } from "zod/mini";
import { StoreError } from "../../src/store/store-error.js";
import { DiskStore } from "../../src/store/disk/disk-store.js";
import { ownIdentity } from "../../src/store/disk/process-identity.js";
import { tempDir } from "../helpers/ippool.js";
import { plantPendingCommit, snapshotFiles } from "../robustness/support.js";

const text = string();

/** A promise and the function that settles it, to hold a transaction at a chosen point. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe("DiskStore", () => {
  let dir: ReturnType<typeof tempDir>;
  const store = () => new DiskStore(dir.path, 5_000);
  const heads = () => readdirSync(join(dir.path, "commit")).filter((name) => name.startsWith("head."));

  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it("refuses with code 11 and writes nothing when another writer committed after the transaction read (a broken lock)", async () => {
    await store().update(async (txn) => txn.put("counter", "0"));
    const firstRead = gate();
    const secondRead = gate();
    const firstMayCommit = gate();
    const first = store().update(async (txn) => {
      const value = await txn.get("counter", text);
      firstRead.open();
      await firstMayCommit.opened;
      txn.put("counter", `${value}+first`);
    });
    await firstRead.opened;
    // Break the lock, so a second writer runs at the same time.
    rmSync(join(dir.path, "store.lock"), { recursive: true, force: true });
    const second = store().update(async (txn) => {
      const value = await txn.get("counter", text);
      secondRead.open();
      await first;
      // The first writer let go of "its" lock, which was the second's dir: put it back, so the
      // lock still says the second holds it and only the compare-and-swap can refuse.
      mkdirSync(join(dir.path, "store.lock"));
      writeFileSync(join(dir.path, "store.lock", "owner.json"), JSON.stringify(ownIdentity()));
      txn.put("counter", `${value}+second`);
      txn.put("second-was-here", "yes");
    });
    await secondRead.opened;
    firstMayCommit.open();
    await first;
    const error = await second.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      reason: "unavailable",
      message: "lost the store lock to another process; nothing was written; retry",
    });
    expect(
      await store().read(async (txn) => [await txn.get("counter", text), await txn.get("second-was-here", text)]),
    ).toEqual(["0+first", undefined]);
    expect(existsSync(join(dir.path, "second-was-here.json"))).toBe(false);
    // The loser's record is gone too: only the head and the winner's applied record remain.
    expect(
      readdirSync(join(dir.path, "commit")).filter((name) => !name.startsWith("head.") && !name.endsWith(".done.json")),
    ).toEqual([]);
  });

  it("refuses a writer that read a store not yet created once another writer created it and committed", async () => {
    const read = gate();
    const stale = store().update(async (txn) => {
      await txn.get("a", text);
      read.open();
      await read.opened;
      await new Promise((resolve) => setTimeout(resolve, 50));
      txn.put("a", "stale");
    });
    await read.opened;
    rmSync(join(dir.path, "store.lock"), { recursive: true, force: true });
    await store().update(async (txn) => txn.put("a", "first"));
    mkdirSync(join(dir.path, "store.lock"));
    writeFileSync(join(dir.path, "store.lock", "owner.json"), JSON.stringify(ownIdentity()));
    await expect(stale).rejects.toMatchObject({ reason: "unavailable" });
    expect(await store().read(async (txn) => txn.get("a", text))).toBe("first");
  });

  it("leaves no trace of a transaction that fails, even on a store never written", async () => {
    await expect(store().update(async () => Promise.reject(new Error("bad input")))).rejects.toThrow("bad input");
    expect(snapshotFiles(dir.path)).toEqual({});
  });

  it("moves the head for a transaction that writes a single key, as for any other commit", async () => {
    await store().update(async (txn) => txn.put("a", "1"));
    const before = heads();
    await store().update(async (txn) => txn.put("a", "2"));
    expect(heads()).toHaveLength(1);
    expect(heads()).not.toEqual(before);
  });

  it("reads a commit its writer left unapplied as applied, and changes no byte doing so", async () => {
    await store().update(async (txn) => {
      txn.put("pool/x", "old");
      txn.put("gone", "here");
    });
    plantPendingCommit(dir.path, [
      ["pool/x", "new"],
      ["gone", null],
      ["attachment/net/c1", "added"],
    ]);
    const before = snapshotFiles(dir.path);
    const seen = await store().read(async (txn) => ({
      x: await txn.get("pool/x", text),
      gone: await txn.get("gone", text),
      all: await txn.listAll(""),
      top: await txn.list(""),
    }));
    expect(seen).toEqual({
      x: "new",
      gone: undefined,
      all: ["attachment/net/c1", "pool/x"],
      top: ["attachment", "pool"],
    });
    expect(snapshotFiles(dir.path)).toEqual(before);
    // The next writer finishes it.
    await store().update(async () => undefined);
    expect(existsSync(join(dir.path, "gone.json"))).toBe(false);
    expect(existsSync(join(dir.path, "attachment/net/c1.json"))).toBe(true);
  });

  it("creates nothing when reading a store that does not exist", async () => {
    const missing = new DiskStore(join(dir.path, "nothing"), 1_000);
    expect(await missing.read(async (txn) => txn.listAll(""))).toEqual([]);
    expect(existsSync(join(dir.path, "nothing"))).toBe(false);
  });

  it("lists every key at any depth, sorted, and none of its own machinery (commit/, tmp/, the lock)", async () => {
    await store().update(async (txn) => {
      for (const key of ["pools", "pool/b", "block/b/1", "block/b/0", "attachment/n/c:eth0"]) txn.put(key, "x");
    });
    expect(await store().read(async (txn) => txn.listAll(""))).toEqual([
      "attachment/n/c:eth0",
      "block/b/0",
      "block/b/1",
      "pool/b",
      "pools",
    ]);
    expect(await store().read(async (txn) => txn.listAll("block/"))).toEqual(["block/b/0", "block/b/1"]);
  });

  it("reports a damaged commit record as a problem, and a pending one as a note", async () => {
    await store().update(async (txn) => txn.put("a", "1"));
    const record = plantPendingCommit(dir.path, [["a", "2"]]);
    expect((await store().notes()).notes.join(" ")).toMatch(
      /holds a committed change of 1 write\(s\) not yet in the files/,
    );
    writeFileSync(record, "{");
    const facts = await store().notes();
    expect(facts.problems).toEqual([
      {
        key: expect.stringMatching(/^commit\/\d+\.planted$/),
        message: expect.stringContaining(`${record} is damaged`),
      },
    ]);
    await expect(store().read(async (txn) => txn.get("a", text))).rejects.toMatchObject({ reason: "damaged" });
  });
});
