// The executable: the only module that touches process.env, stdin, argv, stdout and the exit code.
import { runPlugin } from "./plugin/run-plugin.js";
import { CniError, ErrorCode } from "./cni/errors.js";

/** A network config is a few KiB; anything near this is a mistake or an attack, refused without reading it all. */
export const MAX_STDIN_BYTES = 4 * 1024 * 1024;

async function readStdin(limit: number): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      throw new CniError(ErrorCode.decodeFailure, `input on stdin is larger than ${limit / 1024 / 1024} MiB`, "pass the network config, which is a few KiB");
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function main(): Promise<number> {
  const readInput = () => readStdin(MAX_STDIN_BYTES);
  if (process.env.CNI_COMMAND !== undefined) {
    const warn = (line: string) => process.stderr.write(`ippool: warning: ${line}\n`);
    const outcome = await runPlugin({ env: process.env, readStdin: readInput, now: () => new Date(), warn });
    process.stdout.write(outcome.stdout);
    return outcome.exitCode;
  }
  const { runCli } = await import("./cli/run-cli.js");
  return runCli({
    argv: process.argv.slice(2),
    env: process.env,
    readStdin: readInput,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ippool: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
