// A cluster's worth of nodes claiming blocks at once on a 3-member etcd with default limits, driven in-process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipUnlessReady } from "../e2e/prerequisites.js";
import { ETCD_BINARY, startEtcd, type EtcdCluster } from "../helpers/etcd.js";
import { EtcdStore } from "../../src/store/etcd/etcd-store.js";
import { parsePoolDocument, type Pool } from "../../src/pool/resource.js";
import { poolDoc } from "../helpers/ippool.js";
import { parseAddress } from "../../src/alloc/address.js";
import { verifyStore } from "../../src/ipam/verify.js";
import { locate, offsetOf } from "../../src/ipam/block-state.js";
import { ATTACHMENT_PREFIX, attachmentSchema, blockKey, blockSchema } from "../../src/ipam/store-documents.js";
import { addInProcess, delInProcess, keyVersions } from "../helpers/ipam-in-process.js";

const NODES = 1000;
const PODS = 1000;
/** Calls in flight at once, each on its own store (its own node's turn), as plugin processes across a cluster. */
const CONCURRENCY = 24;
const POOL_CIDR = "10.128.0.0/12";

/** Runs `tasks` with at most `limit` at once; each worker keeps one store, as a plugin process would. */
async function runBounded<T>(
  tasks: readonly ((store: EtcdStore) => Promise<T>)[],
  stores: readonly EtcdStore[],
): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    stores.map(async (store) => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!(store);
      }
    }),
  );
  return results;
}

if (!skipUnlessReady("etcd at cluster scale", [`file:${ETCD_BINARY}`])) {
  describe("etcd datastore at cluster scale", () => {
    let cluster: EtcdCluster;
    const prefix = "/scale";
    const pool: Pool = parsePoolDocument(poolDoc(POOL_CIDR), "test pool").pool;
    const open = (turn: string) =>
      new EtcdStore({ endpoints: cluster.endpoints, prefix, timeoutMs: 60_000, turn: `${prefix}-${turn}` });
    beforeAll(async () => {
      // Three members with etcd's default --max-txn-ops (128) and request size (1.5 MiB).
      cluster = await startEtcd({ members: 3 });
    });
    afterAll(async () => cluster?.stop());

    it(`${NODES} nodes claim a block each at once, then pods come and go: no failure, no duplicate, no hot key, bounded transactions`, async () => {
      const node = (index: number) => `node-${index}`;
      const stores = Array.from({ length: CONCURRENCY }, (_, index) => open(`worker-${index}`));

      // An ADD on a node that holds a block with room, measured with few blocks claimed and again with many.
      const probe = open("probe");
      await addInProcess(probe, pool, "probe-node", "probe-0");
      const opsOfAddWithRoom = async () => {
        const store = open("probe");
        await addInProcess(store, pool, "probe-node", `probe-${Math.random()}`);
        return store.largestCommitOps;
      };
      await runBounded(
        Array.from(
          { length: 9 },
          (_, index) => (store: EtcdStore) => addInProcess(store, pool, `early-${index}`, `early-${index}`),
        ),
        stores,
      );
      const opsWithFewBlocks = await opsOfAddWithRoom();

      const claimed = await runBounded(
        Array.from(
          { length: NODES },
          (_, index) => (store: EtcdStore) => addInProcess(store, pool, node(index), `first-${index}`),
        ),
        stores,
      );
      const claimConflicts = stores.reduce((sum, store) => sum + store.conflictsRetried, 0);
      const largestClaim = Math.max(...stores.map((store) => store.largestCommitOps));
      // Every key's version counts the writes since its creation; nothing was deleted yet.
      const versions = await keyVersions(cluster.endpoints[0]!, prefix);
      const hottest = Math.max(...versions.values());
      console.log(
        `claims: ${NODES}, conflicts retried: ${claimConflicts}, largest commit: ${largestClaim} operations, most writes to one key: ${hottest}`,
      );
      expect(hottest).toBeLessThanOrEqual(NODES / 100);
      expect(largestClaim).toBeLessThanOrEqual(20);
      expect(claimConflicts / NODES).toBeLessThan(0.5);
      expect(await opsOfAddWithRoom()).toBe(opsWithFewBlocks);

      // Pods come and go across the nodes: a second pod on each, then the first ones go.
      const added = await runBounded(
        Array.from(
          { length: PODS },
          (_, index) => (store: EtcdStore) => addInProcess(store, pool, node(index % NODES), `pod-${index}`),
        ),
        stores,
      );
      await runBounded(
        Array.from({ length: NODES }, (_, index) => (store: EtcdStore) => delInProcess(store, `first-${index}`)),
        stores,
      );
      const again = await runBounded(
        Array.from(
          { length: NODES },
          (_, index) => (store: EtcdStore) => addInProcess(store, pool, node(index), `again-${index}`),
        ),
        stores,
      );
      const addresses = [...claimed, ...added, ...again];
      expect(addresses.every((address) => parseAddress(address) !== undefined)).toBe(true);
      expect(Math.max(...stores.map((store) => store.largestCommitOps))).toBeLessThanOrEqual(20);

      const reader = open("reader");
      await reader.read(async (txn) => {
        const held: string[] = [];
        for (const key of await txn.listAll(ATTACHMENT_PREFIX)) {
          const doc = (await txn.get(key, attachmentSchema))!;
          for (const { address } of doc.addresses) {
            held.push(address);
            // Every address lies in a block of the node it was handed out on: nobody had to borrow.
            const block = (await txn.get(
              blockKey(pool.id, locate(pool.id, offsetOf(pool.id, address)).block),
              blockSchema,
            ))!;
            expect(block.node, `${address} of ${doc.node}`).toBe(doc.node);
          }
        }
        // The probe node's three pods, the nine early nodes', then every node's two and the extra pods.
        expect(held).toHaveLength(3 + 9 + NODES + PODS);
        expect(new Set(held).size).toBe(held.length);
        const report = await verifyStore(txn, await txn.listAll(""));
        expect(report.problems).toEqual([]);
      });
    }, 240_000);
  });
}
