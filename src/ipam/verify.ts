// The store checker: every invariant that ties stored pools, pool states, blocks and attachments together.
import { CniError, ErrorCode } from "../cni/errors.js";
import { addressAt, cidrContains, cidrsOverlap, formatAddress, formatCidr, parseAddress, parseCidr, type Cidr } from "../alloc/address.js";
import { bitmapFromHex, countBits, setBits } from "../alloc/bitmap.js";
import { poolLayout, type PoolLayout } from "../alloc/pool-layout.js";
import { assertNoOverlap } from "../pool/pool-set.js";
import { parsePoolDocument, type Pool } from "../pool/resource.js";
import type { StoreReader } from "../store/store.js";
import { nodeDocumentSchema } from "../node/resource.js";
import type { core } from "zod/mini";
import {
  ATTACHMENT_PREFIX,
  POOLS_KEY,
  POOL_STATE_PREFIX,
  idOfAttachment,
  attachmentSchema,
  blockSchema,
  poolIdFromSegment,
  poolStateSchema,
  storedPoolsSchema,
  type AttachmentDoc,
  type BlockDoc,
  type PoolState,
} from "./documents.js";

export interface Problem {
  /** The store key (file without ".json") the problem was found in. */
  readonly key: string;
  readonly message: string;
}

export interface VerifyReport {
  /** Broken invariants: any of these makes `ippool verify` fail. */
  readonly problems: Problem[];
  readonly checked: { pools: number; blocks: number; attachments: number; addresses: number };
}

interface PoolInfo {
  readonly cidr: Cidr;
  /** Network, gateway (network+1) and IPv4 broadcast are never handed out, whatever the network. */
  readonly layout: PoolLayout;
  state?: PoolState;
  /** Block index (hex) -> bits set in that block's file. */
  readonly bitCounts: Map<string, number>;
}

/**
 * Checks the store `reader` sees, given every key it holds (a StoreReader lists one level only).
 * Damaged files (code 104) become problems and the check goes on without them; any other
 * error (I/O) is thrown, because then the answer would be incomplete.
 */
export async function verifyStore(reader: StoreReader, keys: readonly string[]): Promise<VerifyReport> {
  const problems: Problem[] = [];
  const report = (key: string, message: string) => problems.push({ key, message });
  const damaged = new Set<string>();
  const load = async <T>(key: string, schema: core.$ZodType<T>): Promise<T | undefined> => {
    try {
      return await reader.get(key, schema);
    } catch (error) {
      if (!(error instanceof CniError) || error.code !== ErrorCode.storeDamaged) throw error;
      damaged.add(key);
      report(key, error.message);
      return undefined;
    }
  };

  const pools = new Map<string, PoolInfo>();
  const poolInfo = (key: string, poolId: string): PoolInfo | undefined => {
    const known = pools.get(poolId);
    if (known) return known;
    const parsed = parseCidr(poolId);
    if (!parsed || formatCidr(parsed.cidr) !== poolId) {
      report(key, `file name does not name a pool CIDR (${JSON.stringify(poolId)})`);
      return undefined;
    }
    const info: PoolInfo = { cidr: parsed.cidr, layout: poolLayout(parsed.cidr), bitCounts: new Map() };
    pools.set(poolId, info);
    return info;
  };

  const blockKeys: string[] = [];
  const attachmentKeys: string[] = [];
  for (const key of keys) {
    const parts = key.split("/");
    if (key === POOLS_KEY) await checkStoredPools(await load(key, storedPoolsSchema), report);
    else if (parts[0] === "pool" && parts.length === 2) {
      const info = poolInfo(key, poolIdFromSegment(parts[1]!));
      const state = await load(key, poolStateSchema);
      if (info && state) checkPoolState(key, state, info, report);
    } else if (parts[0] === "block" && parts.length === 3) blockKeys.push(key);
    else if (parts[0] === "attachment" && parts.length === 3) attachmentKeys.push(key);
    // A node record has no invariant beyond its schema, which load checks.
    else if (parts[0] === "nodes" && parts.length === 2) await load(key, nodeDocumentSchema);
    else report(key, "unexpected file in the data dir (not written by ippool)");
  }

  // Every set bit: its owner, keyed by pool and offset, and by absolute address to catch overlapping pools.
  const owners = new Map<string, string>();
  const bitHolders = new Map<string, string[]>();
  for (const key of blockKeys) {
    const [, segment, hex] = key.split("/") as [string, string, string];
    const poolId = poolIdFromSegment(segment);
    const info = poolInfo(key, poolId);
    const doc = await load(key, blockSchema);
    if (!info || !doc) continue;
    for (const { offset, owner } of checkBlock(key, poolId, hex, doc, info, report)) {
      owners.set(`${poolId}|${offset}`, owner);
      const address = addressAt(info.cidr, offset);
      bitHolders.set(address, [...(bitHolders.get(address) ?? []), `${owner} (pool ${poolId})`]);
    }
  }
  for (const [address, holders] of bitHolders) {
    if (holders.length > 1) report("block/", `address ${address} is taken in more than one pool: ${holders.join(", ")}`);
  }
  checkUsageCounts(pools, report);
  checkOverlappingPools(pools, report);

  // Every attachment's addresses must be bits it owns, and no address may be held twice.
  const attachments = new Map<string, AttachmentDoc>();
  const holders = new Map<string, string[]>();
  let addressCount = 0;
  for (const key of attachmentKeys) {
    const doc = await load(key, attachmentSchema);
    if (!doc) continue;
    const id = key.slice(ATTACHMENT_PREFIX.length);
    if (idOfAttachment(doc) !== id) {
      report(key, `record names attachment ${idOfAttachment(doc)} but is stored as ${id}`);
    }
    attachments.set(id, doc);
    for (const entry of doc.addresses) {
      addressCount++;
      const address = parseAddress(entry.address);
      const pool = parseCidr(entry.pool);
      if (!address || !pool || formatCidr(pool.cidr) !== entry.pool) {
        report(key, `holds ${JSON.stringify(entry.address)} in pool ${JSON.stringify(entry.pool)}, which is not an address in a pool CIDR`);
        continue;
      }
      const text = formatAddress(address.family, address.value);
      holders.set(text, [...(holders.get(text) ?? []), id]);
      if (!cidrContains(pool.cidr, address.family, address.value)) {
        report(key, `holds ${text}, which lies outside its pool ${entry.pool}`);
        continue;
      }
      const owner = owners.get(`${entry.pool}|${address.value - pool.cidr.network}`);
      if (owner !== id) report(key, `holds ${text} of pool ${entry.pool}, but the pool's bitmap shows it ${owner ? `held by ${owner}` : "free"}`);
    }
  }
  for (const [address, ids] of holders) {
    if (ids.length > 1) report(`${ATTACHMENT_PREFIX}${ids[0]}`, `address ${address} is held more than once: by ${ids.join(", ")}`);
  }

  // The other direction: every set bit's owner has a record that lists the address (else it leaked).
  for (const [slot, owner] of owners) {
    const [poolId, offsetText] = slot.split("|") as [string, string];
    const info = pools.get(poolId)!;
    const address = addressAt(info.cidr, BigInt(offsetText));
    const doc = attachments.get(owner);
    if (damaged.has(`${ATTACHMENT_PREFIX}${owner}`)) continue;
    if (!doc) report(`${ATTACHMENT_PREFIX}${owner}`, `${address} of pool ${poolId} is taken by ${owner}, which has no attachment record (a leaked address)`);
    else if (!doc.addresses.some((entry) => entry.pool === poolId && parseAddress(entry.address)?.value === parseAddress(address)!.value)) {
      report(`${ATTACHMENT_PREFIX}${owner}`, `${address} of pool ${poolId} is taken by ${owner}, whose record does not list it`);
    }
  }

  return { problems, checked: { pools: pools.size, blocks: blockKeys.length, attachments: attachmentKeys.length, addresses: addressCount } };
}

type Report = (key: string, message: string) => void;

function checkStoredPools(doc: { pools: unknown[] } | undefined, report: Report): void {
  if (!doc) return;
  const pools: Pool[] = [];
  doc.pools.forEach((entry, index) => {
    try {
      pools.push(parsePoolDocument(entry, `stored pool ${index + 1}`).pool);
    } catch (error) {
      report(POOLS_KEY, (error as Error).message);
    }
  });
  try {
    assertNoOverlap(pools, "stored pools");
  } catch (error) {
    report(POOLS_KEY, (error as Error).message);
  }
}

function checkPoolState(key: string, state: PoolState, info: PoolInfo, report: Report): void {
  const poolId = formatCidr(info.cidr);
  if (state.pool !== poolId) report(key, `names pool ${state.pool} but is the state file of ${poolId}`);
  if (state.cursor !== undefined && BigInt(state.cursor) >= info.layout.size) {
    report(key, `cursor ${state.cursor} lies outside the pool (it has ${info.layout.size} addresses)`);
  }
  for (const hex of Object.keys(state.blocks)) {
    if (!/^[0-9a-f]+$/.test(hex) || BigInt(`0x${hex}`) >= info.layout.blockCount) {
      report(key, `counts addresses in block ${JSON.stringify(hex)}, which is not a block of the pool`);
    }
  }
  info.state = state;
}

/** Checks one block file and yields its set bits with their owners. */
function checkBlock(key: string, poolId: string, hex: string, doc: BlockDoc, info: PoolInfo, report: Report): { offset: bigint; owner: string }[] {
  const { layout, cidr } = info;
  if (doc.pool !== poolId) report(key, `names pool ${doc.pool} but lies under pool ${poolId}`);
  if (!/^[0-9a-f]+$/.test(hex) || BigInt(`0x${hex}`) >= layout.blockCount) {
    report(key, `block ${JSON.stringify(hex)} is not a block of pool ${poolId}`);
    return [];
  }
  const base = BigInt(`0x${hex}`) * layout.blockSize;
  const bitmap = bitmapFromHex(doc.bitmap);
  info.bitCounts.set(hex, countBits(bitmap));
  const taken: { offset: bigint; owner: string }[] = [];
  for (const bit of setBits(bitmap)) {
    const offset = base + BigInt(bit);
    const address = addressAt(cidr, offset);
    if (BigInt(bit) >= layout.blockSize) {
      report(key, `bit ${bit} is set but the block has only ${layout.blockSize} addresses`);
      continue;
    }
    if (layout.reserved.has(offset)) {
      const role = offset === 0n ? "network address" : offset === layout.gatewayOffset ? "gateway (network+1)" : "broadcast address";
      report(key, `${address} is taken but is the ${role} of pool ${poolId}`);
    }
    const owner = doc.owners[bit];
    if (owner === undefined) report(key, `${address} is taken but no owner is recorded for it`);
    else taken.push({ offset, owner });
  }
  for (const [bit, owner] of Object.entries(doc.owners)) {
    if (!setBits(bitmap).includes(Number(bit))) {
      report(key, `owner ${owner} is recorded for bit ${bit} (${addressAt(cidr, base + BigInt(bit))}), which is free`);
    }
  }
  return taken;
}

/** The usage counts in pool/<cidr>.json steer next-fit past full blocks, so they must equal the bitmaps. */
function checkUsageCounts(pools: ReadonlyMap<string, PoolInfo>, report: Report): void {
  for (const [poolId, info] of pools) {
    const key = `${POOL_STATE_PREFIX}${poolId.replace("/", "_")}`;
    const counted = info.state?.blocks ?? {};
    for (const hex of new Set([...Object.keys(counted), ...info.bitCounts.keys()])) {
      const bits = info.bitCounts.get(hex) ?? 0;
      const count = counted[hex] ?? 0;
      if (bits !== count) {
        const where = info.state ? `counts ${count} address(es) in block ${hex}` : "is missing, so counts 0 address(es) in block " + hex;
        report(key, `${where} but the block's bitmap has ${bits} set`);
      }
    }
  }
}

/** Allocation state is kept per CIDR: two overlapping pools that both hold addresses could hand one out twice. */
function checkOverlappingPools(pools: ReadonlyMap<string, PoolInfo>, report: Report): void {
  const holding = [...pools].filter(([, info]) => [...info.bitCounts.values()].some((count) => count > 0));
  for (let i = 0; i < holding.length; i++) {
    for (let j = i + 1; j < holding.length; j++) {
      const [aId, a] = holding[i]!;
      const [bId, b] = holding[j]!;
      if (cidrsOverlap(a.cidr, b.cidr)) report(`${POOL_STATE_PREFIX}${aId.replace("/", "_")}`, `pools ${aId} and ${bId} overlap and both hold addresses`);
    }
  }
}
