// Everything the executable runs itself: the plugin when no agent answered, and the CLI. In the
// standalone executable this is a module of its own, loaded only then (build/bundle.mjs).
import { writeSync } from "node:fs";
import { runPlugin } from "./plugin/run-plugin.js";
import { MAX_STDIN_BYTES, readStdinBytes } from "./stdin.js";

const STDOUT = 1;

export async function runPluginInProcess(readStdin: () => Promise<string>, warn: (line: string) => void) {
  const outcome = await runPlugin({ env: process.env, readStdin, now: () => new Date(), warn });
  writeSync(STDOUT, outcome.stdout);
  return outcome.exitCode;
}

export async function runCliInProcess(): Promise<number> {
  const { runCli } = await import("./cli/framework/run-cli.js");
  return runCli({
    argv: process.argv.slice(2),
    env: process.env,
    readStdin: async () =>
      (await readStdinBytes(MAX_STDIN_BYTES, "a pool file is a few KiB; pass a larger one with -f FILE")).toString(
        "utf8",
      ),
    // The CLI's output can be large (allocations -o json): streams cope with a slow reader.
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
    executable: runningExecutable(),
    artifact: isStandalone()
      ? `standalone executable ${process.platform}-${process.arch}`
      : `Node bundle, node ${process.version}`,
  });
}

/**
 * What `ippool install` copies. bun's compiled executable runs its embedded bundle from a virtual
 * /$bunfs/ path, so the executable is process.execPath itself; under Node, execPath is node and
 * the program is the bundle file node was given (argv[1]), which is what gets installed.
 */
function runningExecutable(): string | undefined {
  return isStandalone() ? process.execPath : process.argv[1];
}

const isStandalone = (): boolean => process.argv[1]?.startsWith("/$bunfs/") === true;
