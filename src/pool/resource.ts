// The Calico v1 ipPool resource: its schema, defaults, canonical form and the warnings it earns.
import * as z from "zod/mini";
import { CniError, ErrorCode } from "../errors.js";
import { REPORT_INPUT, describeIssues } from "../validation.js";
import { formatCidr, parseCidr, type Cidr } from "../alloc/address.js";

export const IPIP_MODES = ["always", "cross-subnet"] as const;
export type IpipMode = (typeof IPIP_MODES)[number];

/** A validated pool with its defaults applied. Its identity is its CIDR. */
export interface Pool {
  readonly cidr: Cidr;
  /** Canonical text of the CIDR, e.g. "10.1.0.0/16", "fd00:22::/64". */
  readonly id: string;
  /** Absent means tunnelling off; present means the document had `ipip` (whose `enabled` defaults to true). */
  readonly ipip?: { readonly enabled: boolean; readonly mode: IpipMode };
  readonly natOutgoing: boolean;
  readonly disabled: boolean;
}

const cidrText = z
  .string()
  .check(z.refine((text) => parseCidr(text) !== undefined, { message: "not a valid IPv4 or IPv6 CIDR" }));

export const poolDocumentSchema = z.strictObject({
  apiVersion: z.literal("v1", { message: 'apiVersion must be "v1" (the Calico v1 ipPool format)' }),
  kind: z.literal("ipPool", { message: 'kind must be "ipPool"' }),
  metadata: z.strictObject({ cidr: cidrText }),
  spec: z._default(
    z.strictObject({
      ipip: z.optional(
        z.strictObject({
          enabled: z._default(z.boolean(), true),
          mode: z._default(z.enum(IPIP_MODES, { message: `mode must be one of ${IPIP_MODES.join(", ")}` }), "always"),
        }),
      ),
      "nat-outgoing": z._default(z.boolean(), false),
      disabled: z._default(z.boolean(), false),
    }),
    { "nat-outgoing": false, disabled: false },
  ),
});

export type PoolDocument = z.input<typeof poolDocumentSchema>;
export type ValidPoolDocument = z.output<typeof poolDocumentSchema>;

export interface ParsedPool {
  readonly pool: Pool;
  /** Things the operator should hear about on stderr; the pool is accepted all the same. */
  readonly warnings: string[];
}

/** Validates one document; `where` names it in messages ("pool document 2", "ipam.ipPools[0]"). */
export function parsePoolDocument(input: unknown, where: string): ParsedPool {
  const result = z.safeParse(poolDocumentSchema, input, REPORT_INPUT);
  if (!result.success) throw new CniError(ErrorCode.invalidConfig, `${where}: ${describeIssues(result.error)}`);
  const doc = result.data;
  const pool = poolFromDocument(doc);
  // As calicoctl refuses it: Linux's IPIP device (tunl0) carries IPv4 only.
  if (pool.cidr.family === 6 && pool.ipip?.enabled) {
    throw new CniError(
      ErrorCode.invalidConfig,
      `${where}: spec.ipip: IP-in-IP is not supported on an IPv6 pool (${pool.id})`,
      "remove spec.ipip or set spec.ipip.enabled: false; IPv6 pool traffic between nodes is routed directly",
    );
  }
  const warnings: string[] = [];
  if (parseCidr(doc.metadata.cidr)!.hadHostBits) {
    warnings.push(`${where}: cidr ${doc.metadata.cidr} has host bits set; stored as ${pool.id}`);
  }
  if (pool.ipip?.enabled && !pool.natOutgoing) {
    warnings.push(
      `${where}: pool ${pool.id} has ipip enabled but nat-outgoing off; traffic between containers and hosts ` +
        `may be routed asymmetrically and dropped by reverse-path filtering (set spec.nat-outgoing: true)`,
    );
  }
  return { pool, warnings };
}

/** A document that already passed poolDocumentSchema (with its defaults applied) as a Pool. */
export function poolFromDocument(doc: ValidPoolDocument): Pool {
  const { cidr } = parseCidr(doc.metadata.cidr)!;
  return {
    cidr,
    id: formatCidr(cidr),
    ...(doc.spec.ipip ? { ipip: { enabled: doc.spec.ipip.enabled, mode: doc.spec.ipip.mode } } : {}),
    natOutgoing: doc.spec["nat-outgoing"],
    disabled: doc.spec.disabled,
  };
}

/** The v1 document of a pool with every default written out, so `get -o yaml` output re-applies unchanged. */
export function poolToDocument(pool: Pool): PoolDocument {
  return {
    apiVersion: "v1",
    kind: "ipPool",
    metadata: { cidr: pool.id },
    spec: {
      ...(pool.ipip ? { ipip: { enabled: pool.ipip.enabled, mode: pool.ipip.mode } } : {}),
      "nat-outgoing": pool.natOutgoing,
      disabled: pool.disabled,
    },
  };
}
