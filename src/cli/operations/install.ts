// install: copies this executable into a CNI bin dir and optionally a network config into the conf dir, for node images and init containers.
import { basename } from "node:path";
import { parseCidr } from "../../alloc/address.js";
import { CniError, ErrorCode } from "../../errors.js";
import { parseNetConf } from "../../cni/netconf.js";
import { assertNoOverlap } from "../../pool/pool-set.js";
import { parsePoolDocument } from "../../pool/resource.js";
import { UsageError, stringFlag, type CommandContext, type CommandSpec } from "../framework/context.js";
import { installFile, readSmallFile, type InstallOutcome } from "./install-file.js";

export const DEFAULT_BIN_DIR = "/opt/cni/bin";
export const DEFAULT_CONF_DIR = "/etc/cni/net.d";
const PLUGINS = ["bridge", "ptp"] as const;
/** What Debian's (and most distributions') main plugins speak; ippool speaks up to 1.1.0. */
const GENERATED_CNI_VERSION = "1.0.0";
const MAX_CONFLIST_BYTES = 1024 * 1024;

export const installCommand: CommandSpec = {
  summary: "copy this executable into a CNI bin dir (and a network config into the conf dir)",
  args: [],
  usage: [
    "install [--bin-dir DIR]",
    "install [--bin-dir DIR] --conflist FILE [--conf-dir DIR]",
    "install [--bin-dir DIR] --network NAME --pool CIDR[,CIDR] [--plugin bridge|ptp] [--conf-dir DIR] [--data-dir DIR]",
  ],
  description: [
    "Copies the running executable to BIN-DIR/ippool: the standalone executable itself, or, run as",
    "'node build/ippool install', the Node bundle (which then needs Node.js 20 on the node). The file is",
    "written to a temp file in BIN-DIR, fsynced and renamed over the old one, so a runtime exec'ing",
    "ippool meanwhile runs the old or the new file, never a half-written one.",
    "With --conflist, FILE is checked (JSON, a conflist with an ippool ipam section that ippool accepts)",
    "and written to CONF-DIR under its own name; with --network and --pool, a conflist for bridge (the",
    "default, isGateway) or ptp with those inline pools is written to CONF-DIR/10-NAME.conflist.",
    "--data-dir, if given, becomes the config's ipam.dataDir. A file already equal to what would be",
    "written is left alone: running install twice changes nothing the second time, and says so.",
  ],
  flags: {
    "bin-dir": { type: "string", value: "DIR", help: `where runtimes look for plugins (default ${DEFAULT_BIN_DIR})` },
    "conf-dir": {
      type: "string",
      value: "DIR",
      help: `where runtimes read network configs (default ${DEFAULT_CONF_DIR})`,
    },
    conflist: { type: "string", value: "FILE", help: "a conflist to check and copy into the conf dir" },
    network: { type: "string", value: "NAME", help: "generate a conflist for network NAME" },
    pool: {
      type: "string",
      value: "CIDR[,CIDR]",
      help: "the generated network's pools, comma-separated (one per family at most is usual)",
    },
    plugin: { type: "string", value: "bridge|ptp", help: "the generated network's main plugin (default bridge)" },
  },
  examples: [
    "ippool install",
    "ippool install --bin-dir /host/opt/cni/bin --conf-dir /host/etc/cni/net.d --conflist /config/10-pods.conflist",
    "ippool install --network pods --pool 10.22.0.0/16,fd00:22::/64 --plugin bridge",
  ],
  run: async (ctx) => {
    const conflist = conflistToWrite(ctx);
    if (!ctx.executable)
      throw new CniError(
        ErrorCode.internal,
        "the path of the running executable is unknown",
        "please report this as a bug",
      );
    const binDir = stringFlag(ctx, "bin-dir") ?? DEFAULT_BIN_DIR;
    report(ctx, `${binDir}/ippool`, installFile(binDir, "ippool", { path: ctx.executable }, 0o755));
    if (conflist) {
      const confDir = stringFlag(ctx, "conf-dir") ?? DEFAULT_CONF_DIR;
      report(ctx, `${confDir}/${conflist.name}`, installFile(confDir, conflist.name, conflist.bytes, 0o644));
    }
    return 0;
  },
};

function report(ctx: CommandContext, path: string, outcome: InstallOutcome): void {
  ctx.out(outcome === "unchanged" ? `${path} unchanged (already up to date)\n` : `${path} ${outcome}\n`);
}

/** The conflist to write, checked before anything is written: a bad flag or file changes nothing. */
function conflistToWrite(ctx: CommandContext): { name: string; bytes: Buffer } | undefined {
  const file = stringFlag(ctx, "conflist");
  const network = stringFlag(ctx, "network");
  const generating = network !== undefined || ["pool", "plugin"].some((flag) => ctx.flags[flag] !== undefined);
  if (file !== undefined && generating)
    throw new UsageError(
      "--conflist copies a file; --network, --pool and --plugin generate one: give one or the other",
      "install",
    );
  if (ctx.flags["conf-dir"] !== undefined && file === undefined && !generating)
    throw new UsageError("--conf-dir needs --conflist FILE or --network NAME --pool CIDR", "install");
  if (file !== undefined) {
    const bytes = readSmallFile(file, MAX_CONFLIST_BYTES);
    checkConflist(bytes.toString("utf8"), file);
    return { name: basename(file), bytes };
  }
  if (!generating) return undefined;
  if (network === undefined) throw new UsageError("--pool and --plugin need --network NAME", "install");
  const pools = stringFlag(ctx, "pool");
  if (pools === undefined)
    throw new UsageError("--network needs --pool CIDR (comma-separated for more than one)", "install");
  const conf = generateConflist(
    network,
    pools.split(",").map((cidr) => cidr.trim()),
    pluginFlag(ctx),
    ctx.flags["data-dir"],
  );
  const text = `${JSON.stringify(conf, null, 2)}\n`;
  checkConflist(text, "the generated conflist");
  return { name: `10-${network}.conflist`, bytes: Buffer.from(text) };
}

function pluginFlag(ctx: CommandContext): (typeof PLUGINS)[number] {
  const plugin = stringFlag(ctx, "plugin") ?? "bridge";
  if (!(PLUGINS as readonly string[]).includes(plugin))
    throw new UsageError(`--plugin must be one of ${PLUGINS.join(", ")}, not '${plugin}'`, "install");
  return plugin as (typeof PLUGINS)[number];
}

/** A network as the examples in netconf-examples/ set one up: routes to everything through the main plugin. */
function generateConflist(
  network: string,
  cidrs: readonly string[],
  plugin: (typeof PLUGINS)[number],
  dataDir: unknown,
) {
  const families = cidrs.map((cidr) => {
    const parsed = parseCidr(cidr);
    if (!parsed) throw new UsageError(`--pool: '${cidr}' is not a CIDR (e.g. 10.22.0.0/16 or fd00:22::/64)`, "install");
    return parsed.cidr.family;
  });
  const ipam = {
    type: "ippool",
    ...(typeof dataDir === "string" ? { dataDir } : {}),
    ipPools: cidrs.map((cidr) => ({ apiVersion: "v1", kind: "ipPool", metadata: { cidr } })),
    routes: [...new Set(families)].map((family) => ({ dst: family === 4 ? "0.0.0.0/0" : "::/0" })),
  };
  // A bridge name is an interface name: at most 15 bytes.
  const main =
    plugin === "bridge"
      ? { type: "bridge", bridge: `cni-${network}`.slice(0, 15), isGateway: true, ipMasq: true, hairpinMode: true }
      : { type: "ptp", ipMasq: true };
  return { cniVersion: GENERATED_CNI_VERSION, name: network, plugins: [{ ...main, ipam }] };
}

/** What a runtime would hand ippool from this conflist must pass ippool's own checks, pools included. */
function checkConflist(text: string, where: string): void {
  let conf: unknown;
  try {
    conf = JSON.parse(text);
  } catch (error) {
    throw new CniError(ErrorCode.decodeFailure, `${where} is not JSON: ${(error as Error).message}`);
  }
  const list = conf as { cniVersion?: unknown; name?: unknown; plugins?: unknown };
  if (typeof list !== "object" || list === null || !Array.isArray(list.plugins)) {
    throw new CniError(ErrorCode.invalidConfig, `${where} is not a conflist (an object with a "plugins" array)`);
  }
  const index = list.plugins.findIndex(
    (plugin) => (plugin as { ipam?: { type?: unknown } } | null)?.ipam?.type === "ippool",
  );
  if (index < 0)
    throw new CniError(ErrorCode.invalidConfig, `${where} has no plugin with "ipam": {"type": "ippool", ...}`);
  try {
    // libcni gives each plugin the list's name and cniVersion; so does this check.
    const netconf = parseNetConf({
      ...(list.plugins[index] as Record<string, unknown>),
      name: list.name,
      cniVersion: list.cniVersion,
    });
    const pools = netconf.ipam.ipPools.map((doc, at) => parsePoolDocument(doc, `ipam.ipPools[${at}]`).pool);
    assertNoOverlap(pools, "ipam.ipPools");
  } catch (error) {
    if (!(error instanceof CniError)) throw error;
    throw new CniError(error.code, `${where}, plugins[${index}]: ${error.message}`, error.details);
  }
}
