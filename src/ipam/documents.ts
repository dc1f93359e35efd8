// The documents ippool keeps in a Store, their keys and schemas.
import * as z from "zod/mini";
import { formatCidr, parseCidr, type Cidr } from "../alloc/address.js";
import { poolDocumentSchema } from "../pool/resource.js";

/** Stored pools, as v1 documents in canonical form. */
export const POOLS_KEY = "pools";
// The full pool schema, so a stored document that fails it is a damaged pools.json (named, code 104), not a config error.
export const storedPoolsSchema = z.object({ pools: z.array(poolDocumentSchema) });

/** A CIDR as one key segment: "10.22.0.0/16" -> "10.22.0.0_16". */
const poolSegment = (poolId: string): string => poolId.replace("/", "_");
export const poolIdFromSegment = (segment: string): string => segment.replace("_", "/");

export const POOL_STATE_PREFIX = "pool/";
export const poolStateKey = (poolId: string): string => `${POOL_STATE_PREFIX}${poolSegment(poolId)}`;
/** Per pool: the next-fit cursor and how many addresses each touched block holds. */
export const poolStateSchema = z.object({
  pool: z.string(),
  /** Offset of the last address handed out, as a decimal string (BigInt for IPv6). */
  cursor: z.optional(z.string().check(z.regex(/^\d+$/))),
  /** Block index (hex) -> addresses in use; only blocks holding something are listed. */
  blocks: z.record(z.string(), z.int().check(z.positive())),
});
export type PoolState = z.infer<typeof poolStateSchema>;

export const blockKey = (poolId: string, block: bigint): string => `block/${poolSegment(poolId)}/${block.toString(16)}`;
export const blockPrefix = (poolId: string): string => `block/${poolSegment(poolId)}/`;
/** One block's bitmap and, for each set bit, the attachment that holds it. */
export const blockSchema = z.object({
  pool: z.string(),
  bitmap: z.string().check(z.regex(/^[0-9a-f]*$/)),
  owners: z.record(z.string().check(z.regex(/^\d+$/)), z.string()),
});
export type BlockDoc = z.infer<typeof blockSchema>;

/** network/containerId:ifname; ':' can appear in neither a container id nor an ifname, so it is unambiguous. */
export const attachmentId = (network: string, containerId: string, ifname: string): string => `${network}/${containerId}:${ifname}`;
export const ATTACHMENT_PREFIX = "attachment/";
export const attachmentKey = (id: string): string => `${ATTACHMENT_PREFIX}${id}`;
export const networkAttachmentPrefix = (network: string): string => `${ATTACHMENT_PREFIX}${network}/`;

export const attachmentSchema = z.object({
  network: z.string(),
  containerId: z.string(),
  ifname: z.string(),
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
