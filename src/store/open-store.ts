// Builds the Store a config names: the disk store in a data dir, or etcd (its code loaded only then).
import { DiskStore } from "./disk/disk-store.js";
import type { Store } from "./store.js";

/**
 * Which backend holds the state: the shape a netconf's ipam.datastore or the CLI's flags take once
 * validated where they enter (cni/netconf.ts), so the store needs nothing of the wire format.
 */
export type DatastoreConfig =
  | { readonly type: "disk" }
  | {
      readonly type: "etcd";
      readonly endpoints: readonly string[];
      readonly prefix: string;
      readonly timeoutSeconds: number;
      readonly caFile?: string | undefined;
      readonly certFile?: string | undefined;
      readonly keyFile?: string | undefined;
    };

export interface StoreConfig {
  readonly datastore: DatastoreConfig;
  /** The disk store's directory (etcd ignores it) and how long a writer waits its turn (the lock, or this node's etcd turn). */
  readonly dataDir: string;
  readonly lockWaitSeconds: number;
  /**
   * The node's name when known (ipam.nodename): the processes of one node take turns at etcd
   * commits, and a name keeps nodes apart that share one machine (tests, several kubelets).
   */
  readonly nodename?: string | undefined;
}

/** How the plugin and the CLI get their store: openStore, or another backend that tests pass in. */
export type StoreOpener = (config: StoreConfig) => Promise<Store>;

/**
 * The plugin is a fresh process per container, so a disk-store call must not pay for the etcd
 * client (node:http, node:https, its schemas): esbuild keeps the dynamic import in the one
 * bundle but runs that module only when it is reached.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  const datastore = config.datastore;
  if (datastore.type === "disk") return new DiskStore(config.dataDir, config.lockWaitSeconds * 1000);
  const { EtcdStore } = await import("./etcd/etcd-store.js");
  const tls = {
    ...(datastore.caFile ? { caFile: datastore.caFile } : {}),
    ...(datastore.certFile ? { certFile: datastore.certFile } : {}),
    ...(datastore.keyFile ? { keyFile: datastore.keyFile } : {}),
  };
  const turn = config.nodename ? { turn: `${datastore.prefix}@${config.nodename}` } : {};
  return new EtcdStore({
    endpoints: datastore.endpoints,
    prefix: datastore.prefix,
    tls,
    timeoutMs: datastore.timeoutSeconds * 1000,
    turnWaitMs: config.lockWaitSeconds * 1000,
    ...turn,
  });
}
