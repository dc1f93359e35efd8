// The node's tunnel address over a real store: taken once, kept, moved when its pool stops tunnelling, released; the CLI shows it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureTunnelAddress, releaseTunnelAddress } from "../../src/ipam/tunnel-address.js";
import { readStoredPools } from "../../src/ipam/stored-pools.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { execCli, execPlugin, netconf, poolDoc, tempDir } from "../helpers/ippool.js";

// These run in-process on the disk store: the lab's kernel has no IPIP, so the agent never gets to allocate there.
describe("tunnel address", () => {
  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  const now = new Date("2026-01-02T03:04:05Z");
  const pools = (...ids: string[]) =>
    store.read(async (txn) => (await readStoredPools(txn)).filter((pool) => ids.includes(pool.id)));
  const ensure = async (...ids: string[]) => {
    const candidates = await pools(...ids);
    return store.update((txn) => ensureTunnelAddress(txn, "node-a", candidates, now));
  };
  const allocations = async () => {
    const listed = await execCli(["allocations", "-o", "json"], { dataDir: dir.path });
    expect(listed.code, listed.stderr).toBe(0);
    return JSON.parse(listed.stdout) as Record<string, unknown>[];
  };

  beforeEach(async () => {
    dir = tempDir("ippool-tunnel-");
    const applied = await execCli(["apply", "-f", "-"], {
      dataDir: dir.path,
      stdin: JSON.stringify([
        poolDoc("10.80.0.0/24", { ipip: { mode: "always" } }),
        poolDoc("10.81.0.0/24", { ipip: { mode: "always" } }),
      ]),
    });
    expect(applied.code, applied.stderr).toBe(0);
    store = await openStore({ datastore: { type: "disk" }, dataDir: dir.path, lockWaitSeconds: 10 });
  });
  afterEach(() => dir.remove());

  it("is one allocation of the node, taken once and kept by every later run, shown by 'allocations' and passing verify", async () => {
    expect(await ensure("10.80.0.0/24")).toEqual({ pool: "10.80.0.0/24", address: "10.80.0.2", allocated: true });
    expect(await ensure("10.80.0.0/24", "10.81.0.0/24")).toEqual({
      pool: "10.80.0.0/24",
      address: "10.80.0.2",
      allocated: false,
    });
    expect(await allocations()).toEqual([
      expect.objectContaining({
        network: "_ippool-tunnel",
        containerId: "node-a",
        ifname: "tunl0",
        node: "node-a",
        addresses: [expect.objectContaining({ address: "10.80.0.2" })],
      }),
    ]);
    const verified = await execCli(["verify"], { dataDir: dir.path });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });

  it("moves to a tunnelling pool when its own pool no longer tunnels, and is released once", async () => {
    await ensure("10.80.0.0/24");
    expect(await ensure("10.81.0.0/24")).toEqual({ pool: "10.81.0.0/24", address: "10.81.0.2", allocated: true });
    expect((await allocations()).map((entry) => entry.addresses)).toEqual([
      [expect.objectContaining({ address: "10.81.0.2" })],
    ]);
    expect((await store.update((txn) => releaseTunnelAddress(txn, "node-a")))?.addresses).toEqual([
      { pool: "10.81.0.0/24", address: "10.81.0.2" },
    ]);
    expect(await store.update((txn) => releaseTunnelAddress(txn, "node-a"))).toBeUndefined();
    expect(await allocations()).toEqual([]);
    // Both addresses are free again; the blocks stay affine to the node, as after any DEL.
    const blocks = await execCli(["blocks", "-o", "json"], { dataDir: dir.path });
    expect(JSON.parse(blocks.stdout)).toEqual([
      { cidr: "10.80.0.0/26", pool: "10.80.0.0/24", node: "node-a", used: 0, free: 62 },
      { cidr: "10.81.0.0/26", pool: "10.81.0.0/24", node: "node-a", used: 0, free: 62 },
    ]);
  });

  it("cannot collide with a CNI attachment: no network config may be named like its network", async () => {
    const added = await execPlugin(
      { command: "ADD", containerId: "node-a", ifname: "tunl0" },
      netconf("1.0.0", { dataDir: dir.path }, { name: "_ippool-tunnel" }),
    );
    expect(added.code).not.toBe(0);
    expect(added.json.msg).toContain("network name must match");
  });
});
