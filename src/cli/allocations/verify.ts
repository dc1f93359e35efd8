// `ippool verify`: checks every invariant of one consistent view of the store, prints each problem, changes nothing.
import { verifyStore, type VerifyReport } from "../../ipam/verify.js";
import type { Store } from "../../store/store.js";
import { blocksToRebuild, rebuildCommand } from "../../ipam/damage-advice.js";
import { UsageError, stringFlag, type CommandSpec, type CommandContext } from "../framework/context.js";

interface Outcome extends VerifyReport {
  /** Things worth knowing that break no invariant: a commit not yet applied, leftover temp files. */
  readonly notes: string[];
}

export const verifyCommand: CommandSpec = {
  summary: "check the store: every address held once, bitmaps, owners and block records agreeing, files intact",
  args: [],
  requiresStore: true,
  usage: ["verify [-o text|json]"],
  description: [
    "Reads the whole store as of one commit (without taking its lock) and checks that each taken address has exactly one owner whose " +
      "record lists it, that no address is held twice, that every address and cursor lies in its pool, that blocks, " +
      "claims and node states agree on each block's node and last write, and that every file parses and passes its checksum.",
    "The first line names the store checked (the data dir, or etcd's endpoints and prefix) and says how many pools " +
      "(stored, or still holding state), blocks, attachments and addresses it holds. " +
      "On etcd, problems name keys.",
    "It changes nothing, not even a commit whose writer died before applying it (the next ippool write finishes that; " +
      "verify checks the store as if it were finished). Exit code 0 means no problem was found, 1 that some were.",
  ],
  flags: { output: { type: "string", short: "o", value: "FORMAT", help: "text (default) or json" } },
  examples: ["ippool verify", "ippool verify --data-dir /var/lib/cni/ippool -o json"],
  run: async (ctx) => {
    const format = stringFlag(ctx, "output") ?? "text";
    if (format !== "text" && format !== "json")
      throw new UsageError(`unknown output format ${JSON.stringify(format)}; use text or json`, "verify");
    const outcome = await verifyStoreOf(ctx.store);
    ctx.out(format === "json" ? `${JSON.stringify(toJson(ctx, outcome), null, 2)}\n` : toText(ctx, outcome));
    return outcome.problems.length === 0 ? 0 : 1;
  },
};

/** The backend's own facts first: a damaged commit record makes every read fail, so the data cannot be checked. */
export async function verifyStoreOf(store: Store): Promise<Outcome> {
  const facts = await store.notes();
  if (facts.problems.length > 0)
    return {
      problems: facts.problems,
      checked: { pools: 0, blocks: 0, attachments: 0, addresses: 0 },
      notes: facts.notes,
    };
  const report = await store.read(async (reader) => verifyStore(reader, await reader.listAll("")));
  return { ...report, notes: facts.notes };
}

function toText(ctx: CommandContext, outcome: Outcome): string {
  const { checked, problems, notes } = outcome;
  const onEtcd = ctx.datastore === "etcd";
  const [where, damaged] = onEtcd ? ["etcd key ", "key from an etcd snapshot"] : ["", "file from a backup"];
  const lines = [
    `checked ${ctx.storeName}: ${checked.pools} pool(s), ${checked.blocks} block(s), ` +
      `${checked.attachments} attachment(s), ${checked.addresses} address(es)`,
    ...notes.map((note) => `note: ${note}`),
    ...problems.map((problem) => `problem: ${where}${ctx.whereIs(problem.key)}: ${problem.message}`),
    ...(problems.length === 0 ? ["ok: no problems found"] : repairs(problems, ctx.store.cliFlags, damaged)),
  ];
  return `${lines.join("\n")}\n`;
}

/** The safe way out: blocks rebuilt from the attachment records (named with this store's flags), anything else restored. */
function repairs(problems: Outcome["problems"], flags: string, damaged: string): string[] {
  const blocks = blocksToRebuild(problems);
  return [
    `${problems.length} problem(s) found; nothing was changed.` +
      (blocks.length > 0
        ? " Rebuild each block below from the attachment records (every address a record holds stays taken):"
        : ""),
    ...blocks.map((block) => `  ${rebuildCommand(block, flags)}`),
    `Restore any other damaged ${damaged}; free an address held without a record with 'ippool release ADDRESS --yes'; ` +
      "then run 'ippool verify' again",
  ];
}

/** A problem names its file on disk and its key on etcd, under a field of that name. */
function toJson(ctx: CommandContext, outcome: Outcome) {
  const field = ctx.datastore === "etcd" ? "key" : "file";
  return {
    store: ctx.storeName,
    ...(ctx.datastore === "disk" ? { dataDir: ctx.dataDir } : {}),
    ok: outcome.problems.length === 0,
    checked: outcome.checked,
    problems: outcome.problems.map((problem) => ({ [field]: ctx.whereIs(problem.key), message: problem.message })),
    notes: outcome.notes,
  };
}
