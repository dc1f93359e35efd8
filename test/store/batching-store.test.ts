// The agent's group commit: BatchingStore keeps the Store contract, and commits what queued together at once.
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { BatchingStore, type BatchReport } from "../../src/store/batching-store.js";
import { MemoryDatastore, MemoryStore } from "../../src/store/memory/memory-store.js";
import { StoreError } from "../../src/store/store-error.js";
import { storeContract } from "./store-contract.js";

const count = z.object({ n: z.number() });

storeContract("batching over memory", {
  open: async () => {
    const datastore = new MemoryDatastore();
    return {
      first: new BatchingStore(new MemoryStore(datastore)).forCall(),
      second: new BatchingStore(new MemoryStore(datastore)).forCall(),
      cleanup: () => undefined,
    };
  },
});

function batching() {
  const datastore = new MemoryDatastore();
  const batches: BatchReport[] = [];
  const store = new BatchingStore(new MemoryStore(datastore), { onBatch: (report) => batches.push(report) });
  return { datastore, store, batches };
}

describe("BatchingStore", () => {
  it("commits the updates that queued while a commit was in flight in one transaction, each seeing the ones before it", async () => {
    const { datastore, store, batches } = batching();
    const increments = Array.from({ length: 20 }, (_, index) =>
      store.forCall().update(async (txn) => {
        const current = (await txn.get("counter", count))?.n ?? 0;
        txn.put("counter", { n: current + 1 });
        txn.put(`caller/${index}`, { n: current + 1 });
        return current + 1;
      }),
    );
    const values = await Promise.all(increments);
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(datastore.documents().counter).toEqual({ n: 20 });
    // The first update commits alone; the nineteen that queued meanwhile commit together.
    expect(batches.map((batch) => batch.size)).toEqual([1, 19]);
  });

  it("leaves nothing of an update that throws, and commits the others of its batch", async () => {
    const { datastore, store } = batching();
    const first = store.forCall().update(async (txn) => txn.put("first", { n: 1 }));
    const failing = store.forCall().update(async (txn) => {
      txn.put("half-written", { n: 2 });
      throw new Error("this call fails");
    });
    const third = store.forCall().update(async (txn) => {
      expect(await txn.get("half-written", count)).toBeUndefined();
      txn.put("third", { n: 3 });
    });
    await first;
    await expect(failing).rejects.toThrow("this call fails");
    await third;
    expect(datastore.documents()).toEqual({ first: { n: 1 }, third: { n: 3 } });
  });

  it("fails every update of a batch whose commit fails, keeping none of their writes", async () => {
    const datastore = new MemoryDatastore();
    const other = new MemoryStore(datastore);
    // One attempt: a conflict is not retried, so the batch's commit fails.
    const store = new BatchingStore(new MemoryStore(datastore, { maxAttempts: 1 }));
    const blocker = store.forCall().update(async (txn) => txn.put("first", { n: 1 }));
    const batch = [1, 2, 3].map((n) =>
      store.forCall().update(async (txn) => {
        await txn.get("contended", count);
        if (n === 3) await other.update(async (inner) => inner.put("contended", { n: 99 }));
        txn.put(`mine/${n}`, { n });
      }),
    );
    await blocker;
    const outcomes = await Promise.allSettled(batch);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(StoreError);
    expect(Object.keys(datastore.documents()).sort()).toEqual(["contended", "first"]);
  });

  it("drops an update whose caller stopped waiting before its batch began", async () => {
    const { datastore, store } = batching();
    const blocker = store.forCall().update(async (txn) => txn.put("first", { n: 1 }));
    let wanted = true;
    const abandoned = store.forCall(() => wanted).update(async (txn) => txn.put("late", { n: 2 }));
    wanted = false;
    await blocker;
    await expect(abandoned).rejects.toMatchObject({ reason: "unavailable" });
    expect(datastore.documents()).toEqual({ first: { n: 1 } });
  });
});
