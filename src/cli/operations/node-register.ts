// `ippool node register`: this node writes its own record, with the address other nodes route its blocks to.
import type { Family } from "../../alloc/address.js";
import { detectNodeAddress } from "../../node/detect-address.js";
import { nodeToDocument, parseNodeAddress, parseNodeDocument } from "../../node/resource.js";
import { readStoredNode, writeStoredNode } from "../../ipam/stored-nodes.js";
import { UsageError, booleanFlag, stringFlag, type CommandContext, type CommandSpec } from "../framework/context.js";
import { nodeDescriptor } from "../resources/node-descriptor.js";
import { sameResource } from "../resources/resource-descriptor.js";

/** An address flag, checked as the resource checks it, so the error names the flag. */
function addressFlag(ctx: CommandContext, flag: string, family: Family): string | undefined {
  const text = stringFlag(ctx, flag);
  if (text !== undefined && parseNodeAddress(text)?.family !== family) {
    throw new UsageError(
      `--${flag} ${text} is not an IPv${family} address with prefix (e.g. ${family === 4 ? "192.168.10.11/24" : "fd00:10::11/64"})`,
      "node",
    );
  }
  return text;
}

/**
 * Writes this node's record. Given or detected addresses replace the stored ones, others are
 * kept, so running it again (at every boot, say) changes nothing.
 */
async function register(ctx: CommandContext): Promise<number> {
  const name = ctx.nodename;
  const given = addressFlag(ctx, "ipv4-address", 4);
  if (given !== undefined && booleanFlag(ctx, "detect"))
    throw new UsageError("give either --ipv4-address or --detect, not both", "node");
  const ipv4Address = given ?? (booleanFlag(ctx, "detect") ? await detectNodeAddress(4) : undefined);
  const ipv6Address = addressFlag(ctx, "ipv6-address", 6);
  const { result, warnings } = await ctx.store.update(async (txn) => {
    const existing = await readStoredNode(txn, name);
    // The rest of the stored spec (the VXLAN endpoints its agent wrote) is kept as it is.
    const stored = existing ? nodeToDocument(existing).spec : undefined;
    const bgp = {
      ...stored?.bgp,
      ...(ipv4Address !== undefined ? { ipv4Address } : {}),
      ...(ipv6Address !== undefined ? { ipv6Address } : {}),
    };
    const doc = {
      apiVersion: "v1",
      kind: "node",
      metadata: { name },
      spec: { ...stored, ...(Object.keys(bgp).length > 0 ? { bgp } : {}) },
    };
    const { node, warnings } = parseNodeDocument(doc, "node register");
    const result = !existing ? "registered" : sameResource(nodeDescriptor, existing, node) ? "unchanged" : "updated";
    if (result !== "unchanged") writeStoredNode(txn, node);
    // The resource allows it (a node may own blocks first), but the agent cannot route to such a node.
    if (!node.ipv4 && !node.ipv6) {
      warnings.push(
        `node ${name} has no address, so other nodes cannot route to its blocks; give --ipv4-address, --ipv6-address or --detect`,
      );
    }
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
    "ipv4-address": {
      type: "string",
      value: "CIDR",
      help: "this node's IPv4 address with prefix, e.g. 192.168.10.11/24",
    },
    "ipv6-address": { type: "string", value: "CIDR", help: "this node's IPv6 address with prefix" },
    detect: { type: "boolean", help: "use the address and prefix of the default route's interface" },
  },
  examples: ["ippool node register --detect", "ippool node register --nodename node-a --ipv4-address 192.168.10.11/24"],
  run: async (ctx) => {
    const [subcommand] = ctx.positionals;
    if (subcommand !== "register")
      throw new UsageError(
        subcommand === undefined
          ? "'ippool node' needs a subcommand: register"
          : `unknown subcommand '${subcommand}'; use register`,
        "node",
      );
    return register(ctx);
  },
};
