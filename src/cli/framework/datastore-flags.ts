// The CLI's choice of store: a flag (--data-dir or --etcd-endpoints), else the environment, else the default data dir.
import * as z from "zod/mini";
import { datastoreSchema, DEFAULT_DATA_DIR } from "../../cni/netconf.js";
import type { DatastoreConfig } from "../../store/open-store.js";
import { REPORT_INPUT, describeIssues } from "../../validation.js";
import { UsageError } from "./context.js";

export interface StoreChoice {
  readonly datastore: DatastoreConfig;
  /** The disk store's directory; the default (and unused) on etcd. */
  readonly dataDir: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const ETCD_SETTINGS = ["etcd-prefix", "etcd-ca-file", "etcd-cert-file", "etcd-key-file"] as const;

/**
 * An explicit flag always beats a variable: someone who exported ETCD_ENDPOINTS (as
 * docs/datastore.md says) and types --data-dir means that directory. Two flags, or two variables,
 * naming different stores are refused rather than one of them silently losing.
 * The environment names are calicoctl's (ETCD_ENDPOINTS, ETCD_CA_CERT_FILE, ...).
 */
export function chooseStore(flags: Readonly<Record<string, unknown>>, env: Env, timeoutSeconds: number): StoreChoice {
  const flag = (name: string): string | undefined => {
    const value = flags[name];
    return typeof value === "string" ? value : undefined;
  };
  const variable = (name: string): string | undefined => (env[name] === "" ? undefined : env[name]);
  const dataDirFlag = flag("data-dir");
  const endpointsFlag = flag("etcd-endpoints");
  if (dataDirFlag !== undefined && endpointsFlag !== undefined) {
    throw new UsageError("--data-dir selects the disk store and --etcd-endpoints etcd: give one of them, not both");
  }
  const onEtcd = (endpoints: string): StoreChoice => ({
    datastore: etcdSettings(endpoints, flags, env, timeoutSeconds),
    dataDir: DEFAULT_DATA_DIR,
  });
  if (dataDirFlag !== undefined) {
    return { datastore: diskOnly(flags, "--data-dir selects the disk store"), dataDir: dataDirFlag };
  }
  if (endpointsFlag !== undefined) return onEtcd(endpointsFlag);
  const dataDirVariable = variable("IPPOOL_DATA_DIR");
  const endpointsVariable = variable("ETCD_ENDPOINTS");
  if (dataDirVariable !== undefined && endpointsVariable !== undefined) {
    throw new UsageError(
      "both IPPOOL_DATA_DIR and ETCD_ENDPOINTS are set: choose the store with --data-dir DIR or --etcd-endpoints URL",
    );
  }
  if (endpointsVariable !== undefined) return onEtcd(endpointsVariable);
  const datastore = diskOnly(flags, "--etcd-endpoints (or ETCD_ENDPOINTS) is not given");
  return { datastore, dataDir: dataDirVariable ?? DEFAULT_DATA_DIR };
}

/** Only a flag is a mistake here: calicoctl users may keep the TLS variables in their environment. */
function diskOnly(flags: Readonly<Record<string, unknown>>, why: string): DatastoreConfig {
  const stray = ETCD_SETTINGS.find((name) => typeof flags[name] === "string");
  if (stray) throw new UsageError(`--${stray} goes with --etcd-endpoints, and ${why}`);
  return { type: "disk" };
}

/** Validated by the netconf's own schema, so a CLI and a plugin given the same settings agree. */
function etcdSettings(
  endpoints: string,
  flags: Readonly<Record<string, unknown>>,
  env: Env,
  timeoutSeconds: number,
): DatastoreConfig {
  const pick = (flag: string, variable: string): string | undefined => {
    const value = typeof flags[flag] === "string" ? (flags[flag] as string) : env[variable];
    return value === "" ? undefined : value;
  };
  const settings = {
    prefix: pick("etcd-prefix", "IPPOOL_ETCD_PREFIX"),
    caFile: pick("etcd-ca-file", "ETCD_CA_CERT_FILE"),
    certFile: pick("etcd-cert-file", "ETCD_CERT_FILE"),
    keyFile: pick("etcd-key-file", "ETCD_KEY_FILE"),
  };
  const given = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  const urls = endpoints.split(",").map((url) => url.trim());
  const parsed = z.safeParse(
    datastoreSchema(),
    { type: "etcd", endpoints: urls, timeoutSeconds, ...given },
    REPORT_INPUT,
  );
  if (!parsed.success) throw new UsageError(`invalid etcd settings: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
