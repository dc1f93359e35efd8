// usage: per pool, capacity, used, free and percentage, at a glance.
import { compareCidrs } from "../../alloc/address.js";
import { poolCidr } from "../../ipam/store-documents.js";
import { readStoredPools } from "../../ipam/stored-pools.js";
import { stringFlag, type CommandSpec } from "../framework/context.js";
import { formatJson, formatTable, outputFormat, percent } from "../framework/output.js";
import { poolIdsWithState } from "../resources/pool-queries.js";
import { poolUsage } from "../../ipam/blocks.js";

export const usageCommand: CommandSpec = {
  summary: "per pool: capacity, used, free and percentage in use",
  args: [],
  requiresStore: true,
  usage: ["usage [-o table|json]"],
  description: [
    "Lists every stored pool, and pools that are not stored but still hold addresses (given inline in a",
    'network config\'s ipam.ipPools, or deleted with --force): those show SOURCE "not stored".',
    "CAPACITY counts what can be handed out: the network address, network+1 (the gateway) and the IPv4",
    "broadcast address never are.",
  ],
  flags: { output: { type: "string", short: "o", value: "FORMAT", help: "table (default) or json" } },
  examples: ["ippool usage", "ippool usage -o json | jq '.[] | select(.free < 10)'"],
  run: async (ctx) => {
    const format = outputFormat(stringFlag(ctx, "output"), ["table", "json"] as const, "usage");
    const rows = await ctx.store.read(async (txn) => {
      const stored = await readStoredPools(txn);
      const storedIds = new Set(stored.map((pool) => pool.id));
      const entries = stored.map((pool) => ({ pool: pool.id, stored: true, disabled: pool.disabled }));
      for (const id of await poolIdsWithState(txn)) {
        if (!storedIds.has(id)) entries.push({ pool: id, stored: false, disabled: false });
      }
      const withCounts = [];
      for (const entry of entries) {
        const counts = await poolUsage(txn, entry.pool);
        // State of an unstored pool that holds nothing (a deleted pool's cursor) is history, not a pool.
        if (entry.stored || counts.used > 0n)
          withCounts.push({ ...entry, ...counts, percent: percent(counts.used, counts.capacity) });
      }
      return withCounts.sort((a, b) => compareCidrs(poolCidr(a.pool), poolCidr(b.pool)));
    });
    if (format === "json") {
      ctx.out(formatJson(rows));
      return 0;
    }
    ctx.out(
      formatTable(
        ["POOL", "CAPACITY", "USED", "FREE", "USE%", "SOURCE"],
        rows.map((row) => [
          row.pool,
          String(row.capacity),
          String(row.used),
          String(row.free),
          row.percent,
          row.stored ? (row.disabled ? "stored, disabled" : "stored") : "not stored",
        ]),
      ),
    );
    return 0;
  },
};
