// get: list pools as a table, a wide table with usage, or v1 YAML/JSON that apply -f reads back unchanged.
import { readStoredPools } from "../ipam/stored-pools.js";
import { poolToDocument, type Pool } from "../pool/resource.js";
import { stringFlag, type CommandSpec } from "./context.js";
import { formatJson, formatTable, formatYamlDocuments, outputFormat } from "./output.js";
import { poolUsage, type PoolUsage } from "./pool-queries.js";
import { poolIdArgument, requirePoolType } from "./resource-type.js";

const FORMATS = ["ps", "wide", "yaml", "json"] as const;

export const getCommand: CommandSpec = {
  summary: "list pools (table, wide table with usage, YAML or JSON)",
  usage: ["get TYPE [CIDR...] [-o ps|wide|yaml|json]"],
  description: [
    "TYPE is ippool, ippools, ipp, ipps, pool or pools (any case). Without CIDRs, every stored pool is listed.",
    "-o ps (default): the CIDRs. -o wide: also IPIP, IPIP MODE, NAT, DISABLED and the USED/FREE address counts.",
    "-o yaml / -o json: the v1 documents with every default written out; 'ippool apply -f' accepts them unchanged.",
  ],
  flags: { output: { type: "string", short: "o", value: "FORMAT", help: "ps (default), wide, yaml or json" } },
  examples: ["ippool get ippools", "ippool get pool 10.22.0.0/16 -o wide", "ippool get pools -o yaml > pools.yaml", "ippool get ipp -o json | jq '.[].metadata.cidr'"],
  run: async (ctx) => {
    const [type, ...cidrs] = ctx.positionals;
    requirePoolType(type, "get");
    const format = outputFormat(stringFlag(ctx, "output"), FORMATS, "get");
    const wanted = cidrs.map((text) => poolIdArgument(text, "get"));
    const { pools, usage } = await ctx.store.read(async (txn) => {
      const stored = await readStoredPools(txn);
      const pools = wanted.length === 0 ? stored : stored.filter((pool) => wanted.includes(pool.id));
      const usage = new Map<string, PoolUsage>();
      if (format === "wide") for (const pool of pools) usage.set(pool.id, await poolUsage(txn, pool.id));
      return { pools, usage };
    });
    ctx.out(render(format, pools, usage));
    const missing = wanted.filter((id) => !pools.some((pool) => pool.id === id));
    for (const id of new Set(missing)) ctx.error(`ipPool ${id} does not exist`);
    return missing.length > 0 ? 1 : 0;
  },
};

function render(format: (typeof FORMATS)[number], pools: readonly Pool[], usage: ReadonlyMap<string, PoolUsage>): string {
  switch (format) {
    case "yaml":
      return formatYamlDocuments(pools.map(poolToDocument));
    case "json":
      // Always a list, so scripts need not guess; apply -f reads a list as several resources.
      return formatJson(pools.map(poolToDocument));
    case "ps":
      return formatTable(["CIDR"], pools.map((pool) => [pool.id]));
    case "wide":
      return formatTable(
        ["CIDR", "IPIP", "IPIP MODE", "NAT", "DISABLED", "USED", "FREE"],
        pools.map((pool) => {
          const counts = usage.get(pool.id)!;
          const ipip = pool.ipip?.enabled ?? false;
          return [pool.id, String(ipip), ipip ? pool.ipip!.mode : "-", String(pool.natOutgoing), String(pool.disabled), String(counts.used), String(counts.free)];
        }),
      );
  }
}
