// The CLI's choice of datastore: --etcd-* flags or their environment variables select etcd, else the disk store.
import * as z from "zod/mini";
import { datastoreSchema } from "../../cni/netconf.js";
import type { DatastoreConfig } from "../../store/open-store.js";
import { REPORT_INPUT, describeIssues } from "../../validation.js";
import { UsageError } from "./context.js";

/**
 * Validated by the netconf's own schema, so a CLI and a plugin given the same settings agree.
 * The environment names are calicoctl's (ETCD_ENDPOINTS, ETCD_CA_CERT_FILE, ...).
 */
export function datastoreFlags(flags: Readonly<Record<string, unknown>>, env: Readonly<Record<string, string | undefined>>, timeoutSeconds: number): DatastoreConfig {
  const pick = (flag: string, variable: string): string | undefined => {
    const value = typeof flags[flag] === "string" ? (flags[flag] as string) : env[variable];
    return value === "" ? undefined : value;
  };
  const endpoints = pick("etcd-endpoints", "ETCD_ENDPOINTS");
  const settings = {
    prefix: pick("etcd-prefix", "IPPOOL_ETCD_PREFIX"),
    caFile: pick("etcd-ca-file", "ETCD_CA_CERT_FILE"),
    certFile: pick("etcd-cert-file", "ETCD_CERT_FILE"),
    keyFile: pick("etcd-key-file", "ETCD_KEY_FILE"),
  };
  if (endpoints === undefined) {
    // Only a flag is a mistake here: calicoctl users may keep the TLS variables in their environment.
    const stray = ["etcd-prefix", "etcd-ca-file", "etcd-cert-file", "etcd-key-file"].find((flag) => typeof flags[flag] === "string");
    if (stray) throw new UsageError(`--${stray} needs --etcd-endpoints (or ETCD_ENDPOINTS)`);
    return { type: "disk" };
  }
  const given = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  const parsed = z.safeParse(datastoreSchema(), { type: "etcd", endpoints: endpoints.split(",").map((url) => url.trim()), timeoutSeconds, ...given }, REPORT_INPUT);
  if (!parsed.success) throw new UsageError(`invalid etcd settings: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
