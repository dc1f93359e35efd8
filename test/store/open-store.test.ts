// openStore: the backend a config names, built without touching it (the etcd client connects on first use).
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";

describe("openStore", () => {
  it("opens the disk store in the data dir", async () => {
    const store = await openStore({ datastore: { type: "disk" }, dataDir: "/proc/ippool-unused", lockWaitSeconds: 1 });
    expect(store.location).toBe("/proc/ippool-unused");
  });

  it("opens etcd at the endpoints and prefix the config names", async () => {
    const datastore = {
      type: "etcd" as const,
      endpoints: ["https://10.0.0.1:2379", "https://10.0.0.2:2379"],
      prefix: "/pods",
      timeoutSeconds: 5,
      caFile: "/etc/ca.pem",
    };
    const store = await openStore({
      datastore,
      dataDir: "/proc/ippool-unused",
      lockWaitSeconds: 1,
      nodename: "node-a",
    });
    expect(store.location).toBe("etcd https://10.0.0.1:2379,https://10.0.0.2:2379 prefix /pods");
  });
});
