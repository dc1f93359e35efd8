// Which datastore the process-level suites run on: the disk store, or with IPPOOL_TEST_DATASTORE=etcd one shared etcd.
import { execFileSync } from "node:child_process";
import { ETCD_BINARY, startEtcd } from "./etcd.js";

const ETCDCTL_BINARY = "/usr/bin/etcdctl";

/** Set by the global setup to the etcd it started for this run. */
const ENDPOINTS_VARIABLE = "IPPOOL_TEST_ETCD_ENDPOINTS";

export const onEtcd = (): boolean => process.env.IPPOOL_TEST_DATASTORE === "etcd";

/**
 * Each data dir gets its own key prefix derived from its path, so tests written for the disk
 * store (a fresh temp dir each) are just as isolated on etcd without a change.
 */
export const etcdPrefixFor = (dataDir: string): string => `/ippool-test${dataDir.replace(/\/+$/, "")}`;

function endpoints(): string {
  const value = process.env[ENDPOINTS_VARIABLE];
  if (!value)
    throw new Error(
      `IPPOOL_TEST_DATASTORE=etcd but no etcd was started (${ENDPOINTS_VARIABLE} unset): run through vitest`,
    );
  return value;
}

/** The config's ipam with the etcd datastore added, when the run is on etcd and the config names no datastore itself. */
export function withTestDatastore(conf: unknown): unknown {
  if (!onEtcd() || typeof conf !== "object" || conf === null) return conf;
  const ipam = (conf as { ipam?: Record<string, unknown> }).ipam;
  if (typeof ipam !== "object" || ipam === null || typeof ipam.dataDir !== "string" || ipam.datastore !== undefined)
    return conf;
  // 30 s, the disk store's default lock wait, which the same suites get on disk: a hundred processes at once
  // on a loaded 2-core machine take their turns for longer than etcd's default 10 s.
  const datastore = {
    type: "etcd",
    endpoints: endpoints().split(","),
    prefix: etcdPrefixFor(ipam.dataDir),
    timeoutSeconds: 30,
  };
  return { ...conf, ipam: { ...ipam, datastore } };
}

/** The CLI's flags for the store of `dataDir` (one store: giving --data-dir and --etcd-endpoints together is refused). */
export function storeArgs(dataDir: string): string[] {
  return onEtcd()
    ? ["--etcd-endpoints", endpoints(), "--etcd-prefix", etcdPrefixFor(dataDir)]
    : ["--data-dir", dataDir];
}

/** For the vitest global setup: starts the run's etcd when asked to, and returns its teardown. */
export async function startTestDatastore(): Promise<(() => Promise<void>) | undefined> {
  if (!onEtcd()) return undefined;
  const cluster = await startEtcd().catch((error: Error) => {
    throw new Error(`IPPOOL_TEST_DATASTORE=etcd needs ${ETCD_BINARY} (apt-get install etcd-server): ${error.message}`);
  });
  process.env[ENDPOINTS_VARIABLE] = cluster.endpoints.join(",");
  return () => cluster.stop();
}

/**
 * What the etcd run holds below `dataDir`'s prefix and `under` ("attachment/"): store keys and
 * their documents, read with etcdctl so that helpers that looked at files can stay synchronous.
 */
export function etcdDocuments(dataDir: string, under: string): Map<string, unknown> {
  const prefix = `${etcdPrefixFor(dataDir)}/`;
  const text = execFileSync(
    ETCDCTL_BINARY,
    [`--endpoints=${endpoints()}`, "get", "--prefix", `${prefix}${under}`, "-w", "json"],
    { env: { ETCDCTL_API: "3" }, encoding: "utf8" },
  );
  const kvs: { key: string; value: string }[] = JSON.parse(text).kvs ?? [];
  const decode = (base64: string) => Buffer.from(base64, "base64").toString("utf8");
  return new Map(kvs.map((kv) => [decode(kv.key).slice(prefix.length), JSON.parse(decode(kv.value))]));
}

/** How the CLI's output names the store of `dataDir`. */
export const storeNameFor = (dataDir: string): string =>
  onEtcd() ? `etcd ${endpoints()} prefix ${etcdPrefixFor(dataDir)}` : `data dir ${dataDir}`;
