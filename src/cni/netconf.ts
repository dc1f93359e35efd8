// The network config on stdin: decoded, version-checked and validated into typed values.
import * as z from "zod/mini";
import { CniError, ErrorCode } from "../errors.js";
import { REPORT_INPUT, describeIssues, onlyUnknownFields } from "../validation.js";
import { LATEST_VERSION, SUPPORTED_VERSIONS, isSupportedVersion, type CniVersion } from "./versions.js";
import { NAME_PATTERN } from "../validation.js";
import { nodeNameSchema } from "../node/name.js";
import { parseAddress, parseCidr } from "../alloc/address.js";

export const DEFAULT_DATA_DIR = "/var/lib/cni/ippool";
export const DEFAULT_LOCK_WAIT_SECONDS = 30;
export const DEFAULT_ETCD_PREFIX = "/ippool";
export const DEFAULT_ETCD_TIMEOUT_SECONDS = 10;
const MAX_NETWORK_NAME_LENGTH = 200;

const cidr = z.string().check(z.refine((text) => parseCidr(text) !== undefined, { message: "not a valid CIDR" }));
const address = z
  .string()
  .check(z.refine((text) => parseAddress(text) !== undefined, { message: "not a valid IP address" }));
/** Calico's CNI config writes these as strings ("true"); accept both spellings. */
const flag = z.union([
  z.boolean(),
  z.pipe(
    z.enum(["true", "false"]),
    z.transform((text) => text === "true"),
  ),
]);
const count = z.optional(z.int().check(z.nonnegative()));
const strings = z.optional(z.array(z.string()));

const routeSchema = z.strictObject({
  dst: cidr,
  gw: z.optional(address),
  // CNI 1.1 route attributes; passed through to the main plugin.
  mtu: count,
  advmss: count,
  priority: count,
  table: count,
  scope: count,
});
export type Route = z.infer<typeof routeSchema>;

const dnsSchema = z.strictObject({
  nameservers: z.optional(z.array(address)),
  domain: z.optional(z.string()),
  search: strings,
  options: strings,
});
export type Dns = z.infer<typeof dnsSchema>;

const absolutePath = () =>
  z
    .string()
    .check(z.refine((path) => path.startsWith("/") && !path.includes("\0"), { message: "must be an absolute path" }));
const etcdEndpoint = () =>
  z.string().check(
    z.refine((text) => /^https?:\/\/[^/?#\s]+\/?$/.test(text), {
      message: "must be an http:// or https:// URL with a host and port and no path",
    }),
  );

/** Where the state lives: a per-node data dir, or an etcd cluster shared by every node (docs/datastore.md). */
const buildDatastoreSchema = () =>
  z.discriminatedUnion(
    "type",
    [
      z.strictObject({ type: z.literal("disk") }),
      z
        .strictObject({
          type: z.literal("etcd"),
          endpoints: z.array(etcdEndpoint()).check(z.minLength(1, { message: "needs at least one endpoint" })),
          prefix: z._default(
            z.string().check(
              z.regex(/^(\/[^/\0]+)+$/, {
                message: 'must be an etcd key path such as "/ippool" (no trailing slash)',
              }),
            ),
            DEFAULT_ETCD_PREFIX,
          ),
          timeoutSeconds: z._default(z.number().check(z.positive(), z.lte(600)), DEFAULT_ETCD_TIMEOUT_SECONDS),
          caFile: z.optional(absolutePath()),
          certFile: z.optional(absolutePath()),
          keyFile: z.optional(absolutePath()),
        })
        .check(
          z.refine(tlsFitsEndpoints, {
            message:
              "https endpoints need caFile (and certFile with keyFile for a client certificate); http endpoints take no TLS files; endpoints may not mix http and https",
          }),
        ),
    ],
    { message: 'expected "disk" or "etcd"' },
  );
let builtDatastoreSchema: ReturnType<typeof buildDatastoreSchema> | undefined;
/** Built on first use: most plugin calls have no datastore field, and a schema costs start-up to construct. */
export const datastoreSchema = () => (builtDatastoreSchema ??= buildDatastoreSchema());

function tlsFitsEndpoints(etcd: {
  endpoints: string[];
  caFile?: string | undefined;
  certFile?: string | undefined;
  keyFile?: string | undefined;
}): boolean {
  const secure = etcd.endpoints.map((endpoint) => endpoint.startsWith("https:"));
  if (secure.some((one) => one !== secure[0])) return false;
  if (!secure[0]) return etcd.caFile === undefined && etcd.certFile === undefined && etcd.keyFile === undefined;
  return etcd.caFile !== undefined && (etcd.certFile === undefined) === (etcd.keyFile === undefined);
}

const ipamSchema = z.strictObject({
  type: z.string(),
  dataDir: z._default(absolutePath(), DEFAULT_DATA_DIR),
  // Where the plugin looks for the node agent first (src/agent/protocol.ts reads it before this schema loads).
  agentSocket: z.optional(absolutePath()),
  // Pool documents are validated by pool/resource.ts, which names each field it rejects.
  ipPools: z._default(z.array(z.unknown()), []),
  ipv4_pools: strings,
  ipv6_pools: strings,
  assign_ipv4: z.optional(flag),
  assign_ipv6: z.optional(flag),
  routes: z._default(z.array(routeSchema), []),
  dns: z.optional(dnsSchema),
  gateway: z._default(z.enum(["first-address", "none"]), "first-address"),
  addressPrefix: z._default(z.enum(["pool", "host"]), "pool"),
  // The node's name, held to the node resource's rule (src/node/name.ts); else NODENAME, else the host name.
  nodename: z.optional(nodeNameSchema),
  lockWaitSeconds: z._default(z.number().check(z.positive(), z.lte(600)), DEFAULT_LOCK_WAIT_SECONDS),
  datastore: z._default(
    z.lazy(() => datastoreSchema()),
    { type: "disk" },
  ),
});
export type IpamConfig = z.infer<typeof ipamSchema>;

const attachmentSchema = z.object({ containerID: z.string(), ifname: z.string() });

const netconfSchema = z.looseObject({
  cniVersion: z.string(),
  // The name is a directory of the store, so it must fit a file name's 255 bytes.
  name: z.string().check(
    z.regex(NAME_PATTERN, { message: `network name must match ${NAME_PATTERN.source}` }),
    z.maxLength(MAX_NETWORK_NAME_LENGTH, {
      message: `network name may be at most ${MAX_NETWORK_NAME_LENGTH} characters`,
    }),
  ),
  ipam: ipamSchema,
  runtimeConfig: z.optional(z.looseObject({ ips: strings })),
  args: z.optional(z.looseObject({ cni: z.optional(z.looseObject({ ips: strings })) })),
  prevResult: z.optional(z.unknown()),
  // libcni marshals an empty Go slice as null: that means "nothing is live", not "no list".
  "cni.dev/valid-attachments": z.optional(z.nullable(z.array(attachmentSchema))),
  "cni.dev/attachments": z.optional(z.nullable(z.array(attachmentSchema))),
});

export interface NetConf {
  readonly cniVersion: CniVersion;
  readonly name: string;
  readonly ipam: IpamConfig;
  /** runtimeConfig.ips and args.cni.ips; when `args` is present, CNI_ARGS IP= is ignored (CONVENTIONS.md). */
  readonly requestedIps: { readonly fromConfig: string[]; readonly argsGiven: boolean };
  readonly prevResult: unknown;
  readonly validAttachments?: { containerID: string; ifname: string }[];
}

/** A netconf nests a handful of levels; V8 needs seconds and hundreds of MiB to parse a million. */
export const MAX_JSON_DEPTH = 64;

/** Whether brackets outside strings nest deeper than `limit`: a linear scan that is cheap next to JSON.parse. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > limit) return true;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return false;
}

/** Bytes of stdin to JSON, with CNI's decode error (code 6) for anything that is not a JSON object. */
export function decodeJson(stdin: string): Record<string, unknown> {
  if (nestsDeeperThan(stdin, MAX_JSON_DEPTH)) {
    throw new CniError(
      ErrorCode.decodeFailure,
      `network config on stdin nests deeper than ${MAX_JSON_DEPTH} levels`,
      "a network config needs a few; check what generated it",
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(stdin);
  } catch (error) {
    throw new CniError(ErrorCode.decodeFailure, "network config on stdin is not valid JSON", (error as Error).message);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CniError(ErrorCode.decodeFailure, "network config on stdin must be a JSON object");
  }
  return value as Record<string, unknown>;
}

/** libcni reads a config with no cniVersion as 0.1.0. */
export function readVersion(raw: Record<string, unknown>): CniVersion {
  const version = raw.cniVersion ?? "0.1.0";
  if (!isSupportedVersion(version)) {
    throw new CniError(
      ErrorCode.incompatibleVersion,
      `unsupported cniVersion ${JSON.stringify(version)}`,
      `ippool supports ${SUPPORTED_VERSIONS.join(", ")}`,
    );
  }
  return version;
}

export function parseNetConf(raw: Record<string, unknown>): NetConf {
  const cniVersion = readVersion(raw);
  const result = z.safeParse(netconfSchema, { ...raw, cniVersion }, REPORT_INPUT);
  if (!result.success) {
    const code = onlyUnknownFields(result.error) ? ErrorCode.unsupportedField : ErrorCode.invalidConfig;
    throw new CniError(code, `invalid network config: ${describeIssues(result.error)}`, conflistHint(raw));
  }
  const conf = result.data;
  return {
    cniVersion,
    name: conf.name,
    ipam: conf.ipam,
    requestedIps: {
      fromConfig: [...(conf.runtimeConfig?.ips ?? []), ...(conf.args?.cni?.ips ?? [])],
      argsGiven: conf.args !== undefined,
    },
    prevResult: conf.prevResult,
    validAttachments: [conf["cni.dev/valid-attachments"], conf["cni.dev/attachments"]]
      .map((list) => (list === null ? [] : list))
      .find((list) => list !== undefined),
  };
}

/**
 * A whole .conflist fed to the plugin (by hand, or by a runtime that does not unpack lists) fails
 * on its missing ipam: say what it got and what a plugin is given instead.
 */
function conflistHint(raw: Record<string, unknown>): string | undefined {
  if (!Array.isArray(raw.plugins) || raw.ipam !== undefined) return undefined;
  return (
    'this is a conflist (a list of plugins under "plugins"); a plugin is given one entry of that list, with the ' +
    "list's name and cniVersion added, as a runtime (libcni) passes it: feed that entry, not the whole list"
  );
}

/** The version to answer in when the config could not be read: the request's if known, else the latest. */
export function replyVersion(raw: Record<string, unknown> | undefined): CniVersion {
  // A config without cniVersion is a 0.1.0 request (readVersion), so its errors answer in 0.1.0 too.
  const version = raw && raw.cniVersion === undefined ? "0.1.0" : raw?.cniVersion;
  return isSupportedVersion(version) ? version : LATEST_VERSION;
}
