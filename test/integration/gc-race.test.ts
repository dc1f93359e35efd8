// GC decides from one read and releases in later transactions: a container DEL'd and ADDed again in between keeps its new address.
import { describe, expect, it } from "vitest";
import { DiskStore } from "../../src/store/disk/disk-store.js";
import { assignAddresses } from "../../src/ipam/assign.js";
import { attachmentId, attachmentKey, attachmentSchema } from "../../src/ipam/store-documents.js";
import { ownerOf, offsetOf } from "../../src/ipam/block-state.js";
import { findStale, releaseAttachment } from "../../src/ipam/release.js";
import { parsePoolDocument } from "../../src/pool/resource.js";
import { execCli, netconf } from "../helpers/ippool.js";
import { addressesOf, inlinePool, run, useDataDir } from "./support.js";

const dir = useDataDir();
const NODE = "node-a";
const ID = attachmentId("gcnet", "ctr-1", "eth0");

describe("GC racing a DEL and re-ADD of the same attachment", () => {
  it("releases only the allocation it saw (transactions interleaved over a real disk store)", async () => {
    const store = new DiskStore(dir.path, 5000);
    const pool = parsePoolDocument(inlinePool("10.63.0.0/24"), "pool").pool;
    const add = (handle: string) =>
      store.update((txn) =>
        assignAddresses(txn, {
          network: "gcnet",
          containerId: "ctr-1",
          ifname: "eth0",
          node: NODE,
          handle,
          families: [{ family: 4, candidates: [pool] }],
          allocatedAt: new Date().toISOString(),
        }),
      );
    await add("first");
    // GC reads: ctr-1 is not in the runtime's list, so it is stale...
    const stale = await store.read((txn) => findStale(txn, "gcnet", NODE, []));
    expect(stale.map((doc) => doc.handle)).toEqual(["first"]);
    // ...then the runtime DELs it and ADDs a container with the same attachment id...
    await store.update((txn) => releaseAttachment(txn, ID));
    const again = await add("second");
    // ...and only then does GC's release run.
    const released = await store.update((txn) => releaseAttachment(txn, ID, stale[0]!.handle));
    expect(released).toBeUndefined();

    const kept = await store.read(async (txn) => {
      const doc = await txn.get(attachmentKey(ID), attachmentSchema);
      const address = doc!.addresses[0]!;
      return { doc, owner: await ownerOf(txn, address.pool, offsetOf(address.pool, address.address)) };
    });
    expect(kept.doc).toEqual(again);
    expect(kept.owner).toEqual({ attachment: ID, handle: "second" });
    // The transactions above ran on a DiskStore whatever datastore the run tests, so verify checks that data dir.
    const verify = await execCli(["verify", "--data-dir", dir.path]);
    expect(verify.stdout).toMatch(/ok: no problems found/);
  });

  it("as processes: GCs with an empty live list racing DEL and re-ADD leave every attachment whole or gone, never half-freed", async () => {
    const conf = netconf("1.1.0", { dataDir: dir.path, ipPools: [inlinePool("10.64.0.0/24")], lockWaitSeconds: 300 });
    const env = { NODENAME: NODE };
    const ids = ["r-0", "r-1", "r-2"];
    for (const containerId of ids) expect((await run("ADD", conf, { containerId, env })).code).toBe(0);
    const gcs: Promise<unknown>[] = [];
    const told = new Map<string, string[]>();
    for (let round = 0; round < 8; round++) {
      gcs.push(run("GC", { ...conf, "cni.dev/valid-attachments": [] }, { env }));
      await Promise.all(
        ids.map(async (containerId) => {
          expect((await run("DEL", conf, { containerId, env })).code).toBe(0);
          const added = await run("ADD", conf, { containerId, env });
          expect(added.code, added.stdout).toBe(0);
          told.set(containerId, addressesOf(added.json));
        }),
      );
    }
    await Promise.all(gcs);
    const docs: { containerId: string; addresses: { address: string }[] }[] = JSON.parse(
      (await execCli(["allocations", "-o", "json"], { dataDir: dir.path })).stdout,
    );
    // A container GC released after its last ADD is gone whole; one it did not holds exactly what its last ADD reported.
    for (const doc of docs) expect(doc.addresses.map((entry) => entry.address)).toEqual(told.get(doc.containerId));
    const verify = await execCli(["verify"], { dataDir: dir.path });
    expect(verify.stdout).toMatch(/ok: no problems found/);
  }, 300_000);
});
