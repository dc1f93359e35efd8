// verify's checks of one block and one node state, and of how blocks and node states agree (pure, no store access).
import { addressAt, cidrsOverlap, compareCidrs, type Cidr } from "../alloc/address.js";
import { bitmapFromHex, setBits } from "../alloc/bitmap.js";
import { reservedRole, type PoolLayout } from "../alloc/pool-layout.js";
import {
  blockClaimKey,
  blockKey,
  nodeStateKey,
  poolWithBlocksKey,
  type BlockDoc,
  type BlockOwner,
  type NodeStateDoc,
} from "./store-documents.js";

export type Report = (key: string, message: string) => void;

export interface PoolInfo {
  readonly id: string;
  readonly cidr: Cidr;
  /** Network, gateway (network+1) and IPv4 broadcast are never handed out, whatever the network. */
  readonly layout: PoolLayout;
  /** Block index (hex) -> the block, for blocks that read. */
  readonly blocks: Map<string, BlockDoc>;
  /** Block keys that exist but could not be read (damaged): not missing, just unknown. */
  readonly unreadable: Set<string>;
  /** Node -> its state in this pool. */
  readonly states: Map<string, NodeStateDoc>;
  /** Block index (hex) -> its claim: the node, the pool it names, and the key it was read from. */
  readonly claims: Map<string, { node: string; pool: string; key: string }>;
  /** Whether the pool is recorded among the pools with blocks. */
  listedWithBlocks: boolean;
}

/** Checks one block and yields its set bits with their owners. */
export function checkBlock(
  key: string,
  hex: string,
  doc: BlockDoc,
  info: PoolInfo,
  report: Report,
): { offset: bigint; owner: BlockOwner }[] {
  const { layout, cidr, id } = info;
  if (doc.pool !== id) report(key, `names pool ${doc.pool} but lies under pool ${id}`);
  if (!/^[0-9a-f]+$/.test(hex) || BigInt(`0x${hex}`) >= layout.blockCount) {
    report(key, `block ${JSON.stringify(hex)} is not a block of pool ${id}`);
    return [];
  }
  const base = BigInt(`0x${hex}`) * layout.blockSize;
  const bits = setBits(bitmapFromHex(doc.bitmap));
  const taken: { offset: bigint; owner: BlockOwner }[] = [];
  for (const bit of bits) {
    const offset = base + BigInt(bit);
    const address = addressAt(cidr, offset);
    if (BigInt(bit) >= layout.blockSize) {
      report(key, `bit ${bit} is set but the block has only ${layout.blockSize} addresses`);
      continue;
    }
    const role = reservedRole(layout, offset);
    if (role !== undefined) report(key, `${address} is taken but is the ${role} of pool ${id}`);
    const owner = doc.owners[bit];
    if (owner === undefined) report(key, `${address} is taken but no owner is recorded for it`);
    else taken.push({ offset, owner });
  }
  for (const [bit, owner] of Object.entries(doc.owners)) {
    if (!bits.includes(Number(bit)))
      report(
        key,
        `owner ${owner.attachment} is recorded for bit ${bit} (${addressAt(cidr, base + BigInt(bit))}), which is free`,
      );
  }
  return taken;
}

/**
 * A block's affinity and its node's record must agree: the node lists each block that names it,
 * with the block's last write. A block behind that record was restored from an earlier copy (its
 * bitmap may miss addresses handed out since); a listed block that is gone was lost, not freed.
 */
export function checkAffinity(info: PoolInfo, report: Report): void {
  for (const [hex, doc] of info.blocks) {
    const key = blockKey(info.id, BigInt(`0x${hex}`));
    const recorded = info.states.get(doc.node)?.blocks[hex];
    if (recorded === undefined)
      report(key, `is affine to node ${doc.node}, but ${nodeStateKey(doc.node, info.id)} does not list it`);
    else if (doc.seq < recorded)
      report(
        key,
        `is older than node ${doc.node}'s record of it (write ${doc.seq}, recorded ${recorded}): restored from an earlier copy? addresses handed out since may look free`,
      );
    else if (doc.seq > recorded)
      report(
        nodeStateKey(doc.node, info.id),
        `records write ${recorded} of block ${hex}, but the block is at write ${doc.seq}: restored from an earlier copy?`,
      );
  }
  for (const [hex, doc] of info.blocks) {
    const claim = info.claims.get(hex);
    const key = blockClaimKey(info.id, BigInt(`0x${hex}`));
    if (claim === undefined)
      report(key, `is missing: block ${hex} is affine to node ${doc.node} but its claim is not recorded`);
    else if (claim.node !== doc.node)
      report(
        claim.key,
        `records block ${hex} as claimed by node ${claim.node}, but the block is affine to node ${doc.node}`,
      );
  }
  if (info.blocks.size > 0 && !info.listedWithBlocks) {
    report(
      poolWithBlocksKey(info.id),
      `is missing: pool ${info.id} has blocks, so an ADD in an overlapping pool would not see them`,
    );
  }
  for (const [hex, claim] of info.claims) {
    const key = blockKey(info.id, BigInt(`0x${hex}`));
    if (claim.pool !== info.id) report(claim.key, `names pool ${claim.pool} but is a claim in pool ${info.id}`);
    if (!info.blocks.has(hex) && !info.unreadable.has(key))
      report(
        claim.key,
        `records block ${hex} as claimed by node ${claim.node}, but its file ${key} is missing (lost, not released: its addresses may be held)`,
      );
  }
  for (const [node, state] of info.states) {
    const key = nodeStateKey(node, info.id);
    if (state.node !== node) report(key, `names node ${state.node} but is the state of node ${node}`);
    if (state.pool !== info.id) report(key, `names pool ${state.pool} but is the state of pool ${info.id}`);
    if (state.cursor !== undefined && BigInt(state.cursor) >= info.layout.size) {
      report(key, `cursor ${state.cursor} lies outside the pool (it has ${info.layout.size} addresses)`);
    }
    for (const hex of Object.keys(state.blocks)) {
      const blockKeyText = blockKey(info.id, BigInt(`0x${hex}`));
      if (BigInt(`0x${hex}`) >= info.layout.blockCount)
        report(key, `lists block ${hex}, which is not a block of the pool`);
      else if (info.unreadable.has(blockKeyText)) continue;
      else if (!info.blocks.has(hex))
        report(
          key,
          `lists block ${hex}, whose file ${blockKeyText} is missing (lost, not released: its addresses may be held)`,
        );
      else if (info.blocks.get(hex)!.node !== node)
        report(key, `lists block ${hex}, which is affine to node ${info.blocks.get(hex)!.node}`);
    }
  }
}

/** Allocation state is kept per CIDR: two overlapping pools that both hold addresses could hand one out twice. */
export function checkOverlappingPools(pools: readonly PoolInfo[], report: Report): void {
  // In address order, so a report names the pair the same way whichever key was read first.
  const holding = pools
    .filter((info) => [...info.blocks.values()].some((doc) => bitmapFromHex(doc.bitmap) !== 0n))
    .sort((a, b) => compareCidrs(a.cidr, b.cidr));
  for (let i = 0; i < holding.length; i++) {
    for (let j = i + 1; j < holding.length; j++) {
      const [a, b] = [holding[i]!, holding[j]!];
      if (cidrsOverlap(a.cidr, b.cidr))
        report(`block/${a.id.replace("/", "_")}/`, `pools ${a.id} and ${b.id} overlap and both hold addresses`);
    }
  }
}
