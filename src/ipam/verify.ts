// The store checker: every invariant that ties stored pools, blocks, node states and attachments together.
import { isDamage } from "../store/store-error.js";
import { addressAt, cidrContains, formatAddress, formatCidr, parseAddress, parseCidr } from "../alloc/address.js";
import { poolLayout } from "../alloc/pool-layout.js";
import { assertNoOverlap } from "../pool/pool-set.js";
import { parsePoolDocument, type Pool } from "../pool/resource.js";
import type { StoreReader } from "../store/store.js";
import { nodeDocumentSchema } from "../node/resource.js";
import type { core } from "zod/mini";
import {
  ATTACHMENT_PREFIX,
  POOLS_KEY,
  attachmentSchema,
  blockClaimSchema,
  blockSchema,
  idOfAttachment,
  legacyClaimsSchema,
  nodeStateSchema,
  poolIdFromSegment,
  poolWithBlocksSchema,
  storedPoolsSchema,
  type AttachmentDoc,
  type BlockOwner,
} from "./store-documents.js";
import { checkAffinity, checkBlock, checkOverlappingPools, type PoolInfo, type Report } from "./verify-blocks.js";

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

/**
 * Checks the store `reader` sees, given every key it holds. Damaged files (code 104) become
 * problems and the check goes on without them; any other error (I/O) is thrown, because then
 * the answer would be incomplete.
 */
export async function verifyStore(reader: StoreReader, keys: readonly string[]): Promise<VerifyReport> {
  const problems: Problem[] = [];
  const report: Report = (key, message) => problems.push({ key, message });
  const damaged = new Set<string>();
  const load = async <T>(key: string, schema: core.$ZodType<T>): Promise<T | undefined> => {
    try {
      return await reader.get(key, schema);
    } catch (error) {
      if (!isDamage(error)) throw error;
      damaged.add(key);
      report(key, error.message);
      return undefined;
    }
  };

  const pools = new Map<string, PoolInfo>();
  const poolInfo = (key: string, segment: string): PoolInfo | undefined => {
    const id = poolIdFromSegment(segment);
    const known = pools.get(id);
    if (known) return known;
    const parsed = parseCidr(id);
    if (!parsed || formatCidr(parsed.cidr) !== id) {
      report(key, `its name does not name a pool CIDR (${JSON.stringify(segment)})`);
      return undefined;
    }
    const info: PoolInfo = {
      id,
      cidr: parsed.cidr,
      layout: poolLayout(parsed.cidr),
      blocks: new Map(),
      unreadable: new Set(),
      states: new Map(),
      claims: new Map(),
      listedWithBlocks: false,
    };
    pools.set(id, info);
    return info;
  };

  // Every set bit: its owner, keyed by pool and offset, and by absolute address to catch overlapping pools.
  const owners = new Map<string, BlockOwner>();
  const bitHolders = new Map<string, string[]>();
  const attachmentKeys: string[] = [];
  let blockCount = 0;
  const storedIds = new Set<string>();
  for (const key of keys) {
    const parts = key.split("/");
    if (key === POOLS_KEY) {
      for (const id of checkStoredPools(await load(key, storedPoolsSchema), report)) storedIds.add(id);
    } else if (parts[0] === "block" && parts.length === 3) {
      blockCount++;
      const info = poolInfo(key, parts[1]!);
      const doc = await load(key, blockSchema);
      if (!info) continue;
      if (!doc) {
        info.unreadable.add(key);
        continue;
      }
      info.blocks.set(parts[2]!, doc);
      for (const { offset, owner } of checkBlock(key, parts[2]!, doc, info, report)) {
        owners.set(`${info.id}|${offset}`, owner);
        const address = addressAt(info.cidr, offset);
        bitHolders.set(address, [...(bitHolders.get(address) ?? []), `${owner.attachment} (pool ${info.id})`]);
      }
    } else if (parts[0] === "node-state" && parts.length === 3) {
      const info = poolInfo(key, parts[2]!);
      const doc = await load(key, nodeStateSchema);
      if (info && doc) info.states.set(parts[1]!, doc);
    } else if (parts[0] === "block-claim" && parts.length === 3) {
      const info = poolInfo(key, parts[1]!);
      const doc = await load(key, blockClaimSchema);
      if (info && doc) info.claims.set(parts[2]!, { node: doc.node, pool: doc.pool, key });
    } else if (parts[0] === "pools-with-blocks" && parts.length === 2) {
      const info = poolInfo(key, parts[1]!);
      if (info && (await load(key, poolWithBlocksSchema))) info.listedWithBlocks = true;
    } else if (parts[0] === "claims" && parts.length === 2) {
      // An earlier version's claims document, until the next ADD converts it (layout-upgrade.ts).
      const info = poolInfo(key, parts[1]!);
      const doc = await load(key, legacyClaimsSchema);
      if (info && doc)
        for (const [hex, node] of Object.entries(doc.blocks)) info.claims.set(hex, { node, pool: doc.pool, key });
      if (info && doc) info.listedWithBlocks = true;
    } else if (parts[0] === "attachment" && parts.length === 3) attachmentKeys.push(key);
    // A node record has no invariant beyond its schema, which load checks.
    else if (parts[0] === "nodes" && parts.length === 2) await load(key, nodeDocumentSchema);
    else report(key, "not written by ippool (an unexpected name in the store)");
  }
  for (const [address, holders] of bitHolders) {
    if (holders.length > 1)
      report("block/", `address ${address} is taken in more than one pool: ${holders.join(", ")}`);
  }
  for (const info of pools.values()) checkAffinity(info, report);
  checkOverlappingPools([...pools.values()], report);

  // Every attachment's addresses must be bits its allocation owns, and no address may be held twice.
  const attachments = new Map<string, AttachmentDoc>();
  const holders = new Map<string, string[]>();
  let addressCount = 0;
  for (const key of attachmentKeys) {
    const doc = await load(key, attachmentSchema);
    if (!doc) continue;
    const id = key.slice(ATTACHMENT_PREFIX.length);
    if (idOfAttachment(doc) !== id)
      report(key, `record names attachment ${idOfAttachment(doc)} but is stored as ${id}`);
    attachments.set(id, doc);
    for (const entry of doc.addresses) {
      addressCount++;
      const address = parseAddress(entry.address);
      const pool = parseCidr(entry.pool);
      if (!address || !pool || formatCidr(pool.cidr) !== entry.pool) {
        report(
          key,
          `holds ${JSON.stringify(entry.address)} in pool ${JSON.stringify(entry.pool)}, which is not an address in a pool CIDR`,
        );
        continue;
      }
      const text = formatAddress(address.family, address.value);
      holders.set(text, [...(holders.get(text) ?? []), id]);
      if (!cidrContains(pool.cidr, address.family, address.value)) {
        report(key, `holds ${text}, which lies outside its pool ${entry.pool}`);
        continue;
      }
      const owner = owners.get(`${entry.pool}|${address.value - pool.cidr.network}`);
      if (owner?.attachment !== id)
        report(
          key,
          `holds ${text} of pool ${entry.pool}, but the pool's bitmap shows it ${owner ? `held by ${owner.attachment}` : "free"}`,
        );
      else if (owner.handle !== doc.handle)
        report(
          key,
          `holds ${text} of pool ${entry.pool} as allocation ${doc.handle}, but the block records allocation ${owner.handle}`,
        );
    }
  }
  for (const [address, ids] of holders) {
    if (ids.length > 1)
      report(`${ATTACHMENT_PREFIX}${ids[0]}`, `address ${address} is held more than once: by ${ids.join(", ")}`);
  }

  // The other direction: every set bit's owner has a record that lists the address (else it leaked).
  for (const [slot, owner] of owners) {
    const [poolId, offsetText] = slot.split("|") as [string, string];
    const address = addressAt(pools.get(poolId)!.cidr, BigInt(offsetText));
    const key = `${ATTACHMENT_PREFIX}${owner.attachment}`;
    if (damaged.has(key)) continue;
    const doc = attachments.get(owner.attachment);
    if (!doc)
      report(
        key,
        `${address} of pool ${poolId} is taken by ${owner.attachment}, which has no attachment record (a leaked address)`,
      );
    else if (
      !doc.addresses.some(
        (entry) => entry.pool === poolId && parseAddress(entry.address)?.value === parseAddress(address)!.value,
      )
    ) {
      report(key, `${address} of pool ${poolId} is taken by ${owner.attachment}, whose record does not list it`);
    }
  }

  // A stored pool that holds nothing yet counts as much as an inline one that holds state.
  const poolCount = new Set([...storedIds, ...pools.keys()]).size;
  const checked = { pools: poolCount, blocks: blockCount, attachments: attachmentKeys.length, addresses: addressCount };
  return { problems, checked };
}

/** Returns the ids of the stored pools that parse. */
function checkStoredPools(doc: { pools: unknown[] } | undefined, report: Report): string[] {
  if (!doc) return [];
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
  return pools.map((pool) => pool.id);
}
