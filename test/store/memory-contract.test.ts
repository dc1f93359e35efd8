// The Store contract against the in-memory store (two handles on one MemoryDatastore, as two processes), and its bound.
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { StoreError } from "../../src/store/store-error.js";
import { MemoryDatastore, MemoryStore } from "../../src/store/memory/memory-store.js";
import { storeContract } from "./store-contract.js";

storeContract("memory", {
  open: async () => {
    const datastore = new MemoryDatastore();
    return { first: new MemoryStore(datastore), second: new MemoryStore(datastore), cleanup: () => undefined };
  },
});

describe("MemoryStore", () => {
  it("gives up with code 11 after maxAttempts conflicts, having written nothing", async () => {
    const datastore = new MemoryDatastore();
    const other = new MemoryStore(datastore);
    const store = new MemoryStore(datastore, { maxAttempts: 2 });
    const outcome = await store
      .update(async (txn) => {
        await txn.get("counter", z.unknown());
        // Another writer commits between every run's read and its commit.
        await other.update(async (inner) => inner.put("counter", { n: Math.random() }));
        txn.put("mine", { n: 1 });
      })
      .catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(StoreError);
    expect(outcome).toMatchObject({ reason: "unavailable", message: expect.stringContaining("nothing was written") });
    expect(store.conflictsRetried).toBe(2);
    expect(Object.keys(datastore.documents())).toEqual(["counter"]);
  });
});
