// The blocks of the datastore with their affinity and use, for the node and dataplane commands.
import type { StoreReader } from "../store/store.js";

/** One block: its CIDR, its pool's CIDR, the node it is affine to, and its address counts. */
export interface BlockSummary {
  cidr: string;
  pool: string;
  node: string;
  used: number;
  free: number;
}

// placeholder until the block-affinity allocator lands
export const listBlocks = async (_reader: StoreReader): Promise<BlockSummary[]> => [];
