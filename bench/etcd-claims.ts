// The etcd datastore's block claims at cluster scale, in-process: claims per second and their conflicts, the largest commit, and ADD cost against blocks claimed.
import { EtcdStore } from "../src/store/etcd/etcd-store.js";
import { parsePoolDocument } from "../src/pool/resource.js";
import {
  BLOCK_PREFIX,
  blockClaimKey,
  blockKey,
  blockPrefix,
  nodeStateKey,
  type BlockDoc,
  type NodeStateDoc,
} from "../src/ipam/store-documents.js";
import { addInProcess } from "../test/helpers/ipam-in-process.js";
import { median } from "./process.js";
import { row, type Row } from "./report.js";

const CLAIMS = 1000;
/** Calls in flight at once, each on its own store, as plugin processes on that many nodes. */
const CONCURRENCY = 24;
const FEW_BLOCKS = 10;
const MANY_BLOCKS = 10_000;
/** Blocks written straight into etcd per transaction: three puts each, under etcd's 128 operations. */
const FILL_BATCH = 40;
const ADDS_MEASURED = 40;

export async function claimRows(endpoints: readonly string[]): Promise<Row[]> {
  const open = (prefix: string, turn: string) =>
    new EtcdStore({ endpoints, prefix, timeoutMs: 60_000, turn: `${prefix}-${turn}` });
  const pool = parsePoolDocument(
    { apiVersion: "v1", kind: "ipPool", metadata: { cidr: "10.128.0.0/12" } },
    "bench pool",
  ).pool;
  const section = "etcd datastore, block claims (in-process, one pool /12)";

  const stores = Array.from({ length: CONCURRENCY }, (_, index) => open("/bench-claims", `worker-${index}`));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    stores.map(async (store) => {
      while (next < CLAIMS) {
        const index = next++;
        await addInProcess(store, pool, `node-${index}`, `first-${index}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const conflicts = stores.reduce((sum, store) => sum + store.conflictsRetried, 0);
  const rows = [
    row(section, `claims per second, ${CLAIMS} nodes with ${CONCURRENCY} at once`, "per s", {
      standalone: CLAIMS / seconds,
    }),
    row(section, "conflicts per claim", "per claim", { standalone: conflicts / CLAIMS }),
    row(section, "largest commit (operations)", "count", {
      standalone: Math.max(...stores.map((store) => store.largestCommitOps)),
    }),
  ];

  // An ADD on a node whose block has room, with few blocks claimed and then with many.
  const prefix = "/bench-blocks";
  const filler = open(prefix, "filler");
  for (let index = 0; index < FEW_BLOCKS; index++) await addInProcess(filler, pool, `node-${index}`, `first-${index}`);
  const measure = async (label: string, node: string) => {
    const samples: number[] = [];
    let ops = 0;
    for (let index = 0; index < ADDS_MEASURED; index++) {
      const store = open(prefix, node);
      const start = performance.now();
      await addInProcess(store, pool, node, `${label}-${index}`);
      samples.push(performance.now() - start);
      ops = Math.max(ops, store.largestCommitOps);
    }
    rows.push(
      row(section, `ADD on a node with room, ${label} blocks claimed: median`, "ms", { standalone: median(samples) }),
    );
    rows.push(
      row(section, `ADD on a node with room, ${label} blocks claimed: commit operations`, "count", { standalone: ops }),
    );
  };
  await measure(String(FEW_BLOCKS), "node-0");
  const taken = new Set(
    await filler.read(async (txn) =>
      (await txn.listAll(BLOCK_PREFIX)).map((key) => key.slice(blockPrefix(pool.id).length)),
    ),
  );
  const free = Array.from({ length: MANY_BLOCKS * 2 }, (_, index) => BigInt(index) * 3n + 1n).filter(
    (block) => !taken.has(block.toString(16)),
  );
  const fill = free.slice(0, MANY_BLOCKS - FEW_BLOCKS);
  for (let start = 0; start < fill.length; start += FILL_BATCH) {
    await filler.update(async (txn) => {
      for (const block of fill.slice(start, start + FILL_BATCH)) {
        const node = `filler-${block}`;
        const doc: BlockDoc = { pool: pool.id, node, seq: 0, bitmap: "", owners: {} };
        const state: NodeStateDoc = { pool: pool.id, node, blocks: { [block.toString(16)]: 0 } };
        txn.put(blockKey(pool.id, block), doc);
        txn.put(blockClaimKey(pool.id, block), { pool: pool.id, node });
        txn.put(nodeStateKey(node, pool.id), state);
      }
    });
  }
  await measure(MANY_BLOCKS.toLocaleString("en"), "node-1");
  return rows;
}
