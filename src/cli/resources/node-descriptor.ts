// The node kind of the resource verbs: one key per node, kept while its blocks hold containers' addresses, --release-blocks.
import { cidrContains, parseAddress, parseCidr } from "../../alloc/address.js";
import { listBlocks, releaseEmptyBlocks } from "../../ipam/blocks.js";
import { releaseAttachment } from "../../ipam/release.js";
import { idOfAttachment } from "../../ipam/store-documents.js";
import { nodeTunnelAttachments } from "../../ipam/tunnel-address.js";
import { nodeNameProblem } from "../../node/name.js";
import { nodeToDocument, parseNodeDocument, type Node } from "../../node/resource.js";
import { deleteStoredNode, readStoredNode, readStoredNodes, writeStoredNode } from "../../ipam/stored-nodes.js";
import { UsageError } from "../framework/context.js";
import type { ResourceDescriptor } from "./resource-descriptor.js";

/** A node's name from an argument, checked as the resource checks metadata.name (it becomes a store key). */
function nodeNameArgument(text: string, command: string): string {
  const problem = nodeNameProblem(text);
  if (problem !== undefined) throw new UsageError(`'${text}' is not a node name: ${problem}`, command);
  return text;
}

export const nodeDescriptor: ResourceDescriptor<Node> = {
  kind: "node",
  // The node spec's aliases.
  aliases: ["node", "nodes", "no", "nos"],
  noun: "node",
  idField: "metadata.name",
  addWith: "'ippool create', 'ippool apply' or 'ippool node register'",
  deleteNeedsName: "'ippool delete node' needs the name of the node to delete",
  parse(document, where) {
    const { node, warnings } = parseNodeDocument(document, where);
    return { resource: node, warnings };
  },
  idArgument: nodeNameArgument,
  idOf: (node) => node.name,
  toDocument: nodeToDocument,

  async open(txn, verb, flags) {
    const blocks = verb === "delete" ? await listBlocks(txn) : [];
    return {
      find: (name) => readStoredNode(txn, name),
      write: (node) => writeStoredNode(txn, node),
      async holds(name) {
        // The node's own tunnel addresses go with it (remove releases them); only containers' addresses keep it.
        const tunnel = (await nodeTunnelAttachments(txn, name)).flatMap((doc) =>
          doc.addresses.map((entry) => entry.address),
        );
        const tunnelAddressesIn = (cidr: string) => {
          const block = parseCidr(cidr)!.cidr;
          return tunnel
            .map(parseAddress)
            .filter((address) => address && cidrContains(block, address.family, address.value)).length;
        };
        const holding = blocks
          .filter((block) => block.node === name)
          .map((block) => ({ ...block, used: block.used - tunnelAddressesIn(block.cidr) }))
          .filter((block) => block.used > 0);
        if (holding.length === 0) return undefined;
        const used = holding.reduce((sum, block) => sum + block.used, 0);
        const which = holding.map((block) => block.cidr).join(", ");
        return {
          refusal: `node ${name} still holds ${used} allocation(s) in block(s) ${which}; release them ('ippool release', 'ippool reclaim') or delete it anyway with --force`,
          warning: `node ${name} deleted with ${used} allocation(s) still held in block(s) ${which}; other nodes no longer route to them`,
        };
      },
      async remove(name) {
        deleteStoredNode(txn, name);
        const tunnel = await nodeTunnelAttachments(txn, name);
        for (const doc of tunnel) await releaseAttachment(txn, idOfAttachment(doc));
        const notes = tunnel.map(
          (doc) => `released tunnel address ${doc.addresses[0]?.address} of node ${name} (${doc.ifname})`,
        );
        if (!flags.releaseBlocks) return notes;
        // The same release as 'blocks release --all-empty': blocks that hold addresses stay affine to the node.
        const released = await releaseEmptyBlocks(txn, name, true);
        return [
          ...notes,
          `released ${released.length} empty block(s) of node ${name}${released.length > 0 ? `: ${released.join(", ")}` : ""}`,
        ];
      },
    };
  },

  readAll: readStoredNodes,
  async table(nodes, wide) {
    if (!wide) return { headers: ["NAME"], rows: nodes.map((node) => [node.name]) };
    // calicoctl v1 columns, then the VXLAN endpoints; no global AS number exists here, so an absent one is "-".
    return {
      headers: ["NAME", "ASN", "IPV4", "IPV6", "VXLAN IPV4", "VXLAN IPV4 MAC", "VXLAN IPV6", "VXLAN IPV6 MAC"],
      rows: nodes.map((node) => [
        node.name,
        node.asNumber !== undefined ? String(node.asNumber) : "-",
        node.ipv4?.text ?? "-",
        node.ipv6?.text ?? "-",
        node.vxlan?.ipv4TunnelAddress ?? "-",
        node.vxlan?.ipv4TunnelMAC ?? "-",
        node.vxlan?.ipv6TunnelAddress ?? "-",
        node.vxlan?.ipv6TunnelMAC ?? "-",
      ]),
    };
  },
};
