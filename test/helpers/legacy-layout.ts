// A store as an earlier ippool version wrote it (one claims document per pool), for the tests of its conversion.
import { poolDoc } from "./ippool.js";

export const LEGACY_POOL = "10.63.0.0/24";
export const LEGACY_NETWORK = "mignet";

const owner = (id: string) => ({ attachment: `${LEGACY_NETWORK}/${id}:eth0`, handle: `h-${id}` });
const attachment = (id: string, node: string, address: string) => ({
  network: LEGACY_NETWORK,
  containerId: id,
  ifname: "eth0",
  node,
  handle: `h-${id}`,
  addresses: [{ pool: LEGACY_POOL, address }],
  allocatedAt: "2026-01-01T00:00:00.000Z",
});

/** Two nodes' worth, by store key: block 0 of node-a (.2, .3), block 1 of node-b (.64), and one claims document. */
export const LEGACY_KEYS: Readonly<Record<string, unknown>> = {
  pools: { pools: [poolDoc(LEGACY_POOL)] },
  "block/10.63.0.0_24/0": {
    pool: LEGACY_POOL,
    node: "node-a",
    seq: 2,
    bitmap: "c",
    owners: { 2: owner("a1"), 3: owner("a2") },
  },
  "block/10.63.0.0_24/1": { pool: LEGACY_POOL, node: "node-b", seq: 1, bitmap: "1", owners: { 0: owner("b1") } },
  "claims/10.63.0.0_24": { pool: LEGACY_POOL, blocks: { 0: "node-a", 1: "node-b" } },
  "node-state/node-a/10.63.0.0_24": { pool: LEGACY_POOL, node: "node-a", cursor: "3", blocks: { 0: 2 } },
  "node-state/node-b/10.63.0.0_24": { pool: LEGACY_POOL, node: "node-b", cursor: "64", blocks: { 1: 1 } },
  "attachment/mignet/a1:eth0": attachment("a1", "node-a", "10.63.0.2"),
  "attachment/mignet/a2:eth0": attachment("a2", "node-a", "10.63.0.3"),
  "attachment/mignet/b1:eth0": attachment("b1", "node-b", "10.63.0.64"),
};
