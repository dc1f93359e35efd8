// create, apply, replace and delete of ipPool (and node) resources: calicoctl v1 verbs over the plugin's store.
import { CniError, ErrorCode } from "../../errors.js";
import { cidrsOverlap, compareCidrs } from "../../alloc/address.js";
import { poolCidr } from "../../ipam/store-documents.js";
import { readStoredPools, writeStoredPools } from "../../ipam/stored-pools.js";
import type { StoreReader, StoreTxn } from "../../store/store.js";
import { poolToDocument, type Pool } from "../../pool/resource.js";
import {
  UsageError,
  booleanFlag,
  stringFlag,
  type CommandContext,
  type CommandSpec,
  type FlagSpec,
} from "../framework/context.js";
import { loadResourceFile } from "./resource-files.js";
import { poolHolders, poolIdsWithState, poolUsage } from "./pool-queries.js";
import { nodeNameArgument, poolIdArgument, resourceType, type ResourceKind } from "./resource-type.js";
import { changeNodes, type NodeTarget } from "./nodes.js";
import { decideChange, type Outcome, type Result, type Verb } from "./resource-change.js";

interface Target {
  readonly id: string;
  /** The new resource; absent for delete by CIDR argument. */
  readonly pool?: Pool;
  readonly where: string;
  /** The document within its file, when it came from one. */
  readonly document?: string;
}

const PAST: Record<Verb, string> = { create: "created", apply: "applied", replace: "replaced", delete: "deleted" };
const HOLDERS_SHOWN = 3;

/**
 * One transaction for the whole file. A resource that cannot be changed (create of an existing
 * pool, replace or delete of a missing one, delete of a pool still in use) fails alone, as in
 * calicoctl; an overlap in the resulting set of pools rejects the whole file.
 */
async function changePools(
  txn: StoreTxn,
  verb: Verb,
  targets: readonly Target[],
  force: boolean,
  outcome: Outcome,
): Promise<void> {
  if (targets.length === 0) return;
  const pools = new Map((await readStoredPools(txn)).map((pool) => [pool.id, pool]));
  const done: { target: Target; result: Result }[] = [];
  const same = (a: Pool, b: Pool) => JSON.stringify(poolToDocument(a)) === JSON.stringify(poolToDocument(b));
  for (const target of targets) {
    const existing = pools.get(target.id);
    const fail = (message: string) => outcome.failed.push(target.where ? `${target.where}: ${message}` : message);
    if (verb === "delete") {
      if (!existing) {
        fail(`ipPool ${target.id} does not exist`);
        continue;
      }
      const { used } = await poolUsage(txn, target.id);
      if (used > 0n) {
        const holders = await poolHolders(txn, target.id, HOLDERS_SHOWN);
        const who = `${holders.join(", ")}${used > BigInt(holders.length) ? `, and ${used - BigInt(holders.length)} more` : ""}`;
        if (!force) {
          fail(
            `ipPool ${target.id} still holds ${used} allocation(s) (${who}); set spec.disabled: true first so it gets no new ones, ` +
              `release them ('ippool release', 'ippool reclaim'), or delete it anyway with --force`,
          );
          continue;
        }
        outcome.warnings.push(
          `ipPool ${target.id} deleted with ${used} allocation(s) still held (${who}); they stay valid until DEL or 'ippool release' frees them`,
        );
      }
      pools.delete(target.id);
      done.push({ target, result: "deleted" });
      continue;
    }
    const pool = target.pool!;
    const decision = decideChange(
      verb,
      { kind: "ipPool", id: target.id, existing, next: pool, addWith: "'ippool create' or 'ippool apply'" },
      same,
    );
    if ("failure" in decision) {
      fail(decision.failure);
      continue;
    }
    pools.set(target.id, pool);
    done.push({ target, result: decision.result });
  }
  if (verb !== "delete") {
    assertNoOverlapWith(
      done.map((entry) => entry.target),
      [...pools.values()],
    );
    outcome.warnings.push(
      ...(await overlapsWithHeldState(
        txn,
        done.map((entry) => entry.target.pool!),
      )),
    );
  }
  if (done.some((entry) => entry.result !== "unchanged")) {
    // Only the resource list is written: pool state (cursor, blocks) is keyed apart, so allocations stay as they are.
    writeStoredPools(
      txn,
      [...pools.values()].sort((a, b) => compareCidrs(a.cidr, b.cidr)),
    );
  }
  outcome.done.push(...done.map(({ target, result }) => ({ kind: "ipPool" as const, id: target.id, result })));
}

/** One transaction for the pools and nodes of one command, so a file lands whole or not at all. */
async function changeResources(
  ctx: CommandContext,
  verb: Verb,
  pools: readonly Target[],
  nodes: readonly NodeTarget[],
): Promise<Outcome> {
  const flags = { force: booleanFlag(ctx, "force"), releaseBlocks: booleanFlag(ctx, "release-blocks") };
  return ctx.store.update(async (txn) => {
    const outcome: Outcome = { done: [], failed: [], warnings: [], notes: [] };
    await changePools(txn, verb, pools, flags.force, outcome);
    await changeNodes(txn, verb, nodes, flags, outcome);
    return outcome;
  });
}

/** Each changed pool against the stored ones and the file's earlier ones, so the later document is named. */
function assertNoOverlapWith(changed: readonly Target[], all: readonly Pool[]): void {
  const changedIds = new Set(changed.map((target) => target.id));
  const others = all.filter((pool) => !changedIds.has(pool.id));
  changed.forEach((target, index) => {
    const earlier = changed.slice(0, index).find((candidate) => cidrsOverlap(candidate.pool!.cidr, target.pool!.cidr));
    const stored = others.find((pool) => cidrsOverlap(pool.cidr, target.pool!.cidr));
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
async function overlapsWithHeldState(txn: StoreReader, changed: readonly Pool[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const otherId of await poolIdsWithState(txn)) {
    for (const pool of changed) {
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

function report(
  ctx: CommandContext,
  verb: Verb,
  kinds: readonly ResourceKind[],
  total: number,
  outcome: Outcome,
): number {
  for (const { kind, id, result } of outcome.done) ctx.out(`${result} ${kind} ${id}\n`);
  for (const line of outcome.notes) ctx.out(`${line}\n`);
  outcome.warnings.forEach(ctx.warn);
  const label = kinds.map((kind) => `'${kind}'`).join(" and ");
  if (outcome.failed.length === 0) {
    ctx.out(`Successfully ${PAST[verb]} ${total} ${label} resource(s) in ${ctx.storeName}\n`);
    return 0;
  }
  const done = `${PAST[verb]} ${outcome.done.length} of ${total} ${label} resource(s)`;
  if (outcome.done.length > 0) ctx.out(`Partial success: ${done} in ${ctx.storeName}\n`);
  outcome.failed.forEach(ctx.error);
  if (outcome.done.length === 0) ctx.error(`${PAST[verb]} none of ${total} ${label} resource(s) in ${ctx.storeName}`);
  return 1;
}

const FILE_FLAG: FlagSpec = {
  type: "string",
  short: "f",
  value: "FILE",
  help: "YAML (one or more --- documents) or JSON; '-' reads stdin",
};

async function runFileVerb(ctx: CommandContext, verb: Verb): Promise<number> {
  const path = stringFlag(ctx, "filename");
  if (path === undefined) throw new UsageError(`'ippool ${verb}' needs -f FILE`, verb);
  const file = await loadResourceFile(ctx, path);
  if (verb !== "delete") [...file.pools, ...file.nodes].forEach((entry) => entry.warnings.forEach(ctx.warn));
  const pools = file.pools.map(({ pool, where, document }) => ({ id: pool.id, pool, where, document }));
  const nodes = file.nodes.map(({ node, where }) => ({ name: node.name, node, where }));
  const kinds: ResourceKind[] = [
    ...(pools.length > 0 ? ["ipPool" as const] : []),
    ...(nodes.length > 0 ? ["node" as const] : []),
  ];
  return report(ctx, verb, kinds, pools.length + nodes.length, await changeResources(ctx, verb, pools, nodes));
}

const fileVerb = (verb: Exclude<Verb, "delete">, summary: string, description: string): CommandSpec => ({
  summary,
  args: [],
  usage: [`${verb} -f FILE`],
  description: [
    description,
    "Every document is validated before any is applied: one invalid document (named by its index and field path) changes nothing.",
  ],
  flags: { filename: FILE_FLAG },
  examples: [`ippool ${verb} -f pools.yaml`, `cat pool.json | ippool ${verb} -f -`],
  run: (ctx) => runFileVerb(ctx, verb),
});

export const createCommand = fileVerb(
  "create",
  "create pools from a file; fails for a pool that exists",
  "Creates each ipPool of FILE. A pool whose CIDR already exists is an error (the others are still created).",
);
export const applyCommand = fileVerb(
  "apply",
  "create or update pools from a file",
  "Creates each ipPool of FILE that does not exist and updates each that does. Changing ipip, nat-outgoing or disabled never disturbs existing allocations.",
);
export const replaceCommand = fileVerb(
  "replace",
  "update existing pools from a file; fails for a missing pool",
  "Replaces each ipPool of FILE, which must exist (the others are still replaced). Allocations are never disturbed.",
);

export const deleteCommand: CommandSpec = {
  summary: "delete pools named in a file or by CIDR",
  args: ["TYPE", "CIDR|NAME..."],
  requiresStore: true,
  usage: [
    "delete -f FILE [--force] [--release-blocks]",
    "delete TYPE CIDR [CIDR...] [--force]",
    "delete node NAME [NAME...] [--force] [--release-blocks]",
  ],
  description: [
    "A pool that still holds allocations is not deleted: the error says how many and by whom. Disable it first",
    "(spec.disabled: true) so it gets no new ones, release what it holds, then delete it. --force deletes the",
    "resource anyway; its allocations stay valid and are freed by the runtime's DEL or 'ippool release'.",
    "A node is refused likewise while a block affine to it holds addresses. --release-blocks also hands the",
    "deleted node's empty blocks back (as 'blocks release --all-empty'), so other nodes may claim them.",
  ],
  flags: {
    filename: FILE_FLAG,
    force: { type: "boolean", help: "delete even when the pool (or node) still holds allocations" },
    "release-blocks": { type: "boolean", help: "with a node: hand its empty blocks back" },
  },
  examples: [
    "ippool delete pool 10.22.0.0/16",
    "ippool delete -f pools.yaml",
    "ippool delete ippool 10.21.0.0/16 --force",
    "ippool delete node node-b",
  ],
  run: async (ctx) => {
    if (stringFlag(ctx, "filename") !== undefined) return runFileVerb(ctx, "delete");
    const [type, ...names] = ctx.positionals;
    const kind = resourceType(type, "delete");
    if (kind === "node") {
      if (names.length === 0)
        throw new UsageError("'ippool delete node' needs the name of the node to delete (or -f FILE)", "delete");
      const nodes = names.map((text) => ({ name: nodeNameArgument(text, "delete"), where: "" }));
      return report(ctx, "delete", ["node"], nodes.length, await changeResources(ctx, "delete", [], nodes));
    }
    if (names.length === 0)
      throw new UsageError("'ippool delete TYPE' needs the CIDR of the pool to delete (or -f FILE)", "delete");
    const targets = names.map((text) => {
      const id = poolIdArgument(text, "delete");
      return { id, where: "" };
    });
    return report(ctx, "delete", ["ipPool"], targets.length, await changeResources(ctx, "delete", targets, []));
  },
};
