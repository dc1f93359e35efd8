// The plugin entry: environment and stdin in, one JSON document and an exit code out.
import { parseCniEnv } from "../cni/env.js";
import { toCniError } from "../error-mapping.js";
import { decodeJson, parseNetConf, readVersion, replyVersion, type NetConf } from "../cni/netconf.js";
import { encodeResult } from "../cni/result.js";
import { SUPPORTED_VERSIONS, requireVerbSupported } from "../cni/versions.js";
import { openStore, type StoreOpener } from "../store/open-store.js";
import { withDamageAdvice } from "../ipam/damage-advice.js";
import { add } from "./add.js";
import { check, del, gc, status } from "./maintenance.js";
import type { PluginIo, VerbContext } from "./context.js";
import { withStoreFlags } from "./store-hints.js";
import type { Store } from "../store/store.js";

export interface PluginOutcome {
  /** What to print on stdout; empty for verbs that succeed silently (DEL, CHECK, GC, STATUS). */
  readonly stdout: string;
  readonly exitCode: number;
}

/** `open` makes the store the config names; in-process tests pass one that opens an in-memory store. */
export async function runPlugin(io: PluginIo, open: StoreOpener = openStore): Promise<PluginOutcome> {
  let raw: Record<string, unknown> | undefined;
  let conf: NetConf | undefined;
  let store: Store | undefined;
  try {
    // stdin comes first so that even an environment error answers in the config's cniVersion.
    const stdin = await io.readStdin();
    let decodeFailure: unknown;
    try {
      raw = decodeJson(stdin);
    } catch (error) {
      decodeFailure = error;
    }
    const env = parseCniEnv(io.env);
    if (env.command === "VERSION")
      return success({ cniVersion: replyVersion(raw), supportedVersions: SUPPORTED_VERSIONS });
    if (!raw) throw decodeFailure;
    requireVerbSupported(env.command, readVersion(raw));
    conf = parseNetConf(raw);
    // The node's name keys the etcd turn that this node's processes share (tests run several nodes on one machine).
    store = withDamageAdvice(await open({ ...conf.ipam, nodename: conf.ipam.nodename ?? io.env.NODENAME }));
    const context: VerbContext = { env, conf, store, io };
    // ADD answers with its result; the other verbs succeed silently.
    let result: unknown;
    switch (env.command) {
      case "ADD":
        result = encodeResult(conf.cniVersion, await add(context));
        break;
      case "DEL":
        await del(context);
        break;
      case "CHECK":
        await check(context);
        break;
      case "GC":
        await gc(context);
        break;
      case "STATUS":
        await status(context);
        break;
    }
    reportConflicts(context);
    return result === undefined ? { stdout: "", exitCode: 0 } : success(result);
  } catch (error) {
    const failure = store ? withStoreFlags(toCniError(error), store.cliFlags) : toCniError(error);
    const body = {
      cniVersion: replyVersion(raw),
      code: failure.code,
      msg: failure.message,
      ...(failure.details ? { details: failure.details } : {}),
    };
    return { stdout: `${JSON.stringify(body)}\n`, exitCode: 1 };
  }
}

/** Contention is worth a line in the runtime's log: many of them mean nodes keep writing the same keys. */
function reportConflicts({ store, io }: VerbContext): void {
  if (store.conflictsRetried > 0)
    io.warn(
      `committed after ${store.conflictsRetried} conflict(s) with other writers to ${store.location}, each retried`,
    );
}

const success = (body: unknown): PluginOutcome => ({ stdout: `${JSON.stringify(body)}\n`, exitCode: 0 });
