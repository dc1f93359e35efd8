// Writes N allocations straight into a store in each plugin's own on-disk format, far faster than N ADDs.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { formatAddress, parseCidr } from "../src/alloc/address.js";
import { bitmapToHex, setBit } from "../src/alloc/bitmap.js";
import { BLOCK_ADDRESSES } from "../src/alloc/pool-layout.js";
import { attachmentId, attachmentKey, blockKey, poolStateKey, type AttachmentDoc, type BlockDoc, type PoolState } from "../src/ipam/documents.js";
import { encodeStateFile, readStateFile } from "../src/store/state-file.js";
import { DiskStore } from "../src/store/disk-store.js";

/** Offsets 0 (network) and 1 (gateway) are reserved by both plugins, so allocations start at 2. */
const FIRST_OFFSET = 2n;

export const populatedContainerId = (index: number): string => `fill-${index}`;

/** A state file in ippool's own format, written without fsync: this is set-up, not the measured path. */
function writeEnvelope(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, encodeStateFile(data), { mode: 0o600 });
}

/** ippool: one attachment per container, the block bitmaps with their owners, and the pool's cursor and counts. */
export async function populateIppool(dataDir: string, network: string, cidrText: string, count: number): Promise<void> {
  const { cidr } = parseCidr(cidrText)!;
  const poolId = cidrText;
  const store = new DiskStore(dataDir, 1000);
  const blocks = new Map<bigint, BlockDoc>();
  const allocatedAt = new Date().toISOString();
  let offset = FIRST_OFFSET;
  for (let index = 0; index < count; index++, offset++) {
    const containerId = populatedContainerId(index);
    const owner = attachmentId(network, containerId, "eth0");
    const address = formatAddress(cidr.family, cidr.network + offset);
    const doc: AttachmentDoc = { network, containerId, ifname: "eth0", addresses: [{ pool: poolId, address }], allocatedAt };
    writeEnvelope(store.pathOf(attachmentKey(owner)), doc);
    const block = offset / BLOCK_ADDRESSES;
    const bit = Number(offset % BLOCK_ADDRESSES);
    const current = blocks.get(block) ?? { pool: poolId, bitmap: "", owners: {} };
    const bitmap = setBit(current.bitmap === "" ? 0n : BigInt(`0x${current.bitmap}`), bit);
    blocks.set(block, { pool: poolId, bitmap: bitmapToHex(bitmap), owners: { ...current.owners, [bit]: owner } });
  }
  const state: PoolState = { pool: poolId, cursor: (offset - 1n).toString(), blocks: {} };
  for (const [block, doc] of blocks) {
    writeEnvelope(store.pathOf(blockKey(poolId, block)), doc);
    state.blocks[block.toString(16)] = Object.keys(doc.owners).length;
  }
  const statePath = store.pathOf(poolStateKey(poolId));
  writeEnvelope(statePath, state);
  // Read back through the store's own reader: a checksum or format mismatch fails here, loudly.
  readStateFile(statePath);
}

/** host-local: <dataDir>/<network>/<ip> holding "<containerId>\r\n<ifname>", and last_reserved_ip.0. */
export function populateHostLocal(dataDir: string, network: string, cidrText: string, count: number): void {
  const { cidr } = parseCidr(cidrText)!;
  const dir = join(dataDir, network);
  mkdirSync(dir, { recursive: true });
  let last = "";
  for (let index = 0; index < count; index++) {
    last = formatAddress(cidr.family, cidr.network + FIRST_OFFSET + BigInt(index));
    writeFileSync(join(dir, last), `${populatedContainerId(index)}\r\neth0`);
  }
  writeFileSync(join(dir, "last_reserved_ip.0"), last);
}
