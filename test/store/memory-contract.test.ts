// The Store contract against the in-memory store: two handles on one MemoryDatastore, as two processes.
import { MemoryDatastore, MemoryStore } from "../../src/store/memory/memory-store.js";
import { storeContract } from "./store-contract.js";

storeContract("memory", {
  open: async () => {
    const datastore = new MemoryDatastore();
    return { first: new MemoryStore(datastore), second: new MemoryStore(datastore), cleanup: () => undefined };
  },
});
