// The node resource in the CLI: its part of create/apply/replace/delete, and `ippool node register`.
import type { Family } from "../alloc/address.js";
import { listBlocks, releaseEmptyBlocks } from "../ipam/blocks.js";
import { detectNodeAddress } from "../node/detect-address.js";
import { nodeToDocument, parseNodeAddress, parseNodeDocument, type Node } from "../node/resource.js";
import { deleteStoredNode, readStoredNode, writeStoredNode } from "../node/stored-nodes.js";
import type { StoreTxn } from "../store/store.js";
import { UsageError, booleanFlag, stringFlag, type CommandContext, type CommandSpec } from "./context.js";
import type { Outcome, Result, Verb } from "./pool-commands.js";
import { nodeNameArgument } from "./resource-type.js";

export interface NodeTarget {
  readonly name: string;
  /** The new resource; absent for delete by name. */
  readonly node?: Node;
  readonly where: string;
}

const same = (a: Node, b: Node): boolean => JSON.stringify(nodeToDocument(a)) === JSON.stringify(nodeToDocument(b));

export interface NodeChangeFlags {
  readonly force: boolean;
  /** delete: hand the node's empty blocks back too, so other nodes may claim them. */
  readonly releaseBlocks: boolean;
}

/** The node half of a file verb, inside the command's one transaction; a node that cannot change fails alone. */
export async function changeNodes(txn: StoreTxn, verb: Verb, targets: readonly NodeTarget[], flags: NodeChangeFlags, outcome: Outcome): Promise<void> {
  const blocks = verb === "delete" && targets.length > 0 ? await listBlocks(txn) : [];
  for (const target of targets) {
    const existing = await readStoredNode(txn, target.name);
    const fail = (message: string) => outcome.failed.push(target.where ? `${target.where}: ${message}` : message);
    let result: Result;
    if (verb === "delete") {
      if (!existing) {
        fail(`node ${target.name} does not exist`);
        continue;
      }
      const holding = blocks.filter((block) => block.node === target.name && block.used > 0);
      if (holding.length > 0) {
        const used = holding.reduce((sum, block) => sum + block.used, 0);
        const which = holding.map((block) => block.cidr).join(", ");
        if (!flags.force) {
          fail(`node ${target.name} still holds ${used} allocation(s) in block(s) ${which}; release them ('ippool release', 'ippool reclaim') or delete it anyway with --force`);
          continue;
        }
        outcome.warnings.push(`node ${target.name} deleted with ${used} allocation(s) still held in block(s) ${which}; other nodes no longer route to them`);
      }
      deleteStoredNode(txn, target.name);
      result = "deleted";
      if (flags.releaseBlocks) {
        // The same release as 'blocks release --all-empty': blocks that hold addresses stay affine to the node.
        const released = await releaseEmptyBlocks(txn, target.name, true);
        outcome.notes.push(`released ${released.length} empty block(s) of node ${target.name}${released.length > 0 ? `: ${released.join(", ")}` : ""}`);
      }
    } else {
      const node = target.node!;
      if (verb === "create" && existing) {
        fail(`node ${target.name} already exists; change it with 'ippool apply' or 'ippool replace'`);
        continue;
      }
      if (verb === "replace" && !existing) {
        fail(`node ${target.name} does not exist; add it with 'ippool create', 'ippool apply' or 'ippool node register'`);
        continue;
      }
      result = !existing ? "created" : same(existing, node) ? "unchanged" : verb === "replace" ? "replaced" : "configured";
      if (result !== "unchanged") writeStoredNode(txn, node);
    }
    outcome.done.push({ kind: "node", id: target.name, result });
  }
}

/** An address flag, checked as the resource checks it, so the error names the flag. */
function addressFlag(ctx: CommandContext, flag: string, family: Family): string | undefined {
  const text = stringFlag(ctx, flag);
  if (text !== undefined && parseNodeAddress(text)?.family !== family) {
    throw new UsageError(`--${flag} ${text} is not an IPv${family} address with prefix (e.g. ${family === 4 ? "192.168.10.11/24" : "fd00:10::11/64"})`, "node");
  }
  return text;
}

/**
 * Writes this node's record. Given or detected addresses replace the stored ones, others are
 * kept, so running it again (at every boot, say) changes nothing.
 */
async function register(ctx: CommandContext): Promise<number> {
  const name = nodeNameArgument(ctx.nodename, "node");
  const given = addressFlag(ctx, "ipv4-address", 4);
  if (given !== undefined && booleanFlag(ctx, "detect")) throw new UsageError("give either --ipv4-address or --detect, not both", "node");
  const ipv4Address = given ?? (booleanFlag(ctx, "detect") ? await detectNodeAddress(4) : undefined);
  const ipv6Address = addressFlag(ctx, "ipv6-address", 6);
  const { result, warnings } = await ctx.store.update(async (txn) => {
    const existing = await readStoredNode(txn, name);
    const stored = existing ? nodeToDocument(existing).spec?.bgp : undefined;
    const bgp = { ...stored, ...(ipv4Address !== undefined ? { ipv4Address } : {}), ...(ipv6Address !== undefined ? { ipv6Address } : {}) };
    const doc = { apiVersion: "v1", kind: "node", metadata: { name }, spec: Object.keys(bgp).length > 0 ? { bgp } : {} };
    const { node, warnings } = parseNodeDocument(doc, "node register");
    const result = !existing ? "registered" : same(existing, node) ? "unchanged" : "updated";
    if (result !== "unchanged") writeStoredNode(txn, node);
    return { result, warnings };
  });
  warnings.forEach(ctx.warn);
  ctx.out(`${result} node ${name}\n`);
  return 0;
}

export const nodeCommand: CommandSpec = {
  summary: "register this node (its name and address with prefix) for the dataplane agent",
  args: ["SUBCOMMAND"],
  usage: ["node register [--nodename NAME] [--ipv4-address CIDR | --detect] [--ipv6-address CIDR]"],
  description: [
    "Writes this node's v1 node record. The name is --nodename, else $NODENAME, else the host name. The address",
    "keeps its prefix, which defines the node's subnet for ipip cross-subnet (192.168.10.11/24). --detect takes",
    "the address and prefix of the interface that holds the default route. Running it again changes nothing.",
    "List nodes with 'ippool get nodes -o wide'; change or delete them with apply/replace/delete like pools.",
  ],
  flags: {
    "ipv4-address": { type: "string", value: "CIDR", help: "this node's IPv4 address with prefix, e.g. 192.168.10.11/24" },
    "ipv6-address": { type: "string", value: "CIDR", help: "this node's IPv6 address with prefix" },
    detect: { type: "boolean", help: "use the address and prefix of the default route's interface" },
  },
  examples: ["ippool node register --detect", "ippool node register --nodename node-a --ipv4-address 192.168.10.11/24"],
  run: async (ctx) => {
    const [subcommand] = ctx.positionals;
    if (subcommand !== "register") throw new UsageError(subcommand === undefined ? "'ippool node' needs a subcommand: register" : `unknown subcommand '${subcommand}'; use register`, "node");
    return register(ctx);
  },
};
