// Which offsets of a pool may be handed out, and how the pool is cut into bitmap blocks.
import { cidrSize, familyBits, type Cidr } from "./address.js";

/**
 * 64 addresses per block: Calico's /26 for IPv4 and /122 for IPv6. A block is the unit of
 * storage, so state grows with the blocks actually touched, never with the pool's size.
 */
export const BLOCK_ADDRESSES = 64n;

export type GatewayMode = "first-address" | "none";

export interface PoolLayout {
  readonly cidr: Cidr;
  readonly size: bigint;
  readonly blockSize: bigint;
  readonly blockCount: bigint;
  /** Offset of the gateway address, when the pool has one. */
  readonly gatewayOffset: bigint | undefined;
  /** Offsets never handed out: network, IPv4 broadcast, gateway. */
  readonly reserved: ReadonlySet<bigint>;
}

/**
 * Network and IPv4 broadcast are not hosts, except in /31 and /32 (/127, /128) where every
 * address is one (RFC 3021). With gateway "first-address", network+1 is the gateway: the
 * bridge plugin puts it on the bridge, so it must never go to a container.
 */
export function poolLayout(cidr: Cidr, gatewayMode: GatewayMode): PoolLayout {
  const size = cidrSize(cidr);
  const hostBits = familyBits(cidr.family) - cidr.prefix;
  const reserved = new Set<bigint>();
  let gatewayOffset: bigint | undefined;
  if (hostBits >= 2) {
    reserved.add(0n);
    if (cidr.family === 4) reserved.add(size - 1n);
    if (gatewayMode === "first-address") {
      gatewayOffset = 1n;
      reserved.add(1n);
    }
  }
  const blockSize = size < BLOCK_ADDRESSES ? size : BLOCK_ADDRESSES;
  return { cidr, size, blockSize, blockCount: size / blockSize, gatewayOffset, reserved };
}

export const usableCount = (layout: PoolLayout): bigint => layout.size - BigInt(layout.reserved.size);

/** Addresses of one block that can be handed out (its size less the reserved ones in it). */
export function blockCapacity(layout: PoolLayout, block: bigint): number {
  let capacity = Number(layout.blockSize);
  for (const offset of layout.reserved) if (offset / layout.blockSize === block) capacity--;
  return capacity;
}
