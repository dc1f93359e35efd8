// get: list pools (or nodes) as a table, a wide table, or v1 YAML/JSON that apply -f reads back unchanged.
import { readStoredPools } from "../../ipam/stored-pools.js";
import { poolToDocument, type Pool } from "../../pool/resource.js";
import { stringFlag, type CommandSpec } from "../framework/context.js";
import { formatJson, formatTable, formatYamlDocuments, outputFormat } from "../framework/output.js";
import { poolUsage, type PoolUsage } from "./pool-queries.js";
import { nodeNameArgument, poolIdArgument, resourceType } from "./resource-type.js";
import { nodeToDocument, type Node } from "../../node/resource.js";
import { readStoredNodes } from "../../ipam/stored-nodes.js";
import type { CommandContext } from "../framework/context.js";

const FORMATS = ["ps", "wide", "yaml", "json"] as const;

export const getCommand: CommandSpec = {
  summary: "list pools or nodes (table, wide table with usage, YAML or JSON)",
  args: ["TYPE", "CIDR|NAME..."],
  requiresStore: true,
  usage: ["get TYPE [CIDR...] [-o ps|wide|yaml|json]", "get nodes [NAME...] [-o ps|wide|yaml|json]"],
  description: [
    "TYPE is ippool, ippools, ipp, ipps, pool or pools (any case). Without CIDRs, every stored pool is listed.",
    "-o ps (default): the CIDRs. -o wide: also IPIP, IPIP MODE, NAT, DISABLED and the USED/FREE address counts.",
    "-o yaml / -o json: the v1 documents with every default written out; 'ippool apply -f' accepts them unchanged.",
    "TYPE node, nodes, no or nos lists node records: -o ps the NAME, -o wide also ASN, IPV4 and IPV6.",
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
    const [type, ...cidrs] = ctx.positionals;
    const kind = resourceType(type, "get");
    const format = outputFormat(stringFlag(ctx, "output"), FORMATS, "get");
    if (kind === "node") return getNodes(ctx, format, cidrs);
    const wanted = cidrs.map((text) => poolIdArgument(text, "get"));
    const { pools, usage } = await ctx.store.read(async (txn) => {
      const stored = await readStoredPools(txn);
      const pools = wanted.length === 0 ? stored : stored.filter((pool) => wanted.includes(pool.id));
      const usage = new Map<string, PoolUsage>();
      if (format === "wide") for (const pool of pools) usage.set(pool.id, await poolUsage(txn, pool.id));
      return { pools, usage };
    });
    const missing = new Set(wanted.filter((id) => !pools.some((pool) => pool.id === id)));
    // As kubectl: the ones found are printed, and a header with nothing under it only when nothing was asked by name.
    if (pools.length > 0 || missing.size === 0) ctx.out(render(format, pools, usage));
    for (const id of missing) ctx.error(`ipPool ${id} does not exist in ${ctx.storeName}`);
    return missing.size > 0 ? 1 : 0;
  },
};

function render(
  format: (typeof FORMATS)[number],
  pools: readonly Pool[],
  usage: ReadonlyMap<string, PoolUsage>,
): string {
  switch (format) {
    case "yaml":
      return formatYamlDocuments(pools.map(poolToDocument));
    case "json":
      // Always a list, so scripts need not guess; apply -f reads a list as several resources.
      return formatJson(pools.map(poolToDocument));
    case "ps":
      return formatTable(
        ["CIDR"],
        pools.map((pool) => [pool.id]),
      );
    case "wide":
      return formatTable(
        ["CIDR", "IPIP", "IPIP MODE", "NAT", "DISABLED", "USED", "FREE"],
        pools.map((pool) => {
          const counts = usage.get(pool.id)!;
          const ipip = pool.ipip?.enabled ?? false;
          return [
            pool.id,
            String(ipip),
            ipip ? pool.ipip!.mode : "-",
            String(pool.natOutgoing),
            String(pool.disabled),
            String(counts.used),
            String(counts.free),
          ];
        }),
      );
  }
}

async function getNodes(
  ctx: CommandContext,
  format: (typeof FORMATS)[number],
  names: readonly string[],
): Promise<number> {
  const wanted = names.map((text) => nodeNameArgument(text, "get"));
  const stored = await ctx.store.read(readStoredNodes);
  const nodes = wanted.length === 0 ? stored : stored.filter((node) => wanted.includes(node.name));
  const missing = new Set(wanted.filter((name) => !nodes.some((node) => node.name === name)));
  if (nodes.length > 0 || missing.size === 0) ctx.out(renderNodes(format, nodes));
  for (const name of missing) ctx.error(`node ${name} does not exist in ${ctx.storeName}`);
  return missing.size > 0 ? 1 : 0;
}

function renderNodes(format: (typeof FORMATS)[number], nodes: readonly Node[]): string {
  switch (format) {
    case "yaml":
      return formatYamlDocuments(nodes.map(nodeToDocument));
    case "json":
      return formatJson(nodes.map(nodeToDocument));
    case "ps":
      return formatTable(
        ["NAME"],
        nodes.map((node) => [node.name]),
      );
    case "wide":
      // calicoctl v1 columns; no global AS number exists here, so an absent one is "-".
      return formatTable(
        ["NAME", "ASN", "IPV4", "IPV6"],
        nodes.map((node) => [
          node.name,
          node.asNumber !== undefined ? String(node.asNumber) : "-",
          node.ipv4?.text ?? "-",
          node.ipv6?.text ?? "-",
        ]),
      );
  }
}
