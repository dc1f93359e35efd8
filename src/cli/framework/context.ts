// What every CLI command declares (usage, flags, examples) and receives when it runs (args, store, output).
import { Failure } from "../../failure.js";
import type { Store } from "../../store/store.js";

export interface FlagSpec {
  readonly type: "string" | "boolean";
  /** One-letter alias, e.g. "f" for --filename. */
  readonly short?: string;
  /** Placeholder shown in help for a string flag, e.g. "FILE". */
  readonly value?: string;
  readonly help: string;
}

export interface CommandContext {
  /** Arguments after the command name that are not flags. */
  readonly positionals: readonly string[];
  /** Flags given, by long name: string flags hold their value, boolean flags true. */
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
  /** The disk store's directory; meaningless when `datastore` is "etcd". */
  readonly dataDir: string;
  readonly datastore: "disk" | "etcd";
  /** The store as output names it: "data dir DIR" or "etcd URL[,URL...] prefix PREFIX". */
  readonly storeName: string;
  /** Where a store key lives, as a user finds it: its file in the data dir, or its full etcd key. */
  readonly whereIs: (key: string) => string;
  /** The node the command acts for: --nodename, else env NODENAME, else the host name. */
  readonly nodename: string;
  /** Where `nodename` came from, for messages: "--nodename", "env NODENAME" or "the host name". */
  readonly nodenameSource: string;
  /** The plugin's store (dataDir or etcd): changes go through store.update, reads through store.read. */
  readonly store: Store;
  readonly now: () => Date;
  /** The file `ippool install` copies: the standalone executable, or the Node bundle (see src/main.ts). */
  readonly executable?: string;
  /** The text of a file, or of stdin when path is "-". */
  readInput(path: string): Promise<string>;
  /** Writes to stdout as is (add the newline yourself). */
  out(text: string): void;
  /** One line on stderr as "ippool: warning: <line>". */
  warn(line: string): void;
  /** One line on stderr as "ippool: <line>", for a failure that does not end the command (it returns 1 later). */
  error(line: string): void;
}

export interface CommandSpec {
  /** One line for the command list of `ippool --help`. */
  readonly summary: string;
  /** Usage lines without the leading "ippool ", e.g. "get TYPE [CIDR...] [-o ps|wide|yaml|json]". */
  readonly usage: readonly string[];
  /** Paragraphs printed under the usage in `ippool <command> --help`. */
  readonly description?: readonly string[];
  /**
   * The positional arguments it takes, in order, by their usage names; a last name ending in "..."
   * takes any number. The framework refuses more than these, so no command checks that itself.
   */
  readonly args: readonly string[];
  /** It looks at what is stored: a store with nothing in it (a mistyped --data-dir) is an error, not an empty list. */
  readonly requiresStore?: boolean;
  /** Flags besides the global --data-dir and --help. */
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** Full command lines, e.g. "ippool get pools -o wide". */
  readonly examples: readonly string[];
  /** Returns the exit code; throws a Failure (a UsageError for the command line) for one-line errors. */
  readonly run: (ctx: CommandContext) => Promise<number>;
}

/** A mistake in the command line itself: reported with a pointer to --help and exit code 2. */
export class UsageError extends Failure {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** A string flag's value, or undefined when not given. */
export const stringFlag = (ctx: CommandContext, name: string): string | undefined => {
  const value = ctx.flags[name];
  return typeof value === "string" ? value : undefined;
};

export const booleanFlag = (ctx: CommandContext, name: string): boolean => ctx.flags[name] === true;
