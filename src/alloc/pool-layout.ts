// Which offsets of a pool may be handed out, and how the pool is cut into bitmap blocks.
import { cidrSize, familyBits, type Cidr } from "./address.js";

/**
 * 64 addresses per block: Calico's /26 for IPv4 and /122 for IPv6. A block is the unit of
 * storage, so state grows with the blocks actually touched, never with the pool's size.
 */
export const BLOCK_ADDRESSES = 64n;

export interface PoolLayout {
  readonly cidr: Cidr;
  readonly size: bigint;
  readonly blockSize: bigint;
  readonly blockCount: bigint;
  /** Offset of the gateway address (network+1), when the pool is large enough to have one. */
  readonly gatewayOffset: bigint | undefined;
  /** Offsets never handed out: network, IPv4 broadcast, gateway. */
  readonly reserved: ReadonlySet<bigint>;
}

/**
 * Network and IPv4 broadcast are not hosts, except in /31 and /32 (/127, /128) where every
 * address is one (RFC 3021). network+1 is the gateway, which the bridge plugin puts on the
 * bridge; it is reserved whatever a network's `gateway` setting, because networks share pools:
 * one network that handed it to a container would collide with another network's bridge.
 */
export function poolLayout(cidr: Cidr): PoolLayout {
  const size = cidrSize(cidr);
  const hostBits = familyBits(cidr.family) - cidr.prefix;
  const reserved = new Set<bigint>();
  const gatewayOffset = hostBits >= 2 ? 1n : undefined;
  if (gatewayOffset !== undefined) {
    reserved.add(0n);
    if (cidr.family === 4) reserved.add(size - 1n);
    reserved.add(gatewayOffset);
  }
  const blockSize = size < BLOCK_ADDRESSES ? size : BLOCK_ADDRESSES;
  return { cidr, size, blockSize, blockCount: size / blockSize, gatewayOffset, reserved };
}

/** What a reserved offset is, with the reason it is never handed out; undefined for an offset that is not reserved. */
export function reservedRole(layout: PoolLayout, offset: bigint): string | undefined {
  if (!layout.reserved.has(offset)) return undefined;
  if (offset === 0n) return "network address";
  return offset === layout.gatewayOffset ? "gateway (network+1)" : "broadcast address";
}

export const usableCount = (layout: PoolLayout): bigint => layout.size - BigInt(layout.reserved.size);

/** Addresses of one block that can be handed out (its size less the reserved ones in it). */
export function blockCapacity(layout: PoolLayout, block: bigint): number {
  let capacity = Number(layout.blockSize);
  for (const offset of layout.reserved) if (offset / layout.blockSize === block) capacity--;
  return capacity;
}
