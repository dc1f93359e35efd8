// Whether the store a command names is there: a mistyped --data-dir or --etcd-prefix must not read as an empty store.
import { statSync } from "node:fs";
import { join } from "node:path";
import { CniError, ErrorCode } from "../../errors.js";
import { aroundTransactions, type Store } from "../../store/store.js";
import type { StoreChoice } from "./datastore-flags.js";

/** "data dir /var/lib/cni/ippool" or "etcd http://10.0.0.1:2379 prefix /ippool": the store as messages name it. */
export const storeName = (choice: StoreChoice, store: Store): string =>
  choice.datastore.type === "disk" ? `data dir ${choice.dataDir}` : store.location;

/** A key's file (a key ending in "/" names a directory), or its etcd key. */
export function whereIs(choice: StoreChoice): (key: string) => string {
  const { datastore } = choice;
  if (datastore.type === "etcd") return (key) => `${datastore.prefix}/${key}`;
  return (key) => join(choice.dataDir, key.endsWith("/") ? key : `${key}.json`);
}

/** A data dir that is a file fails every command one clear way, not as mkdir's EEXIST or a read's ENOTDIR. */
export function assertDataDirUsable(choice: StoreChoice): void {
  if (choice.datastore.type !== "disk") return;
  try {
    if (!statSync(choice.dataDir).isDirectory()) {
      const hint = "give the directory that holds the store with --data-dir";
      throw new CniError(ErrorCode.ioFailure, `data dir ${choice.dataDir} is not a directory`, hint);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * The store, checked to exist when a command first reads or changes it: after the command has
 * checked its own arguments, so a usage error is still reported as one. `notes` is not checked:
 * the backend's own facts need no data, and a damaged commit record must reach verify as a finding.
 */
export function existingStore(choice: StoreChoice, store: Store, name: string): Store {
  let checked: Promise<void> | undefined;
  const check = () => (checked ??= assertStoreExists(choice, store, name));
  return aroundTransactions(store, async (transaction) => {
    await check();
    return transaction();
  });
}

/** A store with no key at all was never written, so it is most likely not the one meant. */
async function assertStoreExists(choice: StoreChoice, store: Store, name: string): Promise<void> {
  if ((await store.read((txn) => txn.list(""))).length > 0) return;
  const onDisk = choice.datastore.type === "disk";
  const why = !onDisk
    ? "no key under the prefix"
    : statSync(choice.dataDir, { throwIfNoEntry: false })
      ? "it holds nothing ippool wrote"
      : "the directory does not exist";
  const check = onDisk
    ? "check --data-dir (or IPPOOL_DATA_DIR)"
    : "check --etcd-prefix (or IPPOOL_ETCD_PREFIX) and --etcd-endpoints";
  const hint = `${check}; 'ippool apply -f FILE' or the plugin's first ADD creates one`;
  throw new CniError(ErrorCode.ioFailure, `no ippool store in ${name}: ${why}`, hint);
}
