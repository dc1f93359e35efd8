// What every verb receives: the parsed environment and config, the store, and the process's I/O.
import type { CniEnv } from "../cni/env.js";
import type { NetConf } from "../cni/netconf.js";
import type { Store } from "../store/store.js";
import { resolveNodename } from "../cni/nodename.js";

export interface PluginIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The network config; rejects (with a CniError) input that is too large. */
  readonly readStdin: () => Promise<string>;
  readonly now: () => Date;
  /** A line for stderr, which runtimes log. */
  readonly warn: (line: string) => void;
}

export interface VerbContext {
  readonly env: CniEnv;
  readonly conf: NetConf;
  readonly store: Store;
  readonly io: PluginIo;
}

/** The node this verb runs on: ipam.nodename, else NODENAME, else the host name. */
export const nodeOf = ({ conf, io }: VerbContext): string => resolveNodename(conf.ipam.nodename, io.env);
