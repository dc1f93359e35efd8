// The operator CLI entry: parses argv, opens the store, runs one command, turns errors into one line.
import { readFile, stat } from "node:fs/promises";
import { CniError, ErrorCode } from "../../errors.js";
import { toCniError } from "../../error-mapping.js";
import { openStore, type StoreOpener } from "../../store/open-store.js";
import { withDamageAdvice } from "../../ipam/damage-advice.js";
import { chooseStore } from "./datastore-flags.js";
import { resolveNodename } from "../../cni/nodename.js";
import { nodeNameProblem } from "../../node/name.js";
import { assertDataDirUsable, existingStore, storeName, whereIs } from "./store-presence.js";
import { parseArgv } from "./args.js";
import { COMMANDS } from "./commands.js";
import { UsageError, type CommandContext, type CommandSpec } from "./context.js";
import { commandHelp, mainHelp } from "./help.js";
import { VERSION } from "./version.js";

export interface CliIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readStdin: () => Promise<string>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
  readonly executable?: string;
  /** Which build runs: "Node bundle" or "standalone executable" (see src/main.ts). */
  readonly artifact?: string;
}

/** The same bound as the plugin's: a waiting CLI gives up with a clear message instead of hanging. */
const LOCK_WAIT_MS = 30_000;

/** 0 success, 1 the command failed, 2 the command line was wrong. `open` as runPlugin's. */
export async function runCli(io: CliIo, open: StoreOpener = openStore): Promise<number> {
  try {
    const parsed = parseArgv(io.argv, COMMANDS);
    if (parsed.flags.version === true) {
      if (parsed.command !== undefined) {
        throw new UsageError("--version goes alone: 'ippool --version'", parsed.command);
      }
      io.stdout(`ippool ${VERSION}${io.artifact ? ` (${io.artifact})` : ""}\n`);
      return 0;
    }
    if (parsed.command === undefined) {
      if (parsed.flags.help === true) {
        io.stdout(mainHelp(COMMANDS));
        return 0;
      }
      io.stderr(mainHelp(COMMANDS));
      return 2;
    }
    const spec = COMMANDS[parsed.command]!;
    if (parsed.flags.help === true) {
      io.stdout(commandHelp(parsed.command, spec));
      return 0;
    }
    rejectExtraArguments(parsed.command, spec, parsed.positionals);
    const choice = chooseStore(parsed.flags, io.env, LOCK_WAIT_MS / 1000);
    const nodename = cliNodename(parsed.flags.nodename, io.env);
    assertDataDirUsable(choice);
    const opened = withDamageAdvice(
      await open({ ...choice, lockWaitSeconds: LOCK_WAIT_MS / 1000, nodename: turnName(nodename) }),
    );
    const name = storeName(choice, opened);
    const store = spec.requiresStore ? existingStore(choice, opened, name) : opened;
    const ctx: CommandContext = {
      positionals: parsed.positionals,
      flags: parsed.flags,
      dataDir: choice.dataDir,
      datastore: choice.datastore.type,
      storeName: name,
      whereIs: whereIs(choice),
      get nodename() {
        return nodename();
      },
      nodenameSource:
        typeof parsed.flags.nodename === "string" ? "--nodename" : io.env.NODENAME ? "env NODENAME" : "the host name",
      store,
      now: io.now,
      ...(io.executable !== undefined ? { executable: io.executable } : {}),
      readInput: (path) => readInput(io, path),
      out: io.stdout,
      warn: (line) => io.stderr(`ippool: warning: ${line}\n`),
      error: (line) => io.stderr(`ippool: ${line}\n`),
    };
    return await spec.run(ctx);
  } catch (error) {
    return report(io, error);
  }
}

/** Each command declares its positional arguments; a stray one is a mistake, never silently ignored. */
function rejectExtraArguments(command: string, spec: CommandSpec, positionals: readonly string[]): void {
  if (spec.args.at(-1)?.endsWith("...")) return;
  const extra = positionals[spec.args.length];
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`, command);
}

function report(io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    const help = error.command ? `ippool ${error.command} --help` : "ippool --help";
    io.stderr(`ippool: ${error.message} (see '${help}')\n`);
    return 2;
  }
  const cause = toCniError(error);
  // An I/O error's details are its errno code, which its message already starts with.
  const details = cause.details && !cause.message.includes(cause.details) ? `; ${cause.details}` : "";
  io.stderr(`ippool: ${cause.message}${details}\n`);
  // A bug is the one case where the stack helps whoever reads the report.
  if (cause.code === ErrorCode.internal && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return 1;
}

/** The same bound as stdin's: a pool file is a few KiB, and reading a huge one whole costs memory for nothing. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

async function readInput(io: CliIo, path: string): Promise<string> {
  if (path === "-") return io.readStdin();
  try {
    const { size } = await stat(path);
    if (size > MAX_FILE_BYTES) {
      throw new CniError(
        ErrorCode.decodeFailure,
        `${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; a pool file is a few KiB`,
      );
    }
    return await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof CniError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : code === "EACCES"
            ? "permission denied"
            : String(code);
    throw new CniError(ErrorCode.ioFailure, `cannot read ${path}: ${why}`);
  }
}

/**
 * --nodename is checked at once, like the netconf's ipam.nodename. NODENAME and the host name are
 * resolved (and refused) only when a command acts for this node, so a host name that is no node
 * name does not stop 'get pools'.
 */
function cliNodename(flag: string | boolean | undefined, env: CliIo["env"]): () => string {
  if (typeof flag === "string") {
    const problem = nodeNameProblem(flag);
    if (problem !== undefined)
      throw new UsageError(`--nodename ${JSON.stringify(flag)} is not a node name: ${problem}`);
    return () => flag;
  }
  let resolved: string | undefined;
  return () => (resolved ??= resolveNodename(undefined, env));
}

/** The node's name for the etcd store's turn-taking, which only helps: none when the name is refused. */
function turnName(nodename: () => string): string | undefined {
  try {
    return nodename();
  } catch (error) {
    if (error instanceof CniError) return undefined;
    throw error;
  }
}
