// The CLI commands that error hints name, completed with the flags that reach the network's own store.
import { CniError } from "../cni/errors.js";
import type { IpamConfig } from "../cni/netconf.js";

/**
 * A hint such as 'ippool reclaim', followed literally, would act on the default data dir, or on
 * whatever ETCD_ENDPOINTS the operator's shell holds. An explicit flag beats any variable in the
 * CLI, so each named command gets the flags of the store this network uses.
 */
export function withStoreFlags(error: CniError, ipam: IpamConfig): CniError {
  const flags = storeFlags(ipam);
  const complete = (text: string) =>
    text.replace(/'ippool ([^']*)'/g, (_whole, command: string) => `'ippool ${command} ${flags}'`);
  const message = complete(error.message);
  const details = error.details === undefined ? undefined : complete(error.details);
  if (message === error.message && details === error.details) return error;
  return new CniError(error.code, message, details);
}

export function storeFlags(ipam: IpamConfig): string {
  const { datastore } = ipam;
  if (datastore.type === "disk") return `--data-dir ${shellWord(ipam.dataDir)}`;
  const tls = [
    ["--etcd-ca-file", datastore.caFile],
    ["--etcd-cert-file", datastore.certFile],
    ["--etcd-key-file", datastore.keyFile],
  ].filter((pair): pair is [string, string] => pair[1] !== undefined);
  const pairs = [["--etcd-endpoints", datastore.endpoints.join(",")], ["--etcd-prefix", datastore.prefix], ...tls];
  return pairs.map(([flag, value]) => `${flag} ${shellWord(value!)}`).join(" ");
}

/** A word a POSIX shell reads back unchanged: bare when it is plain, else single-quoted. */
const shellWord = (value: string): string =>
  /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
