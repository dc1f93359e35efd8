// Shared checks of what a container ended up with: the result's addresses, and the pool facts they must match.
import ipaddr from "ipaddr.js";
import { expect } from "vitest";
import type { Conflist } from "./cni-runtime.js";
import { addressesOf, hostPart } from "./netns.js";

export interface ResultIp {
  readonly family: 4 | 6;
  /** With prefix, e.g. "10.61.0.2/24". */
  readonly address: string;
  readonly gateway?: string;
}

type LegacyIp = { ip: string; gateway?: string };

/** The addresses of a result of any version: ips[] from 0.3.0 on, ip4 / ip6 in 0.1.0 and 0.2.0. */
export function resultIps(result: {
  ips?: { address: string; gateway?: string }[];
  ip4?: LegacyIp;
  ip6?: LegacyIp;
}): ResultIp[] {
  const legacy = [result.ip4, result.ip6].flatMap((entry) =>
    entry ? [{ address: entry.ip, gateway: entry.gateway }] : [],
  );
  return [...(result.ips ?? []), ...legacy].map((ip) => ({
    family: ip.address.includes(":") ? 6 : 4,
    address: ip.address,
    ...(ip.gateway ? { gateway: ip.gateway } : {}),
  }));
}

/** network+1 of a CIDR: what the bridge plugin takes as its gateway, so never a container's address. */
export function firstHost(cidr: string): string {
  const bytes = ipaddr.parse(networkOf(cidr)).toByteArray();
  // A network address of a prefix up to /31 (/127) ends in a 0 bit, so +1 never carries.
  bytes[bytes.length - 1]! += 1;
  return ipaddr.fromByteArray(bytes).toString();
}

export function networkOf(cidr: string): string {
  return (
    cidr.includes(":") ? ipaddr.IPv6.networkAddressFromCIDR(cidr) : ipaddr.IPv4.networkAddressFromCIDR(cidr)
  ).toString();
}

/** The inline pools of the first plugin carrying an ipam section. */
export function inlinePoolCidrs(conflist: Conflist): string[] {
  const ipam = conflist.plugins.find((plugin) => plugin.ipam)?.ipam as { ipPools?: { metadata: { cidr: string } }[] };
  return (ipam.ipPools ?? []).map((pool) => pool.metadata.cidr);
}

export const familyOf = (cidr: string): 4 | 6 => (cidr.includes(":") ? 6 : 4);

/** The result's addresses are really configured on the container's interface, with the same prefix. */
export async function expectConfigured(netns: string, ifname: string, ips: readonly ResultIp[]): Promise<void> {
  const configured = await addressesOf(netns, ifname);
  for (const ip of ips) {
    const [address, prefix] = ip.address.split("/");
    expect(configured).toContainEqual({
      family: ip.family,
      address: ipaddr.parse(address!).toString(),
      prefix: Number(prefix),
    });
  }
}

/** The address lies in the pool and is neither the network address nor network+1. */
export function expectHostOfPool(address: string, poolCidr: string): void {
  const parsed = ipaddr.parse(hostPart(address));
  expect(parsed.match(ipaddr.parseCIDR(poolCidr))).toBe(true);
  expect(parsed.toString()).not.toBe(firstHost(poolCidr));
  expect(parsed.toString()).not.toBe(networkOf(poolCidr));
}
