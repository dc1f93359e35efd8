// The executable: the only module that touches process.env, stdin, argv, stdout and the exit code.
import { fstatSync, readSync, writeSync } from "node:fs";
import { runPlugin } from "./plugin/run-plugin.js";
import { CniError, ErrorCode } from "./errors.js";

/** A network config is a few KiB; anything near this is a mistake or an attack, refused without reading it all. */
export const MAX_STDIN_BYTES = 4 * 1024 * 1024;

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/**
 * Reads fd 0 with blocking reads: the plugin is a one-shot process, and process.stdin would first
 * build a stream and a socket for the pipe, a measurable share of every call. A stdin that a
 * parent left non-blocking (EAGAIN) is finished through the stream instead.
 */
async function readStdin(limit: number, hint: string): Promise<string> {
  // A terminal (or /dev/null) is a character device: nothing to read, and a terminal would block.
  // fstat instead of node:tty's isatty, whose module adds to start-up under bun.
  if (isCharacterDevice(STDIN)) return "";
  const chunks: Buffer[] = [];
  let size = 0;
  const keep = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit)
      throw new CniError(ErrorCode.decodeFailure, `input on stdin is larger than ${limit / 1024 / 1024} MiB`, hint);
    chunks.push(chunk);
  };
  const buffer = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let count: number;
    try {
      count = readSync(STDIN, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No stdin at all (closed by the caller) reads as empty.
      if (code === "EOF" || code === "EBADF") break;
      if (code !== "EAGAIN") throw error;
      for await (const chunk of process.stdin as AsyncIterable<Buffer>) keep(chunk);
      break;
    }
    if (count === 0) break;
    keep(Buffer.from(buffer.subarray(0, count)));
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function main(): Promise<number> {
  // Runtimes pass no arguments: a set but empty CNI_COMMAND (left in a shell) with arguments is a person at the CLI.
  const command = process.env.CNI_COMMAND;
  const forPlugin = command !== undefined && !(command === "" && process.argv.length > 2);
  if (forPlugin) {
    // The plugin's output is one small JSON document: a blocking write, no stream to build.
    const warn = (line: string) => writeSync(STDERR, `ippool: warning: ${line}\n`);
    const readStdinConf = () => readStdin(MAX_STDIN_BYTES, "a network config is a few KiB");
    const outcome = await runPlugin({ env: process.env, readStdin: readStdinConf, now: () => new Date(), warn });
    writeSync(STDOUT, outcome.stdout);
    return outcome.exitCode;
  }
  const { runCli } = await import("./cli/framework/run-cli.js");
  return runCli({
    argv: process.argv.slice(2),
    env: process.env,
    readStdin: () => readStdin(MAX_STDIN_BYTES, "a pool file is a few KiB; pass a larger one with -f FILE"),
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

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `ippool: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
