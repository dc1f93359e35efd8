// `ippool verify`: checks every invariant of the store under its lock, prints each problem, changes nothing.
import { promises as fs } from "node:fs";
import { join, relative, sep } from "node:path";
import { safeParse, type core } from "zod/mini";
import { CniError, ErrorCode } from "../cni/errors.js";
import { verifyStore, type Problem, type VerifyReport } from "../ipam/verify.js";
import { withStoreLock } from "../store/lock.js";
import { damagedFile, readStateFile } from "../store/state-file.js";
import type { StoreReader } from "../store/store.js";
import { UsageError, stringFlag, type CommandSpec } from "./context.js";

const LOCK_WAIT_MS = 30_000;
const JOURNAL = "journal.json";
const LOCK_DIR = "store.lock";
/** Where writers keep temp files (src/store/disk-store.ts); the next write sweeps what a killed one left. */
const TEMP_DIR = "tmp";

interface Outcome extends VerifyReport {
  /** Things worth knowing that break no invariant: a pending journal, leftover temp files. */
  readonly notes: string[];
}

export const verifyCommand: CommandSpec = {
  summary: "check the store: every address held once, bitmaps, owners and counts agreeing, files intact",
  usage: ["verify [-o text|json]"],
  description: [
    "Reads the whole data dir under the store's lock and checks that each taken address has exactly one owner whose " +
      "record lists it, that no address is held twice, that every address and cursor lies in its pool, that the usage " +
      "counts equal the bitmaps, and that every file parses and passes its checksum.",
    "It changes nothing, not even an unfinished commit in journal.json (the next ippool write finishes that; verify " +
      "checks the store as if it were finished). Exit code 0 means no problem was found, 1 that some were.",
  ],
  flags: { output: { type: "string", short: "o", value: "FORMAT", help: "text (default) or json" } },
  examples: ["ippool verify", "ippool verify --data-dir /var/lib/cni/ippool -o json"],
  run: async (ctx) => {
    const format = stringFlag(ctx, "output") ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError(`unknown output format ${JSON.stringify(format)}; use text or json`, "verify");
    const outcome = await verifyDataDir(ctx.dataDir);
    ctx.out(format === "json" ? `${JSON.stringify(toJson(ctx.dataDir, outcome), null, 2)}\n` : toText(ctx.dataDir, outcome));
    return outcome.problems.length === 0 ? 0 : 1;
  },
};

/** Takes the lock without replaying the journal (that would be a write), then checks a read-only view. */
export async function verifyDataDir(dataDir: string): Promise<Outcome> {
  try {
    await fs.access(dataDir);
  } catch {
    return { problems: [], checked: { pools: 0, blocks: 0, attachments: 0, addresses: 0 }, notes: [`no store at ${dataDir} yet: nothing to check`] };
  }
  return withStoreLock(dataDir, LOCK_WAIT_MS, async () => {
    const notes: string[] = [];
    const problems: Problem[] = [];
    const { keys, temps, strangers } = await walkDataDir(dataDir);
    if (strangers.length > 0) notes.push(`file(s) that ippool did not write, ignored: ${strangers.join(", ")}`);
    if (temps.length > 0) {
      notes.push(`${temps.length} temporary file(s) left by killed writes (never read; the next ippool write removes them): ${temps.slice(0, 5).join(", ")}${temps.length > 5 ? ", ..." : ""}`);
    }
    const pending = await readJournal(dataDir, problems, notes);
    for (const [key, doc] of pending) {
      if (doc === null) keys.delete(key);
      else keys.add(key);
    }
    const report = await verifyStore(new SnapshotReader(dataDir, pending, keys), [...keys].sort());
    return { ...report, problems: [...problems, ...report.problems], notes };
  });
}

/** A reader of the files as they are plus the journal's pending writes; it never writes. */
class SnapshotReader implements StoreReader {
  constructor(
    private readonly dataDir: string,
    private readonly pending: ReadonlyMap<string, unknown>,
    private readonly keys: ReadonlySet<string>,
  ) {}

  async get<T>(key: string, schema: core.$ZodType<T>): Promise<T | undefined> {
    const fromJournal = this.pending.has(key);
    const path = fromJournal ? join(this.dataDir, JOURNAL) : join(this.dataDir, `${key}.json`);
    const raw = fromJournal ? this.pending.get(key) : readStateFile(path);
    if (raw === undefined || raw === null) return undefined;
    const parsed = safeParse(schema, raw);
    if (!parsed.success) throw damagedFile(path, `unexpected content for ${key} (${parsed.error.issues[0]?.message ?? "schema"})`);
    return parsed.data;
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.keys].filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes("/")).sort();
  }

  async listAll(prefix: string): Promise<string[]> {
    return [...this.keys].filter((key) => key.startsWith(prefix)).sort();
  }
}

async function readJournal(dataDir: string, problems: Problem[], notes: string[]): Promise<Map<string, unknown>> {
  const pending = new Map<string, unknown>();
  let journal: unknown;
  try {
    journal = readStateFile(join(dataDir, JOURNAL));
  } catch (error) {
    if (!(error instanceof CniError) || error.code !== ErrorCode.storeDamaged) throw error;
    problems.push({ key: "journal", message: `${error.message} (every ippool write fails until it is repaired or removed)` });
    return pending;
  }
  if (journal === undefined) return pending;
  const writes = (journal as { writes?: unknown }).writes;
  const valid = Array.isArray(writes) && writes.every((entry) => Array.isArray(entry) && typeof entry[0] === "string");
  if (!valid) {
    problems.push({ key: "journal", message: damagedFile(join(dataDir, JOURNAL), "journal has no list of writes").message });
    return pending;
  }
  for (const [key, doc] of writes as [string, unknown][]) pending.set(key, doc);
  notes.push(`journal.json holds an unfinished commit of ${pending.size} write(s) (a process died mid-commit); the next ippool write finishes it, and it was checked as finished`);
  return pending;
}

/** Every key (file path less ".json") under the data dir, and temp files that killed writers left behind. */
async function walkDataDir(dataDir: string): Promise<{ keys: Set<string>; temps: string[]; strangers: string[] }> {
  const keys = new Set<string>();
  const temps: string[] = [];
  const strangers: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(dataDir, path).split(sep).join("/");
      if (entry.isDirectory()) {
        if (rel !== LOCK_DIR) await walk(path);
      } else if (rel.startsWith(`${TEMP_DIR}/`)) temps.push(rel);
      else if (!rel.endsWith(".json")) strangers.push(rel);
      else if (rel !== JOURNAL) keys.add(rel.slice(0, -".json".length));
    }
  };
  await walk(dataDir);
  return { keys, temps, strangers };
}

function toText(dataDir: string, outcome: Outcome): string {
  const { checked, problems, notes } = outcome;
  const lines = [
    `checked ${dataDir}: ${checked.pools} pool(s), ${checked.blocks} block(s), ${checked.attachments} attachment(s), ${checked.addresses} address(es)`,
    ...notes.map((note) => `note: ${note}`),
    ...problems.map((problem) => `problem: ${fileOf(dataDir, problem.key)}: ${problem.message}`),
    problems.length === 0
      ? "ok: no problems found"
      : `${problems.length} problem(s) found; nothing was changed. Restore damaged files from a backup, or release what a ` +
        "broken record held with 'ippool release' / 'ippool reclaim' and run 'ippool verify' again",
  ];
  return `${lines.join("\n")}\n`;
}

function toJson(dataDir: string, outcome: Outcome) {
  return {
    dataDir,
    ok: outcome.problems.length === 0,
    checked: outcome.checked,
    problems: outcome.problems.map((problem) => ({ file: fileOf(dataDir, problem.key), message: problem.message })),
    notes: outcome.notes,
  };
}

/** The file a problem is in; a key that names a directory ("block/") is shown as that directory. */
const fileOf = (dataDir: string, key: string): string => (key.endsWith("/") ? join(dataDir, key) : join(dataDir, `${key}.json`));
