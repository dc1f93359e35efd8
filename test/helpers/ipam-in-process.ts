// In-process ADD and DEL through the allocator as the plugin runs them, and etcd's count of writes per key.
import * as http from "node:http";
import type { Pool } from "../../src/pool/resource.js";
import type { Store } from "../../src/store/store.js";
import { assignAddresses, prefetchForAdd } from "../../src/ipam/assign.js";
import { attachmentId, attachmentKey, attachmentSchema } from "../../src/ipam/store-documents.js";
import { assertCurrentLayout, updateInCurrentLayout } from "../../src/ipam/layout-upgrade.js";
import { releaseAttachment } from "../../src/ipam/release.js";
import { prefixEnd } from "../../src/store/etcd/etcd-client.js";

const NETWORK = "scale";

/** The plugin's ADD of one IPv4 address from `pool` on `node` (src/plugin/add.ts); returns the address. */
export async function addInProcess(store: Store, pool: Pool, node: string, containerId: string): Promise<string> {
  const id = attachmentId(NETWORK, containerId, "eth0");
  const doc = await updateInCurrentLayout(store, async (txn) => {
    await prefetchForAdd(txn, id, node);
    const existing = await txn.get(attachmentKey(id), attachmentSchema);
    if (existing) return existing;
    await assertCurrentLayout(txn);
    const now = new Date();
    return assignAddresses(txn, {
      network: NETWORK,
      containerId,
      ifname: "eth0",
      node,
      handle: `${containerId}-${now.getTime()}`,
      families: [{ family: 4, candidates: [pool] }],
      allocatedAt: now.toISOString(),
    });
  });
  return doc.addresses[0]!.address;
}

export async function delInProcess(store: Store, containerId: string): Promise<void> {
  await store.update((txn) => releaseAttachment(txn, attachmentId(NETWORK, containerId, "eth0")));
}

/** Every key below `prefix` with its version: how often it was written since it was created. */
export async function keyVersions(endpoint: string, prefix: string): Promise<Map<string, number>> {
  const key = `${prefix}/`;
  const body = JSON.stringify({
    key: Buffer.from(key).toString("base64"),
    range_end: Buffer.from(prefixEnd(key)).toString("base64"),
    keys_only: true,
  });
  const reply = await new Promise<{ kvs?: { key: string; version?: string }[] }>((resolve, reject) => {
    const request = http.request(new URL("/v3/kv/range", endpoint), { method: "POST" }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve(JSON.parse(text)));
    });
    request.on("error", reject);
    request.end(body);
  });
  return new Map((reply.kvs ?? []).map((kv) => [Buffer.from(kv.key, "base64").toString(), Number(kv.version ?? 0)]));
}
