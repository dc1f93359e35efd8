// The documents ippool keeps in a Store, their keys and schemas.
import * as z from "zod/mini";
import { formatCidr, parseCidr, type Cidr } from "../alloc/address.js";
import { poolDocumentSchema } from "../pool/resource.js";
import { NAME_PATTERN } from "../validation.js";

/** Stored pools, as v1 documents in canonical form. */
export const POOLS_KEY = "pools";
// The full pool schema, so a stored document that fails it is a damaged pools.json (named, code 104), not a config error.
export const storedPoolsSchema = z.object({ pools: z.array(poolDocumentSchema) });

/** A CIDR as one key segment: "10.22.0.0/16" -> "10.22.0.0_16". */
export const poolSegment = (poolId: string): string => poolId.replace("/", "_");
export const poolIdFromSegment = (segment: string): string => segment.replace("_", "/");

const hexIndex = z.string().check(z.regex(/^[0-9a-f]+$/));
const decimal = z.string().check(z.regex(/^\d+$/));
const sequence = z.int().check(z.nonnegative());
/** A node name becomes a key segment (node-state/<node>/...), so a hand-edited one must not escape. */
export const nodeName = z.string().check(z.regex(NAME_PATTERN), z.maxLength(253));

/**
 * One claimed 64-address block (/26, /122; a smaller pool is one block). It exists from the
 * moment a node claims it until its node hands it back empty, so an empty block keeps its
 * affinity. `seq` counts the writes of the block; the affine node's state records the last one,
 * which is how a block file restored from an earlier copy is recognised.
 */
export const BLOCK_PREFIX = "block/";
export const blockPrefix = (poolId: string): string => `${BLOCK_PREFIX}${poolSegment(poolId)}/`;
export const blockKey = (poolId: string, block: bigint): string => `${blockPrefix(poolId)}${block.toString(16)}`;
export const blockOwnerSchema = z.object({ attachment: z.string(), handle: z.string() });
export type BlockOwner = z.infer<typeof blockOwnerSchema>;
export const blockSchema = z.object({
  pool: z.string(),
  /** The affine node: the one that claimed the block and allocates from it first. */
  node: nodeName,
  seq: sequence,
  bitmap: z.string().check(z.regex(/^[0-9a-f]*$/)),
  /** Bit -> the allocation holding it: the attachment and the allocation's handle. */
  owners: z.record(decimal, blockOwnerSchema),
});
export type BlockDoc = z.infer<typeof blockSchema>;

/**
 * One block's claim: which node claimed it. Created in the commit that creates the block (both
 * compared absent, so of two nodes racing for a block one wins) and removed only with it, so a
 * block whose document was lost is not taken for unclaimed. A claim reads and writes only the
 * keys of its own block: no key is written by every claim of the cluster.
 */
export const BLOCK_CLAIM_PREFIX = "block-claim/";
export const blockClaimPrefix = (poolId: string): string => `${BLOCK_CLAIM_PREFIX}${poolSegment(poolId)}/`;
export const blockClaimKey = (poolId: string, block: bigint): string =>
  `${blockClaimPrefix(poolId)}${block.toString(16)}`;
export const blockClaimSchema = z.object({ pool: z.string(), node: nodeName });
export type BlockClaimDoc = z.infer<typeof blockClaimSchema>;

/**
 * One key per pool that has blocks: written by the pool's first claim and removed when its last
 * block is handed back, so an ADD learns which pools hold state (for the overlap check) from a
 * listing as long as the pools, not the blocks.
 */
export const POOLS_WITH_BLOCKS_PREFIX = "pools-with-blocks/";
export const poolWithBlocksKey = (poolId: string): string => `${POOLS_WITH_BLOCKS_PREFIX}${poolSegment(poolId)}`;
export const poolWithBlocksSchema = z.object({ pool: z.string() });

/**
 * The layout of earlier versions: per pool, one document listing every claimed block, written by
 * every claim. Read only to convert it (layout-upgrade.ts); never written.
 */
export const LEGACY_CLAIMS_PREFIX = "claims/";
export const legacyClaimsKey = (poolId: string): string => `${LEGACY_CLAIMS_PREFIX}${poolSegment(poolId)}`;
export const legacyClaimsSchema = z.object({ pool: z.string(), blocks: z.record(hexIndex, nodeName) });
export type LegacyClaimsDoc = z.infer<typeof legacyClaimsSchema>;

/**
 * Per node and pool, written only on behalf of that node (and by a borrower writing into one of
 * its blocks): the next-fit cursor and the node's affine blocks with the last write of each.
 */
export const NODE_STATE_PREFIX = "node-state/";
export const nodeStatePrefix = (node: string): string => `${NODE_STATE_PREFIX}${node}/`;
export const nodeStateKey = (node: string, poolId: string): string => `${nodeStatePrefix(node)}${poolSegment(poolId)}`;
export const nodeStateSchema = z.object({
  pool: z.string(),
  node: nodeName,
  /** Offset in the pool of the last address this node handed out, decimal (BigInt for IPv6). */
  cursor: z.optional(decimal),
  /** Affine block index (hex) -> the block's `seq` after its last write. */
  blocks: z.record(hexIndex, sequence),
});
export type NodeStateDoc = z.infer<typeof nodeStateSchema>;

/** network/containerId:ifname; ':' can appear in neither a container id nor an ifname, so it is unambiguous. */
export const attachmentId = (network: string, containerId: string, ifname: string): string =>
  `${network}/${containerId}:${ifname}`;
export const ATTACHMENT_PREFIX = "attachment/";
export const attachmentKey = (id: string): string => `${ATTACHMENT_PREFIX}${id}`;
export const networkAttachmentPrefix = (network: string): string => `${ATTACHMENT_PREFIX}${network}/`;

export const attachmentSchema = z.object({
  network: z.string(),
  containerId: z.string(),
  ifname: z.string(),
  /** The node the ADD ran on: GC on a node releases only its own attachments. */
  node: nodeName,
  /** This allocation's unique token, also in each block owner entry: a release frees only the allocation it saw. */
  handle: z.string(),
  addresses: z.array(z.object({ pool: z.string(), address: z.string() })),
  allocatedAt: z.string(),
  podNamespace: z.optional(z.string()),
  podName: z.optional(z.string()),
});
export type AttachmentDoc = z.infer<typeof attachmentSchema>;

export const idOfAttachment = (doc: AttachmentDoc): string => attachmentId(doc.network, doc.containerId, doc.ifname);

/** The CIDR of a pool id written by ippool itself (so known to parse). */
export function poolCidr(poolId: string): Cidr {
  const parsed = parseCidr(poolId);
  if (!parsed || formatCidr(parsed.cidr) !== poolId) throw new Error(`internal error: bad pool id ${poolId}`);
  return parsed.cidr;
}
