// datastore migrate: copies a node's disk store, key by key through the Store interface, into etcd.
import * as z from "zod/mini";
import { CniError, ErrorCode } from "../../errors.js";
import { openStore } from "../../store/open-store.js";
import type { Store } from "../../store/store.js";
import { UsageError, stringFlag, type CommandSpec } from "../framework/context.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LEGACY_CLAIMS_PREFIX } from "../../ipam/store-documents.js";
import { upgradeLayout } from "../../ipam/layout-upgrade.js";
import { canonical, differentDocument, planMigration, rehomeBlock } from "../../ipam/migration.js";

/** Keys per etcd transaction: each costs a compare and a put, and etcd allows 128 of each by default. */
const BATCH = 64;
const LOCK_WAIT_SECONDS = 30;

export const datastoreCommand: CommandSpec = {
  summary: "copy a node's disk store into the etcd datastore",
  args: ["SUBCOMMAND"],
  usage: ["datastore migrate --from-data-dir DIR --etcd-endpoints URL[,URL...] [--etcd-prefix PREFIX]"],
  description: [
    "Copies every key of the disk store in DIR (pools, pool state, blocks, attachments) into etcd. A key",
    "etcd already holds with the same document is left alone, so running it twice changes nothing; a key",
    "etcd holds with a different document is refused (exit 1, naming the key) before anything is written.",
    "A block etcd holds for another node (every disk store claims its pool's first block) keeps that node;",
    "this node's addresses in it join it as borrowed ones, none changes; an address both nodes hold is",
    "refused, naming both holders. DIR is only read; a store of an earlier ippool is converted on the way.",
    "Stop ADD and DEL on the node while it runs (e.g. drain it), then point the network configs at etcd",
    "(ipam.datastore).",
  ],
  flags: { "from-data-dir": { type: "string", value: "DIR", help: "the disk store to copy (required)" } },
  examples: ["ippool datastore migrate --from-data-dir /var/lib/cni/ippool --etcd-endpoints http://10.0.0.1:2379"],
  run: async (ctx) => {
    if (ctx.positionals[0] !== "migrate") throw new UsageError("expected 'datastore migrate'", "datastore");
    const from = stringFlag(ctx, "from-data-dir");
    if (from === undefined) throw new UsageError("--from-data-dir DIR is required", "datastore");
    if (ctx.datastore !== "etcd")
      throw new UsageError(
        "datastore migrate copies into etcd: give --etcd-endpoints (or ETCD_ENDPOINTS)",
        "datastore",
      );
    const docs = await readConverted(from);
    if (docs.size === 0) throw new CniError(ErrorCode.ioFailure, `${from} holds no ippool store: nothing to copy`);
    await upgradeLayout(ctx.store);
    // Every conflict is found before anything is written.
    const plan = await ctx.store.read((txn) => planMigration(txn, docs, ctx.store.location));
    let copied = 0;
    // Re-homed blocks first: their addresses are taken before the attachments that hold them appear.
    for (const rehome of plan.rehomes) {
      await ctx.store.update((txn) =>
        rehomeBlock(txn, rehome, ctx.store.location, `${copied} key(s) were copied before it`),
      );
      copied++;
    }
    const missing = [...plan.copies.keys()];
    for (let start = 0; start < missing.length; start += BATCH) {
      copied += await ctx.store.update(async (txn) => {
        let written = 0;
        for (const key of missing.slice(start, start + BATCH)) {
          const doc = plan.copies.get(key);
          if (await sameAs(txn.get(key, z.unknown()), doc, key, ctx.store, `${copied} key(s) were copied before it`))
            continue;
          txn.put(key, doc);
          written++;
        }
        return written;
      });
    }
    const rehomed =
      plan.rehomes.length > 0
        ? `; ${plan.rehomes.length} block(s) another node holds there got this node's addresses as borrowed ones`
        : "";
    ctx.out(
      copied === 0
        ? `nothing to copy: ${ctx.store.location} already holds all ${docs.size} key(s) of ${from}\n`
        : `copied ${copied} key(s) from ${from} to ${ctx.store.location}${plan.alreadyThere > 0 ? `; ${plan.alreadyThere} were already there` : ""}${rehomed}\n`,
    );
    return 0;
  },
};

/**
 * Every document of the disk store in DIR, in the current layout: a store an earlier version
 * wrote is converted in a scratch copy (DIR is only read), by the conversion the plugin runs.
 */
async function readConverted(from: string): Promise<Map<string, unknown>> {
  const readAll = (store: Store) =>
    store.read(async (txn) => {
      const all = new Map<string, unknown>();
      for (const key of await txn.listAll("")) all.set(key, await txn.get(key, z.unknown()));
      return all;
    });
  const docs = await readAll(
    await openStore({ datastore: { type: "disk" }, dataDir: from, lockWaitSeconds: LOCK_WAIT_SECONDS }),
  );
  if (![...docs.keys()].some((key) => key.startsWith(LEGACY_CLAIMS_PREFIX))) return docs;
  const scratch = mkdtempSync(join(tmpdir(), "ippool-migrate-"));
  try {
    const staging = await openStore({
      datastore: { type: "disk" },
      dataDir: scratch,
      lockWaitSeconds: LOCK_WAIT_SECONDS,
    });
    await staging.update(async (txn) => docs.forEach((doc, key) => txn.put(key, doc)));
    await upgradeLayout(staging);
    return await readAll(staging);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** True when the target holds the same document, false when it holds none; a different one is refused. */
async function sameAs(
  stored: Promise<unknown>,
  doc: unknown,
  key: string,
  target: Store,
  soFar: string,
): Promise<boolean> {
  const existing = await stored;
  if (existing === undefined) return false;
  if (canonical(existing) === canonical(doc)) return true;
  throw differentDocument(target.location, key, soFar);
}
