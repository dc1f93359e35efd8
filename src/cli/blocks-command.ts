// blocks: every claimed block with its pool, affine node and counts; `blocks release` hands empty ones back.
import { CniError, ErrorCode } from "../cni/errors.js";
import { listBlocks, releaseEmptyBlocks } from "../ipam/blocks.js";
import { UsageError, booleanFlag, stringFlag, type CommandContext, type CommandSpec } from "./context.js";
import { formatJson, formatTable, outputFormat } from "./output.js";

export const blocksCommand: CommandSpec = {
  summary: "list claimed blocks (pool, affine node, used, free), or hand empty ones back",
  usage: ["blocks [-o table|json]", "blocks release --empty [--nodename NODE]", "blocks release --all-empty --nodename NODE"],
  description: [
    "A pool is cut into 64-address blocks (/26, /122). A node claims a block when its own are full and allocates",
    "from its blocks first; an empty block stays affine to its node for cheap reuse. USED counts held addresses;",
    "the network address, network+1 and the IPv4 broadcast count as neither used nor free.",
    "'blocks release --empty' hands back this node's empty blocks (or NODE's with --nodename), keeping its next-fit",
    "cursor. '--all-empty --nodename NODE' is for a node that is gone: its empty blocks go and, where it has no block",
    "left, its state too. Blocks that still hold addresses are never released; release those addresses first.",
  ],
  flags: {
    output: { type: "string", short: "o", value: "FORMAT", help: "table (default) or json" },
    empty: { type: "boolean", help: "with release: hand back the node's empty blocks" },
    "all-empty": { type: "boolean", help: "with release and --nodename: a gone node's empty blocks and state" },
  },
  examples: ["ippool blocks", "ippool blocks -o json | jq '.[] | select(.node == \"node-a\")'", "ippool blocks release --empty", "ippool blocks release --all-empty --nodename node-c"],
  run: async (ctx) => {
    const [action, extra] = ctx.positionals;
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`, "blocks");
    if (action === "release") return release(ctx);
    if (action !== undefined) throw new UsageError(`unknown action '${action}'; use 'ippool blocks' or 'ippool blocks release'`, "blocks");
    if (booleanFlag(ctx, "empty") || booleanFlag(ctx, "all-empty")) throw new UsageError("--empty and --all-empty go with 'ippool blocks release'", "blocks");
    const format = outputFormat(stringFlag(ctx, "output"), ["table", "json"] as const, "blocks");
    const blocks = await ctx.store.read(listBlocks);
    if (format === "json") {
      ctx.out(formatJson(blocks));
      return 0;
    }
    ctx.out(formatTable(["CIDR", "POOL", "NODE", "USED", "FREE"], blocks.map((block) => [block.cidr, block.pool, block.node, String(block.used), String(block.free)])));
    return 0;
  },
};

async function release(ctx: CommandContext): Promise<number> {
  const empty = booleanFlag(ctx, "empty");
  const allEmpty = booleanFlag(ctx, "all-empty");
  if (empty === allEmpty) throw new UsageError("'ippool blocks release' needs --empty or --all-empty (one of them)", "blocks");
  // Forgetting a node is for one that is gone: it must be named, never defaulted to the node the CLI runs on.
  if (allEmpty && stringFlag(ctx, "nodename") === undefined) throw new UsageError("--all-empty needs --nodename NODE (the node that is gone)", "blocks");
  const released = await ctx.store.update((txn) => releaseEmptyBlocks(txn, ctx.nodename, allEmpty));
  if (released.length === 0 && !allEmpty) {
    throw new CniError(ErrorCode.unknownContainer, `node ${ctx.nodename} has no empty block to release (see 'ippool blocks')`);
  }
  released.forEach((cidr) => ctx.out(`released block ${cidr} of node ${ctx.nodename}\n`));
  ctx.out(`released ${released.length} empty block(s) of node ${ctx.nodename}${allEmpty ? "; its state is gone where it held no block" : ""}\n`);
  return 0;
}
