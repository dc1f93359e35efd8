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

/** Calico v3 keeps these flat in spec (ipv4VXLANTunnelAddr, vxlanTunnelMACAddr, ...); here they sit under spec.vxlan. */
const VXLAN_FIELDS = ["ipv4TunnelAddress", "ipv4TunnelMAC", "ipv6TunnelAddress", "ipv6TunnelMAC"] as const;
type VxlanField = (typeof VXLAN_FIELDS)[number];

/** What a node's agent wrote about its VXLAN devices, canonical; a family's address or MAC is missing until it has. */
export type NodeVxlan = Readonly<Partial<Record<VxlanField, string>>>;

/** A VXLAN tunnel endpoint other nodes can send to: its device's address and MAC. */
export interface VxlanEndpoint {
  readonly address: string;
  readonly mac: string;
}

/** A validated node. Its identity is its name. */
export interface Node {
  readonly name: string;
  readonly ipv4?: NodeAddress;
  readonly ipv6?: NodeAddress;
  readonly asNumber?: number;
  readonly vxlan?: NodeVxlan;
}

const addressText = (family: Family) =>
  z.string().check(
    z.refine((text) => parseNodeAddress(text)?.family === family, {
      message: `not an IPv${family} address with prefix (e.g. ${family === 4 ? "192.168.10.11/24" : "fd00:10::11/64"})`,
    }),
  );

const tunnelAddressText = (family: Family) =>
  z.string().check(
    z.refine((text) => parseAddress(text)?.family === family, {
      message: `not an IPv${family} address without prefix (e.g. ${family === 4 ? "10.22.0.1" : "fd00:22::1"})`,
    }),
  );

const MAC_PATTERN = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

/**
 * A MAC a VXLAN device can answer to: a set group bit (the first byte odd) makes it multicast,
 * and all zeros is no address at all; either would break the neighbour entries that point at it.
 */
const isUnicastMac = (text: string): boolean =>
  MAC_PATTERN.test(text) && (Number.parseInt(text.slice(0, 2), 16) & 1) === 0 && !/^00(:00){5}$/.test(text);

const macText = z.string().check(
  z.refine(isUnicastMac, {
    message:
      "not a unicast MAC address (six hex pairs joined by ':', the first even, not all zero, e.g. 66:1f:9a:0c:3e:21)",
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
      vxlan: z.optional(
        z.strictObject({
          ipv4TunnelAddress: z.optional(tunnelAddressText(4)),
          ipv4TunnelMAC: z.optional(macText),
          ipv6TunnelAddress: z.optional(tunnelAddressText(6)),
          ipv6TunnelMAC: z.optional(macText),
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
  const vxlan = doc.spec.vxlan && canonicalVxlan(doc.spec.vxlan);
  return {
    name: doc.metadata.name,
    ...(bgp?.ipv4Address !== undefined ? { ipv4: parseNodeAddress(bgp.ipv4Address)! } : {}),
    ...(bgp?.ipv6Address !== undefined ? { ipv6: parseNodeAddress(bgp.ipv6Address)! } : {}),
    ...(bgp?.asNumber !== undefined ? { asNumber: bgp.asNumber } : {}),
    ...(vxlan && Object.keys(vxlan).length > 0 ? { vxlan } : {}),
  };
}

/** In the fields' own order, addresses in their shortest spelling and MACs lower-case, so equal records compare equal. */
function canonicalVxlan(vxlan: NodeVxlan): NodeVxlan {
  const canonical = (field: VxlanField, text: string): string => {
    if (field.endsWith("MAC")) return text.toLowerCase();
    const { family, value } = parseAddress(text)!;
    return formatAddress(family, value);
  };
  return Object.fromEntries(
    VXLAN_FIELDS.filter((field) => vxlan[field] !== undefined).map((field) => [field, canonical(field, vxlan[field]!)]),
  );
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
    spec: {
      ...(Object.keys(bgp).length > 0 ? { bgp } : {}),
      ...(node.vxlan ? { vxlan: node.vxlan } : {}),
    },
  };
}

export const nodeAddress = (node: Node, family: Family): NodeAddress | undefined =>
  family === 4 ? node.ipv4 : node.ipv6;

/** The node's VXLAN endpoint of one family, once its agent has written both the address and the MAC. */
export function vxlanEndpoint(node: Node, family: Family): VxlanEndpoint | undefined {
  const address = node.vxlan?.[`ipv${family}TunnelAddress`];
  const mac = node.vxlan?.[`ipv${family}TunnelMAC`];
  return address !== undefined && mac !== undefined ? { address, mac } : undefined;
}
