// Writes N allocations straight into a store in each plugin's own on-disk format, far faster than N ADDs.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { formatAddress, parseCidr } from "../src/alloc/address.js";
import { bitmapToHex, setBit } from "../src/alloc/bitmap.js";
import { BLOCK_ADDRESSES } from "../src/alloc/pool-layout.js";
import {
  attachmentId,
  attachmentKey,
  blockClaimKey,
  blockKey,
  nodeStateKey,
  poolWithBlocksKey,
  type AttachmentDoc,
  type BlockDoc,
  type NodeStateDoc,
} from "../src/ipam/store-documents.js";
import { hostname } from "node:os";
import { encodeStateFile, readStateFile } from "../src/store/disk/state-file.js";
import { DiskStore } from "../src/store/disk/disk-store.js";

/** Offsets 0 (network) and 1 (gateway) are reserved by both plugins, so allocations start at 2. */
const FIRST_OFFSET = 2n;

export const populatedContainerId = (index: number): string => `fill-${index}`;

/** A state file in ippool's own format, written without fsync: this is set-up, not the measured path. */
function writeEnvelope(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, encodeStateFile(data), { mode: 0o600 });
}

/** ippool: one attachment per container, the block bitmaps with their owners, all affine to this host (the plugin's default node), and its node state. */
export async function populateIppool(dataDir: string, network: string, cidrText: string, count: number): Promise<void> {
  const { cidr } = parseCidr(cidrText)!;
  const poolId = cidrText;
  const store = new DiskStore(dataDir, 1000);
  const blocks = new Map<bigint, BlockDoc>();
  const allocatedAt = new Date().toISOString();
  const node = hostname();
  let offset = FIRST_OFFSET;
  for (let index = 0; index < count; index++, offset++) {
    const containerId = populatedContainerId(index);
    const owner = attachmentId(network, containerId, "eth0");
    const address = formatAddress(cidr.family, cidr.network + offset);
    const handle = `fill-${index}`;
    const doc: AttachmentDoc = {
      network,
      containerId,
      ifname: "eth0",
      node,
      handle,
      addresses: [{ pool: poolId, address }],
      allocatedAt,
    };
    writeEnvelope(store.pathOf(attachmentKey(owner)), doc);
    const block = offset / BLOCK_ADDRESSES;
    const bit = Number(offset % BLOCK_ADDRESSES);
    const current = blocks.get(block) ?? { pool: poolId, node, seq: 0, bitmap: "", owners: {} };
    const bitmap = setBit(current.bitmap === "" ? 0n : BigInt(`0x${current.bitmap}`), bit);
    blocks.set(block, {
      ...current,
      seq: current.seq + 1,
      bitmap: bitmapToHex(bitmap),
      owners: { ...current.owners, [bit]: { attachment: owner, handle } },
    });
  }
  const state: NodeStateDoc = { pool: poolId, node, cursor: (offset - 1n).toString(), blocks: {} };
  for (const [block, doc] of blocks) {
    writeEnvelope(store.pathOf(blockKey(poolId, block)), doc);
    writeEnvelope(store.pathOf(blockClaimKey(poolId, block)), { pool: poolId, node });
    state.blocks[block.toString(16)] = doc.seq;
  }
  writeEnvelope(store.pathOf(poolWithBlocksKey(poolId)), { pool: poolId });
  const statePath = store.pathOf(nodeStateKey(node, poolId));
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
