// argv -> command name, positionals and flags, checked against the command's declared flags.
import { UsageError, type CommandSpec, type FlagSpec } from "./context.js";

/** Flags every command accepts, wherever they appear on the line. */
export const GLOBAL_FLAGS: Readonly<Record<string, FlagSpec>> = {
  "data-dir": {
    type: "string",
    value: "DIR",
    help: "the store the plugin uses (env IPPOOL_DATA_DIR; default /var/lib/cni/ippool)",
  },
  "etcd-endpoints": {
    type: "string",
    value: "URL[,URL...]",
    help: "use the etcd datastore at these endpoints instead of the data dir (env ETCD_ENDPOINTS)",
  },
  "etcd-prefix": {
    type: "string",
    value: "PREFIX",
    help: "the etcd key prefix (env IPPOOL_ETCD_PREFIX; default /ippool)",
  },
  "etcd-ca-file": {
    type: "string",
    value: "FILE",
    help: "CA of the etcd members' certificates, for https endpoints (env ETCD_CA_CERT_FILE)",
  },
  "etcd-cert-file": { type: "string", value: "FILE", help: "client certificate for etcd (env ETCD_CERT_FILE)" },
  "etcd-key-file": { type: "string", value: "FILE", help: "key of the client certificate (env ETCD_KEY_FILE)" },
  nodename: { type: "string", value: "NAME", help: "the node to act for (env NODENAME; default the host name)" },
  help: { type: "boolean", short: "h", help: "show help for the command" },
  version: { type: "boolean", help: "print the version and which build of ippool this is, and exit" },
};

export interface ParsedArgv {
  readonly command?: string;
  readonly positionals: string[];
  readonly flags: Record<string, string | boolean>;
}

/**
 * The first bare word names the command; flags before it may only be global ones. A string
 * flag takes the next word, or `--name=value` / `-ovalue`; "--" ends the flags. A lone "-"
 * is a value (stdin), never a flag.
 */
export function parseArgv(argv: readonly string[], commands: Readonly<Record<string, CommandSpec>>): ParsedArgv {
  let command: string | undefined;
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  const specs = (): Readonly<Record<string, FlagSpec>> => ({
    ...GLOBAL_FLAGS,
    ...(command ? commands[command]?.flags : {}),
  });

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (token.length > 1 && token.startsWith("-")) {
      const { name, inline } = splitFlag(token, specs(), command);
      const spec = specs()[name]!;
      if (spec.type === "boolean") {
        if (inline !== undefined) throw new UsageError(`flag --${name} takes no value`, command);
        flags[name] = true;
        continue;
      }
      // "-f --data-dir X" is a forgotten value, not a file named "--data-dir".
      const next = argv[i + 1];
      const value = inline ?? (next !== undefined && !/^--./.test(next) ? argv[++i] : undefined);
      if (value === undefined) throw new UsageError(`flag --${name} needs a value (${spec.value ?? "VALUE"})`, command);
      // The second of two values would silently win: --pool A --pool B meaning only B.
      if (flags[name] !== undefined)
        throw new UsageError(`flag --${name} given twice; it takes one value (${spec.value ?? "VALUE"})`, command);
      flags[name] = value;
      continue;
    }
    if (command === undefined && token === "help" && flags.help !== true) {
      // `ippool help get` is `ippool get --help`.
      flags.help = true;
    } else if (command === undefined) {
      if (!Object.hasOwn(commands, token)) {
        throw new UsageError(`unknown command '${token}'; commands: ${Object.keys(commands).join(", ")}`);
      }
      command = token;
    } else {
      positionals.push(token);
    }
  }
  return { ...(command !== undefined ? { command } : {}), positionals, flags };
}

function splitFlag(
  token: string,
  specs: Readonly<Record<string, FlagSpec>>,
  command: string | undefined,
): { name: string; inline?: string } {
  const where = command ? ` for 'ippool ${command}'` : "";
  if (token.startsWith("--")) {
    const eq = token.indexOf("=");
    const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
    if (!Object.hasOwn(specs, name)) throw new UsageError(`unknown flag --${name}${where}`, command);
    return eq < 0 ? { name } : { name, inline: token.slice(eq + 1) };
  }
  const letter = token[1]!;
  const entry = Object.entries(specs).find(([, spec]) => spec.short === letter);
  if (!entry) throw new UsageError(`unknown flag -${letter}${where}`, command);
  const rest = token.slice(2).replace(/^=/, "");
  return rest === "" ? { name: entry[0] } : { name: entry[0], inline: rest };
}
