// create, apply, replace, delete and get: calicoctl v1 verbs over the plugin's store, the same for every resource kind.
import {
  UsageError,
  booleanFlag,
  stringFlag,
  type CommandContext,
  type CommandSpec,
  type FlagSpec,
} from "../framework/context.js";
import type { StoreReader, StoreTxn } from "../../store/store.js";
import { formatJson, formatTable, formatYamlDocuments, outputFormat } from "../framework/output.js";
import {
  sameResource,
  type DeleteFlags,
  type ResourceDescriptor,
  type Target,
  type Verb,
} from "./resource-descriptor.js";
import { loadResourceFile } from "./resource-files.js";
import { resourceType } from "./resource-kinds.js";

type Result = "created" | "configured" | "unchanged" | "replaced" | "deleted";

interface Outcome {
  readonly done: { kind: string; id: string; result: Result }[];
  readonly failed: string[];
  readonly warnings: string[];
  /** Further lines for stdout after the results (what delete --release-blocks handed back). */
  readonly notes: string[];
}

interface KindTargets<T> {
  readonly descriptor: ResourceDescriptor<T>;
  readonly targets: readonly Target<T>[];
}

const PAST: Record<Verb, string> = { create: "created", apply: "applied", replace: "replaced", delete: "deleted" };

/**
 * calicoctl's rule: create fails for a resource that exists, replace and delete for one that does
 * not, and apply does either; a resource equal to the stored one is "unchanged" and not written.
 */
function decide<T>(
  verb: Verb,
  descriptor: ResourceDescriptor<T>,
  target: Target<T>,
  existing: T | undefined,
): Result | { failure: string } {
  const what = `${descriptor.kind} ${target.id}`;
  if (verb === "delete") return existing ? "deleted" : { failure: `${what} does not exist` };
  if (verb === "create" && existing)
    return { failure: `${what} already exists; change it with 'ippool apply' or 'ippool replace'` };
  if (verb === "replace" && !existing) return { failure: `${what} does not exist; add it with ${descriptor.addWith}` };
  if (!existing) return "created";
  if (sameResource(descriptor, existing, target.resource!)) return "unchanged";
  return verb === "replace" ? "replaced" : "configured";
}

/**
 * The resources of one kind, in the command's transaction. A resource that cannot be changed
 * (create of an existing one, replace or delete of a missing one, delete of one still in use)
 * fails alone, as in calicoctl; the kind's check of the resulting set may reject the whole file.
 */
async function changeKind<T>(
  txn: StoreTxn,
  verb: Verb,
  { descriptor, targets }: KindTargets<T>,
  flags: DeleteFlags,
  outcome: Outcome,
): Promise<void> {
  const stored = await descriptor.open(txn, verb, flags);
  const done: { target: Target<T>; result: Result }[] = [];
  for (const target of targets) {
    const fail = (message: string) => outcome.failed.push(target.where ? `${target.where}: ${message}` : message);
    const result = decide(verb, descriptor, target, await stored.find(target.id));
    if (typeof result !== "string") {
      fail(result.failure);
      continue;
    }
    if (result === "deleted") {
      const holding = await stored.holds?.(target.id);
      if (holding && !flags.force) {
        fail(holding.refusal);
        continue;
      }
      if (holding) outcome.warnings.push(holding.warning);
      outcome.notes.push(...(await stored.remove(target.id)));
    } else if (result !== "unchanged") {
      stored.write(target.resource!);
    }
    done.push({ target, result });
  }
  if (verb !== "delete") outcome.warnings.push(...((await stored.check?.(done.map((entry) => entry.target))) ?? []));
  stored.close?.();
  outcome.done.push(...done.map(({ target, result }) => ({ kind: descriptor.kind, id: target.id, result })));
}

/** One transaction for every kind of one command, so a file lands whole or not at all. */
async function changeResources(
  ctx: CommandContext,
  verb: Verb,
  kinds: readonly KindTargets<unknown>[],
): Promise<Outcome> {
  const flags = { force: booleanFlag(ctx, "force"), releaseBlocks: booleanFlag(ctx, "release-blocks") };
  return ctx.store.update(async (txn) => {
    const outcome: Outcome = { done: [], failed: [], warnings: [], notes: [] };
    for (const kind of kinds) await changeKind(txn, verb, kind, flags, outcome);
    return outcome;
  });
}

async function runChange(ctx: CommandContext, verb: Verb, kinds: readonly KindTargets<unknown>[]): Promise<number> {
  const outcome = await changeResources(ctx, verb, kinds);
  const total = kinds.reduce((sum, kind) => sum + kind.targets.length, 0);
  for (const { kind, id, result } of outcome.done) ctx.out(`${result} ${kind} ${id}\n`);
  for (const line of outcome.notes) ctx.out(`${line}\n`);
  outcome.warnings.forEach(ctx.warn);
  const label = kinds.map((kind) => `'${kind.descriptor.kind}'`).join(" and ");
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
  const kinds = await loadResourceFile(ctx, path);
  if (verb !== "delete") kinds.flatMap((kind) => kind.targets).forEach((target) => target.warnings.forEach(ctx.warn));
  return runChange(ctx, verb, kinds);
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
    "A node is refused likewise while a block affine to it holds containers' addresses; its own tunnel addresses",
    "are released with it. --release-blocks also hands the",
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
    const descriptor = resourceType(type, "delete");
    if (names.length === 0) throw new UsageError(`${descriptor.deleteNeedsName} (or -f FILE)`, "delete");
    const targets = names.map((text) => ({ id: descriptor.idArgument(text, "delete"), where: "" }));
    return runChange(ctx, "delete", [{ descriptor, targets }]);
  },
};

const FORMATS = ["ps", "wide", "yaml", "json"] as const;

export const getCommand: CommandSpec = {
  summary: "list pools or nodes (table, wide table with usage, YAML or JSON)",
  args: ["TYPE", "CIDR|NAME..."],
  requiresStore: true,
  usage: ["get TYPE [CIDR...] [-o ps|wide|yaml|json]", "get nodes [NAME...] [-o ps|wide|yaml|json]"],
  description: [
    "TYPE is ippool, ippools, ipp, ipps, pool or pools (any case). Without CIDRs, every stored pool is listed.",
    "-o ps (default): the CIDRs. -o wide: also IPIP, IPIP MODE, VXLAN, VXLAN MODE, NAT, DISABLED and the USED/FREE address counts.",
    "-o yaml / -o json: the v1 documents with every default written out; 'ippool apply -f' accepts them unchanged.",
    "TYPE node, nodes, no or nos lists node records: -o ps the NAME, -o wide also ASN, IPV4, IPV6 and the VXLAN endpoints.",
  ],
  flags: { output: { type: "string", short: "o", value: "FORMAT", help: "ps (default), wide, yaml or json" } },
  examples: [
    "ippool get ippools",
    "ippool get pool 10.22.0.0/16 -o wide",
    "ippool get pools -o yaml > pools.yaml",
    "ippool get ipp -o json | jq '.[].metadata.cidr'",
    "ippool get nodes -o wide",
  ],
  run: async (ctx) => {
    const [type, ...names] = ctx.positionals;
    const descriptor = resourceType(type, "get");
    const format = outputFormat(stringFlag(ctx, "output"), FORMATS, "get");
    const wanted = names.map((text) => descriptor.idArgument(text, "get"));
    const { found, text } = await ctx.store.read(async (reader) => {
      const stored = await descriptor.readAll(reader);
      const found = wanted.length === 0 ? stored : stored.filter((one) => wanted.includes(descriptor.idOf(one)));
      return { found, text: await render(descriptor, found, format, reader) };
    });
    const missing = new Set(wanted.filter((id) => !found.some((one) => descriptor.idOf(one) === id)));
    // As kubectl: the ones found are printed, and a header with nothing under it only when nothing was asked by name.
    if (found.length > 0 || missing.size === 0) ctx.out(text);
    for (const id of missing) ctx.error(`${descriptor.kind} ${id} does not exist in ${ctx.storeName}`);
    return missing.size > 0 ? 1 : 0;
  },
};

async function render<T>(
  descriptor: ResourceDescriptor<T>,
  resources: readonly T[],
  format: (typeof FORMATS)[number],
  reader: StoreReader,
): Promise<string> {
  const documents = () => resources.map((one) => descriptor.toDocument(one));
  switch (format) {
    case "yaml":
      return formatYamlDocuments(documents());
    case "json":
      // Always a list, so scripts need not guess; apply -f reads a list as several resources.
      return formatJson(documents());
    case "ps":
    case "wide": {
      const { headers, rows } = await descriptor.table(resources, format === "wide", reader);
      return formatTable(headers, rows);
    }
  }
}
