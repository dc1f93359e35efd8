// datastore migrate: copies a node's disk store, key by key through the Store interface, into etcd.
import * as z from "zod/mini";
import { CniError, ErrorCode } from "../../errors.js";
import { openStore } from "../../store/open-store.js";
import type { Store } from "../../store/store.js";
import { UsageError, stringFlag, type CommandSpec } from "../framework/context.js";

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
    "DIR is only read. Stop ADD and DEL on the node while it runs (e.g. drain it), then point the",
    "network configs at etcd (ipam.datastore).",
  ],
  flags: { "from-data-dir": { type: "string", value: "DIR", help: "the disk store to copy (required)" } },
  examples: ["ippool datastore migrate --from-data-dir /var/lib/cni/ippool --etcd-endpoints http://10.0.0.1:2379"],
  run: async (ctx) => {
    if (ctx.positionals[0] !== "migrate") throw new UsageError("expected 'datastore migrate'", "datastore");
    const from = stringFlag(ctx, "from-data-dir");
    if (from === undefined) throw new UsageError("--from-data-dir DIR is required", "datastore");
    if (ctx.datastore !== "etcd") throw new UsageError("datastore migrate copies into etcd: give --etcd-endpoints (or ETCD_ENDPOINTS)", "datastore");
    const source = await openStore({ datastore: { type: "disk" }, dataDir: from, lockWaitSeconds: LOCK_WAIT_SECONDS });
    const docs = await source.read(async (txn) => {
      const all = new Map<string, unknown>();
      for (const key of await txn.listAll("")) all.set(key, await txn.get(key, z.unknown()));
      return all;
    });
    if (docs.size === 0) throw new CniError(ErrorCode.ioFailure, `${from} holds no ippool store: nothing to copy`);
    // Every conflict is found before anything is written.
    const missing = await ctx.store.read(async (txn) => {
      const keys: string[] = [];
      for (const [key, doc] of docs) if (!(await sameAs(txn.get(key, z.unknown()), doc, key, ctx.store, "nothing was copied"))) keys.push(key);
      return keys;
    });
    let copied = 0;
    for (let start = 0; start < missing.length; start += BATCH) {
      copied += await ctx.store.update(async (txn) => {
        let written = 0;
        for (const key of missing.slice(start, start + BATCH)) {
          if (await sameAs(txn.get(key, z.unknown()), docs.get(key), key, ctx.store, `${copied} key(s) were copied before it`)) continue;
          txn.put(key, docs.get(key));
          written++;
        }
        return written;
      });
    }
    const there = docs.size - copied;
    ctx.out(
      copied === 0
        ? `nothing to copy: ${ctx.store.location} already holds all ${docs.size} key(s) of ${from}\n`
        : `copied ${copied} key(s) from ${from} to ${ctx.store.location}${there > 0 ? `; ${there} were already there` : ""}\n`,
    );
    return 0;
  },
};

/** True when the target holds the same document, false when it holds none; a different one is refused. */
async function sameAs(stored: Promise<unknown>, doc: unknown, key: string, target: Store, soFar: string): Promise<boolean> {
  const existing = await stored;
  if (existing === undefined) return false;
  if (canonical(existing) === canonical(doc)) return true;
  throw new CniError(
    ErrorCode.invalidConfig,
    `${target.location} already holds a different document at ${key}; ${soFar}`,
    "the two stores disagree: compare them (etcdctl get, 'ippool show') before removing either",
  );
}

/** JSON with object keys sorted, so two stores that wrote fields in another order still compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}
