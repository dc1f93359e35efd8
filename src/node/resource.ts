// The Calico v1 node resource: its schema, canonical form and the warnings it earns.
import * as z from "zod/mini";
import { CniError, ErrorCode } from "../errors.js";
import { REPORT_INPUT, describeIssues } from "../validation.js";
import { formatAddress, parseAddress, familyBits, type Cidr, type Family } from "../alloc/address.js";
import { nodeNameSchema } from "./name.js";

const MAX_AS_NUMBER = 4294967295;

/** A node's address with the prefix of its subnet: 192.168.10.11/24 is 192.168.10.11 in 192.168.10.0/24. */
export interface NodeAddress {
  readonly family: Family;
  readonly value: bigint;
  /** Canonical address text without the prefix, e.g. "192.168.10.11". */
  readonly address: string;
  readonly subnet: Cidr;
  /** Canonical "address/prefix", as stored and printed. */
  readonly text: string;
}

/** A validated node. Its identity is its name. */
export interface Node {
  readonly name: string;
  readonly ipv4?: NodeAddress;
  readonly ipv6?: NodeAddress;
  readonly asNumber?: number;
}

const addressText = (family: Family) =>
  z.string().check(
    z.refine((text) => parseNodeAddress(text)?.family === family, {
      message: `not an IPv${family} address with prefix (e.g. ${family === 4 ? "192.168.10.11/24" : "fd00:10::11/64"})`,
    }),
  );

export const nodeDocumentSchema = z.strictObject({
  apiVersion: z.literal("v1", { message: 'apiVersion must be "v1" (the Calico v1 node format)' }),
  kind: z.literal("node", { message: 'kind must be "node"' }),
  metadata: z.strictObject({ name: nodeNameSchema }),
  spec: z._default(
    z.strictObject({
      bgp: z.optional(
        z.strictObject({
          ipv4Address: z.optional(addressText(4)),
          ipv6Address: z.optional(addressText(6)),
          asNumber: z.optional(z.int().check(z.gte(1), z.lte(MAX_AS_NUMBER))),
        }),
      ),
    }),
    {},
  ),
});

export type NodeDocument = z.input<typeof nodeDocumentSchema>;
export type ValidNodeDocument = z.output<typeof nodeDocumentSchema>;

/** "192.168.10.11/24" (host bits kept) or a bare address, read as a subnet of one (/32, /128). */
export function parseNodeAddress(text: string): NodeAddress | undefined {
  const slash = text.indexOf("/");
  const parsed = parseAddress(slash < 0 ? text : text.slice(0, slash));
  if (!parsed) return undefined;
  const bits = familyBits(parsed.family);
  const prefixText = slash < 0 ? String(bits) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return undefined;
  const prefix = Number(prefixText);
  const hostBits = (1n << BigInt(bits - prefix)) - 1n;
  const address = formatAddress(parsed.family, parsed.value);
  return {
    family: parsed.family,
    value: parsed.value,
    address,
    subnet: { family: parsed.family, network: parsed.value & ~hostBits, prefix },
    text: `${address}/${prefix}`,
  };
}

export interface ParsedNode {
  readonly node: Node;
  readonly warnings: string[];
}

/** Validates one document; `where` names it in messages ("nodes.yaml: document 2"). */
export function parseNodeDocument(input: unknown, where: string): ParsedNode {
  const result = z.safeParse(nodeDocumentSchema, input, REPORT_INPUT);
  if (!result.success) throw new CniError(ErrorCode.invalidConfig, `${where}: ${describeIssues(result.error)}`);
  const node = nodeFromDocument(result.data);
  const warnings: string[] = [];
  const bgp = result.data.spec.bgp;
  for (const [field, text] of [
    ["ipv4Address", bgp?.ipv4Address],
    ["ipv6Address", bgp?.ipv6Address],
  ] as const) {
    if (text !== undefined && !text.includes("/")) {
      warnings.push(
        `${where}: spec.bgp.${field} ${text} has no prefix; read as a subnet of one, so every other node counts as in another subnet (give e.g. ${text}/24)`,
      );
    }
  }
  return { node, warnings };
}

/** A document that already passed nodeDocumentSchema as a Node. */
export function nodeFromDocument(doc: ValidNodeDocument): Node {
  const bgp = doc.spec.bgp;
  return {
    name: doc.metadata.name,
    ...(bgp?.ipv4Address !== undefined ? { ipv4: parseNodeAddress(bgp.ipv4Address)! } : {}),
    ...(bgp?.ipv6Address !== undefined ? { ipv6: parseNodeAddress(bgp.ipv6Address)! } : {}),
    ...(bgp?.asNumber !== undefined ? { asNumber: bgp.asNumber } : {}),
  };
}

/** The canonical v1 document: addresses with their prefix written out, so `get -o yaml` re-applies unchanged. */
export function nodeToDocument(node: Node): NodeDocument {
  const bgp = {
    ...(node.ipv4 ? { ipv4Address: node.ipv4.text } : {}),
    ...(node.ipv6 ? { ipv6Address: node.ipv6.text } : {}),
    ...(node.asNumber !== undefined ? { asNumber: node.asNumber } : {}),
  };
  return {
    apiVersion: "v1",
    kind: "node",
    metadata: { name: node.name },
    spec: Object.keys(bgp).length > 0 ? { bgp } : {},
  };
}

export const nodeAddress = (node: Node, family: Family): NodeAddress | undefined =>
  family === 4 ? node.ipv4 : node.ipv6;
