// The Store contract against the disk store in a temp data dir.
import { tempDir } from "../helpers/ippool.js";
import { DiskStore } from "../../src/store/disk/disk-store.js";
import { storeContract } from "./store-contract.js";

storeContract("disk", {
  open: async () => {
    const dir = tempDir("ippool-contract-");
    return { first: new DiskStore(dir.path, 10_000), second: new DiskStore(dir.path, 10_000), cleanup: dir.remove };
  },
});
