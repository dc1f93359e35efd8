// Address math on BigInt so IPv4 and IPv6 (a /64 has 2^64 addresses) share one code path.
import ipaddr from "ipaddr.js";

export type Family = 4 | 6;

/** A canonical CIDR: `network` has no host bits set. */
export interface Cidr {
  readonly family: Family;
  readonly network: bigint;
  readonly prefix: number;
}

export interface ParsedCidr {
  readonly cidr: Cidr;
  /** True when the text had host bits set (10.1.2.3/16); the cidr is then its network. */
  readonly hadHostBits: boolean;
}

export const familyBits = (family: Family): number => (family === 4 ? 32 : 128);

/**
 * Parses one IP address. IPv4 must be dotted four-part decimal: ipaddr.js also accepts
 * hex, octal and short forms ("10.1"), which would make a typo name a different network.
 */
export function parseAddress(text: string): { family: Family; value: bigint } | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    return { family: 4, value: bytesToBigInt(ipaddr.IPv4.parse(text).toByteArray()) };
  }
  // ipaddr.js accepts a zone index (fe80::1%eth0); it names a link, which no pool, route or node address can.
  if (text.includes(":") && !text.includes("%") && ipaddr.IPv6.isValid(text)) {
    return { family: 6, value: bytesToBigInt(ipaddr.IPv6.parse(text).toByteArray()) };
  }
  return undefined;
}

export function parseCidr(text: string): ParsedCidr | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const address = parseAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > familyBits(address.family)) return undefined;
  const network = address.value & prefixMask(address.family, prefix);
  return { cidr: { family: address.family, network, prefix }, hadHostBits: network !== address.value };
}

export function formatAddress(family: Family, value: bigint): string {
  const byteCount = familyBits(family) / 8;
  const bytes: number[] = new Array(byteCount);
  let rest = value;
  for (let i = byteCount - 1; i >= 0; i--) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

/** The address at `offset` within `cidr`, as text. */
export const addressAt = (cidr: Cidr, offset: bigint): string => formatAddress(cidr.family, cidr.network + offset);

export const formatCidr = (cidr: Cidr): string => `${formatAddress(cidr.family, cidr.network)}/${cidr.prefix}`;

export const cidrSize = (cidr: Cidr): bigint => 1n << BigInt(familyBits(cidr.family) - cidr.prefix);

export const cidrContains = (cidr: Cidr, family: Family, value: bigint): boolean =>
  family === cidr.family && value >= cidr.network && value < cidr.network + cidrSize(cidr);

export const cidrsOverlap = (a: Cidr, b: Cidr): boolean =>
  a.family === b.family && a.network < b.network + cidrSize(b) && b.network < a.network + cidrSize(a);

/** Orders CIDRs IPv4 first, then by network address, then shorter prefix first. */
export function compareCidrs(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.network !== b.network) return a.network < b.network ? -1 : 1;
  return a.prefix - b.prefix;
}

function prefixMask(family: Family, prefix: number): bigint {
  const bits = BigInt(familyBits(family));
  const all = (1n << bits) - 1n;
  return all ^ ((1n << (bits - BigInt(prefix))) - 1n);
}

function bytesToBigInt(bytes: number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}
