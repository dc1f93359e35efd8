// The ipPool kind of the resource verbs: stored as one list, kept while it holds addresses, never overlapping another.
import { CniError, ErrorCode } from "../../errors.js";
import { cidrsOverlap, compareCidrs, formatCidr, parseCidr } from "../../alloc/address.js";
import { poolCidr } from "../../ipam/store-documents.js";
import { readStoredPools, writeStoredPools } from "../../ipam/stored-pools.js";
import type { StoreReader } from "../../store/store.js";
import { parsePoolDocument, poolToDocument, type Encapsulation, type Pool } from "../../pool/resource.js";
import { UsageError } from "../framework/context.js";
import { poolHolders, poolIdsWithState } from "./pool-queries.js";
import { poolUsage } from "../../ipam/blocks.js";
import type { ResourceDescriptor, Target } from "./resource-descriptor.js";

const HOLDERS_SHOWN = 3;

/** A pool's identity from a CIDR argument, canonical ("10.1.2.3/16" names 10.1.0.0/16, "fd00:0::/64" fd00::/64). */
export function poolIdArgument(text: string, command: string): string {
  const parsed = parseCidr(text);
  if (!parsed)
    throw new UsageError(
      `'${text}' is not an IPv4 or IPv6 CIDR (a pool is named by its CIDR, e.g. 10.22.0.0/16)`,
      command,
    );
  return formatCidr(parsed.cidr);
}

export const poolDescriptor: ResourceDescriptor<Pool> = {
  kind: "ipPool",
  // The resource-type aliases of docs/ippool-v1.md: exactly these.
  aliases: ["ippool", "ippools", "ipp", "ipps", "pool", "pools"],
  noun: "pool",
  idField: "metadata.cidr",
  addWith: "'ippool create' or 'ippool apply'",
  deleteNeedsName: "'ippool delete TYPE' needs the CIDR of the pool to delete",
  parse(document, where) {
    const { pool, warnings } = parsePoolDocument(document, where);
    return { resource: pool, warnings };
  },
  idArgument: poolIdArgument,
  idOf: (pool) => pool.id,
  toDocument: poolToDocument,

  async open(txn) {
    const pools = new Map((await readStoredPools(txn)).map((pool) => [pool.id, pool]));
    let changed = false;
    return {
      find: async (id) => pools.get(id),
      write(pool) {
        pools.set(pool.id, pool);
        changed = true;
      },
      async holds(id) {
        const { used } = await poolUsage(txn, id);
        if (used === 0n) return undefined;
        const holders = await poolHolders(txn, id, HOLDERS_SHOWN);
        const who = `${holders.join(", ")}${used > BigInt(holders.length) ? `, and ${used - BigInt(holders.length)} more` : ""}`;
        return {
          refusal:
            `ipPool ${id} still holds ${used} allocation(s) (${who}); set spec.disabled: true first so it gets no new ones, ` +
            `release them ('ippool release', 'ippool reclaim'), or delete it anyway with --force`,
          warning: `ipPool ${id} deleted with ${used} allocation(s) still held (${who}); they stay valid until DEL or 'ippool release' frees them`,
        };
      },
      async remove(id) {
        pools.delete(id);
        changed = true;
        return [];
      },
      async check(written) {
        assertNoOverlapWith(written, [...pools.values()]);
        return overlapsWithHeldState(
          txn,
          written.map((target) => target.resource!),
        );
      },
      close() {
        // Only the resource list is written: pool state (cursor, blocks) is keyed apart, so allocations stay as they are.
        if (changed)
          writeStoredPools(
            txn,
            [...pools.values()].sort((a, b) => compareCidrs(a.cidr, b.cidr)),
          );
      },
    };
  },

  readAll: readStoredPools,
  async table(pools, wide, reader) {
    if (!wide) return { headers: ["CIDR"], rows: pools.map((pool) => [pool.id]) };
    const rows: string[][] = [];
    for (const pool of pools) {
      const { used, free } = await poolUsage(reader, pool.id);
      rows.push([
        pool.id,
        ...encapsulationCells(pool.ipip),
        ...encapsulationCells(pool.vxlan),
        String(pool.natOutgoing),
        String(pool.disabled),
        String(used),
        String(free),
      ]);
    }
    return {
      headers: ["CIDR", "IPIP", "IPIP MODE", "VXLAN", "VXLAN MODE", "NAT", "DISABLED", "USED", "FREE"],
      rows,
    };
  },
};

/** Whether it is enabled, as calicoctl's IPIP column, and its mode only then ("-" otherwise). */
const encapsulationCells = (setting: Encapsulation | undefined): string[] =>
  setting?.enabled ? ["true", setting.mode] : ["false", "-"];

/** Each written pool against the stored ones and the file's earlier ones, so the later document is named. */
function assertNoOverlapWith(written: readonly Target<Pool>[], all: readonly Pool[]): void {
  const writtenIds = new Set(written.map((target) => target.id));
  const others = all.filter((pool) => !writtenIds.has(pool.id));
  written.forEach((target, index) => {
    const earlier = written
      .slice(0, index)
      .find((candidate) => cidrsOverlap(candidate.resource!.cidr, target.resource!.cidr));
    const stored = others.find((pool) => cidrsOverlap(pool.cidr, target.resource!.cidr));
    const [otherId, whereOther] = earlier
      ? [earlier.id, earlier.document ?? earlier.where]
      : stored
        ? [stored.id, "stored"]
        : [];
    if (otherId === undefined) return;
    throw new CniError(
      ErrorCode.invalidConfig,
      `${target.where}: metadata.cidr: pool ${target.id} overlaps pool ${otherId} (${whereOther})`,
      "pools may not share addresses; nothing was changed",
    );
  });
}

/**
 * A pool that is not stored (inline in a netconf, or deleted with --force) may still hold
 * addresses; ADD refuses to allocate from a pool overlapping it until they are released.
 */
async function overlapsWithHeldState(txn: StoreReader, written: readonly Pool[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const otherId of await poolIdsWithState(txn)) {
    for (const pool of written) {
      if (otherId === pool.id || !cidrsOverlap(poolCidr(otherId), pool.cidr)) continue;
      const { used } = await poolUsage(txn, otherId);
      if (used > 0n) {
        warnings.push(
          `pool ${pool.id} overlaps pool ${otherId}, which is not stored but still holds ${used} address(es); ADD will not use ${pool.id} until they are released`,
        );
      }
    }
  }
  return warnings;
}
