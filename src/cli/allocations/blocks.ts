// blocks: every claimed block with its pool, affine node and counts; `blocks release` hands empty ones back.
import { CniError, ErrorCode } from "../../errors.js";
import { cidrContains, formatCidr, parseCidr } from "../../alloc/address.js";
import { blockCidrOf, locate } from "../../ipam/block-state.js";
import { listBlocks, nodesWithState, poolIdsWithBlocks, releaseEmptyBlocks } from "../../ipam/blocks.js";
import { nodeStatePrefix, poolCidr, poolIdFromSegment } from "../../ipam/store-documents.js";
import { rebuildBlock } from "../../ipam/rebuild.js";
import { readStoredPools } from "../../ipam/stored-pools.js";
import { UsageError, booleanFlag, stringFlag, type CommandContext, type CommandSpec } from "../framework/context.js";
import { formatJson, formatTable, outputFormat } from "../framework/output.js";
import type { StoreReader } from "../../store/store.js";
import { upgradeLayout } from "../../ipam/layout-upgrade.js";

export const blocksCommand: CommandSpec = {
  summary: "list claimed blocks (pool, affine node, used, free), or hand empty ones back",
  args: ["ACTION", "BLOCK-CIDR"],
  requiresStore: true,
  usage: [
    "blocks [-o table|json]",
    "blocks release --empty [--nodename NODE]",
    "blocks release --all-empty --nodename NODE",
    "blocks rebuild BLOCK-CIDR",
  ],
  description: [
    "A pool is cut into 64-address blocks (/26, /122). A node claims a block when its own are full and allocates",
    "from its blocks first; an empty block stays affine to its node for cheap reuse. USED counts held addresses;",
    "the network address, network+1 and the IPv4 broadcast count as neither used nor free.",
    "'blocks release --empty' hands back this node's empty blocks (or NODE's with --nodename), keeping its next-fit",
    "cursor. '--all-empty --nodename NODE' is for a node that is gone: its empty blocks go and, where it has no block",
    "left, its state too. Blocks that still hold addresses are never released; release those addresses first.",
    "'blocks rebuild BLOCK-CIDR' repairs a block that is damaged, lost or restored from an earlier copy (ADD refuses such",
    "a block with code 104), in place: every address an attachment record holds in it is marked taken again; nothing held",
    "is freed.",
  ],
  flags: {
    output: { type: "string", short: "o", value: "FORMAT", help: "table (default) or json" },
    empty: { type: "boolean", help: "with release: hand back the node's empty blocks" },
    "all-empty": { type: "boolean", help: "with release and --nodename: a gone node's empty blocks and state" },
  },
  examples: [
    "ippool blocks",
    "ippool blocks -o json | jq '.[] | select(.node == \"node-a\")'",
    "ippool blocks release --empty",
    "ippool blocks release --all-empty --nodename node-c",
    "ippool blocks rebuild 10.22.0.64/26",
  ],
  run: async (ctx) => {
    const [action, target] = ctx.positionals;
    if (action === "rebuild") return rebuild(ctx, target);
    if (target !== undefined) throw new UsageError(`unexpected argument '${target}'`, "blocks");
    if (action === "release") return release(ctx);
    if (action !== undefined)
      throw new UsageError(`unknown action '${action}'; use 'ippool blocks' or 'ippool blocks release'`, "blocks");
    if (booleanFlag(ctx, "empty") || booleanFlag(ctx, "all-empty"))
      throw new UsageError("--empty and --all-empty go with 'ippool blocks release'", "blocks");
    const format = outputFormat(stringFlag(ctx, "output"), ["table", "json"] as const, "blocks");
    const blocks = await ctx.store.read(listBlocks);
    if (format === "json") {
      ctx.out(formatJson(blocks));
      return 0;
    }
    ctx.out(
      formatTable(
        ["CIDR", "POOL", "NODE", "USED", "FREE"],
        blocks.map((block) => [block.cidr, block.pool, block.node, String(block.used), String(block.free)]),
      ),
    );
    return 0;
  },
};

async function release(ctx: CommandContext): Promise<number> {
  const empty = booleanFlag(ctx, "empty");
  const allEmpty = booleanFlag(ctx, "all-empty");
  if (empty === allEmpty)
    throw new UsageError("'ippool blocks release' needs --empty or --all-empty (one of them)", "blocks");
  // Forgetting a node is for one that is gone: it must be named, never defaulted to the node the CLI runs on.
  if (allEmpty && stringFlag(ctx, "nodename") === undefined)
    throw new UsageError("--all-empty needs --nodename NODE (the node that is gone)", "blocks");
  // A block handed back must lose its claim too, so a store of an earlier version is converted first.
  await upgradeLayout(ctx.store);
  const released = await ctx.store.update(async (txn) => {
    // Read before the release: forgetting a gone node deletes the very state that shows the node was known.
    const stateHolders = await nodesWithState(txn);
    const cidrs = await releaseEmptyBlocks(txn, ctx.nodename, allEmpty);
    if (cidrs.length === 0) await assertNodeKnown(txn, ctx, stateHolders);
    return cidrs;
  });
  if (released.length === 0 && !allEmpty) {
    const message = `node ${ctx.nodename} has no empty block to release in ${ctx.storeName} (see 'ippool blocks')`;
    throw new CniError(ErrorCode.unknownContainer, message);
  }
  released.forEach((cidr) => ctx.out(`released block ${cidr} of node ${ctx.nodename}\n`));
  const forgotten = allEmpty ? "; its state is gone where it held no block" : "";
  ctx.out(`released ${released.length} empty block(s) of node ${ctx.nodename} in ${ctx.storeName}${forgotten}\n`);
  return 0;
}

/** A node with neither a block nor state is most likely a misspelt name: releasing "nothing" for it would hide that. */
async function assertNodeKnown(txn: StoreReader, ctx: CommandContext, stateHolders: string[]): Promise<void> {
  const known = new Set([...(await listBlocks(txn)).map((block) => block.node), ...stateHolders]);
  if (known.has(ctx.nodename)) return;
  const others = [...known].sort().join(", ") || "none";
  const message = `node ${ctx.nodename} has no block and no state in ${ctx.storeName} (nodes that do: ${others})`;
  throw new CniError(ErrorCode.unknownContainer, message);
}

async function rebuild(ctx: CommandContext, target: string | undefined): Promise<number> {
  if (target === undefined)
    throw new UsageError(
      "'ippool blocks rebuild' needs the block's CIDR (as 'ippool blocks' or the error shows it)",
      "blocks",
    );
  const parsed = parseCidr(target);
  if (!parsed) throw new UsageError(`'${target}' is not a CIDR`, "blocks");
  const wanted = formatCidr(parsed.cidr);
  await upgradeLayout(ctx.store);
  const rebuilt = await ctx.store.update(async (txn) => {
    const pools = new Set([...(await readStoredPools(txn)).map((pool) => pool.id), ...(await poolIdsWithBlocks(txn))]);
    for (const node of await nodesWithState(txn))
      for (const key of await txn.list(nodeStatePrefix(node)))
        pools.add(poolIdFromSegment(key.slice(nodeStatePrefix(node).length)));
    for (const poolId of pools) {
      const cidr = poolCidr(poolId);
      if (!cidrContains(cidr, parsed.cidr.family, parsed.cidr.network)) continue;
      const { block } = locate(poolId, parsed.cidr.network - cidr.network);
      if (blockCidrOf(poolId, block) === wanted) return rebuildBlock(txn, poolId, block);
    }
    throw new CniError(
      ErrorCode.unknownContainer,
      `${wanted} is not a block of any pool the store knows (blocks are /26 and /122, or a smaller pool itself)`,
    );
  });
  ctx.out(
    `rebuilt block ${rebuilt.cidr} of node ${rebuilt.node} from the attachment records: ${rebuilt.held} address(es) held`,
  );
  ctx.out(
    rebuilt.keptUnknown > 0
      ? `, ${rebuilt.keptUnknown} kept taken whose holder has no record (see 'ippool verify')\n`
      : "\n",
  );
  return 0;
}
