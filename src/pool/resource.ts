// The Calico v1 ipPool resource: its schema, defaults, canonical form and the warnings it earns.
import * as z from "zod/mini";
import { CniError, ErrorCode } from "../errors.js";
import { REPORT_INPUT, describeIssues } from "../validation.js";
import { formatCidr, parseCidr, type Cidr } from "../alloc/address.js";

export const ENCAPSULATION_MODES = ["always", "cross-subnet"] as const;
export type EncapsulationMode = (typeof ENCAPSULATION_MODES)[number];

/** `ipip` and `vxlan` alike: absent means off; present means on unless it says `enabled: false`. */
export interface Encapsulation {
  readonly enabled: boolean;
  readonly mode: EncapsulationMode;
}

/** A validated pool with its defaults applied. Its identity is its CIDR. */
export interface Pool {
  readonly cidr: Cidr;
  /** Canonical text of the CIDR, e.g. "10.1.0.0/16", "fd00:22::/64". */
  readonly id: string;
  /** Absent means tunnelling off; present means the document had `ipip` (whose `enabled` defaults to true). */
  readonly ipip?: Encapsulation;
  /** The same, for VXLAN; a pool never has both enabled. */
  readonly vxlan?: Encapsulation;
  readonly natOutgoing: boolean;
  readonly disabled: boolean;
}

const cidrText = z
  .string()
  .check(z.refine((text) => parseCidr(text) !== undefined, { message: "not a valid IPv4 or IPv6 CIDR" }));

const encapsulationSchema = z.optional(
  z.strictObject({
    enabled: z._default(z.boolean(), true),
    mode: z._default(
      z.enum(ENCAPSULATION_MODES, { message: `mode must be one of ${ENCAPSULATION_MODES.join(", ")}` }),
      "always",
    ),
  }),
);

export const poolDocumentSchema = z.strictObject({
  apiVersion: z.literal("v1", { message: 'apiVersion must be "v1" (the Calico v1 ipPool format)' }),
  kind: z.literal("ipPool", { message: 'kind must be "ipPool"' }),
  metadata: z.strictObject({ cidr: cidrText }),
  spec: z._default(
    z.strictObject({
      ipip: encapsulationSchema,
      vxlan: encapsulationSchema,
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
  // As Calico's v3 validator refuses it: a packet can take only one of the two tunnels.
  if (pool.ipip?.enabled && pool.vxlan?.enabled) {
    throw new CniError(
      ErrorCode.invalidConfig,
      `${where}: spec.ipip and spec.vxlan are both enabled on pool ${pool.id}; a pool uses one encapsulation`,
      "set enabled: false on spec.ipip or on spec.vxlan, or remove one of them",
    );
  }
  const warnings: string[] = [];
  if (parseCidr(doc.metadata.cidr)!.hadHostBits) {
    warnings.push(`${where}: cidr ${doc.metadata.cidr} has host bits set; stored as ${pool.id}`);
  }
  // Either tunnel brings a remote host's replies to a container in on the tunnel device, while the route back
  // to that host is the uplink: the same asymmetry, so the same warning.
  const encapsulated = pool.ipip?.enabled ? "ipip" : pool.vxlan?.enabled ? "vxlan" : undefined;
  if (encapsulated && !pool.natOutgoing) {
    warnings.push(
      `${where}: pool ${pool.id} has ${encapsulated} enabled but nat-outgoing off; traffic between containers and hosts ` +
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
    ...encapsulationFields(doc.spec),
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
      ...encapsulationFields(pool),
      "nat-outgoing": pool.natOutgoing,
      disabled: pool.disabled,
    },
  };
}

/** `ipip` and `vxlan` copied field by field, each only when present, so a pool without them gains no key. */
function encapsulationFields(from: { readonly ipip?: Encapsulation; readonly vxlan?: Encapsulation }) {
  const copy = ({ enabled, mode }: Encapsulation): Encapsulation => ({ enabled, mode });
  return {
    ...(from.ipip ? { ipip: copy(from.ipip) } : {}),
    ...(from.vxlan ? { vxlan: copy(from.vxlan) } : {}),
  };
}
