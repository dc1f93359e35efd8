// One disk transaction's view: the files, overlaid by a commit record not yet applied, plus its own pending writes.
import { readdirSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { safeParse, type core } from "zod/mini";
import { isDamage } from "../store-error.js";
import { PendingWrites, assertSafeKey, overlayListing, tagDamagedKey, type StoreTxn } from "../store.js";
import { damagedFile, readStateFile } from "./state-file.js";
import type { Writes } from "./commit-log.js";

/** Top-level names of the store's own machinery, never document keys: commit/, tmp/, the lock and its graves. */
export const isReservedName = (name: string): boolean =>
  name === "commit" || name === "tmp" || name.startsWith("store.lock");

function readDocumentFile(path: string, key: string): unknown {
  try {
    return readStateFile(path);
  } catch (error) {
    if (isDamage(error)) throw tagDamagedKey(error, key);
    throw error;
  }
}

export class DiskTxn extends PendingWrites implements StoreTxn {
  private readonly cache = new Map<string, unknown>();

  /** `pending`: writes of a committed record that may not be in the files yet, read as if they were. */
  constructor(
    private readonly dataDir: string,
    private readonly pending: Writes = new Map(),
    private readonly pendingFile = "",
  ) {
    super();
  }

  pathOf(key: string): string {
    assertSafeKey(key);
    return join(this.dataDir, `${key}.json`);
  }

  async get<T>(key: string, schema: core.$ZodType<T>): Promise<T | undefined> {
    if (this.writes.has(key)) return (this.writes.get(key) ?? undefined) as T | undefined;
    if (this.cache.has(key)) return this.cache.get(key) as T | undefined;
    const fromRecord = this.pending.has(key);
    const path = fromRecord ? this.pendingFile : this.pathOf(key);
    const raw = fromRecord ? (this.pending.get(key) ?? undefined) : readDocumentFile(path, key);
    let doc: T | undefined;
    if (raw !== undefined) {
      const parsed = safeParse(schema, raw);
      if (!parsed.success) {
        const why = `unexpected content${fromRecord ? ` for ${key}` : ""} (${parsed.error.issues[0]?.message ?? "schema"})`;
        // A commit record's content is the record's damage, not the document's: only the file's own gets the key.
        throw fromRecord ? damagedFile(path, why) : tagDamagedKey(damagedFile(path, why), key);
      }
      doc = parsed.data;
    }
    this.cache.set(key, doc);
    return doc;
  }

  /** A file read is no round trip: each is read when the work asks for it. */
  async prefetch(): Promise<void> {}

  /** A disk commit is checked against the whole store's generation, so a peek is a plain read. */
  async peek<T>(keys: readonly string[], schema: core.$ZodType<T>): Promise<(T | undefined)[]> {
    const docs: (T | undefined)[] = [];
    for (const key of keys) docs.push(await this.get(key, schema));
    return docs;
  }

  peekList(prefix: string): Promise<string[]> {
    return this.list(prefix);
  }

  async list(prefix: string): Promise<string[]> {
    const dir = prefix === "" ? this.dataDir : this.pathOf(prefix.replace(/\/$/, "")).replace(/\.json$/, "");
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    // Sub-prefixes (directories) are listed too, so "attachment/" yields its networks.
    const files = entries
      .filter(
        (entry) =>
          (entry.isDirectory() || entry.name.endsWith(".json")) && !(prefix === "" && isReservedName(entry.name)),
      )
      .map((entry) => prefix + (entry.isDirectory() ? entry.name : entry.name.slice(0, -".json".length)));
    return overlayListing(overlayListing(files, prefix, this.pending), prefix, this.writes);
  }

  async listAll(prefix: string): Promise<string[]> {
    const all: string[] = [];
    for (const key of await this.list(prefix)) {
      const below = await this.list(`${key}/`);
      if (below.length > 0 || this.isDirectory(key)) all.push(...(await this.listAll(`${key}/`)));
      else all.push(key);
    }
    return all.sort();
  }

  private isDirectory(key: string): boolean {
    try {
      readdirSync(this.pathOf(key).replace(/\.json$/, ""));
      return true;
    } catch {
      return false;
    }
  }
}
