// The executable: the only module that touches process.env, stdin, argv, stdout and the exit code.
// A plugin call goes to the node agent first, and this module loads nothing but what that needs;
// only when no agent answers (or for the CLI) does in-process.ts, the rest of ippool, load.
import { writeSync } from "node:fs";
import { forwardToAgent } from "./agent/forward.js";
import { DEFAULT_FORWARD_SECONDS, agentSocketOf } from "./agent/protocol.js";
import { MAX_STDIN_BYTES, readStdinBytes } from "./stdin.js";

const STDOUT = 1;
const STDERR = 2;

async function main(): Promise<number> {
  // Runtimes pass no arguments: a set but empty CNI_COMMAND (left in a shell) with arguments is a person at the CLI.
  const command = process.env.CNI_COMMAND;
  const forPlugin = command !== undefined && !(command === "" && process.argv.length > 2);
  if (!forPlugin) return (await import("./in-process.js")).runCliInProcess();
  // The plugin's output is one small JSON document: a blocking write, no stream to build.
  const warn = (line: string) => writeSync(STDERR, `ippool: warning: ${line}\n`);
  let stdin: Buffer | undefined;
  let stdinFailure: unknown;
  try {
    stdin = await readStdinBytes(MAX_STDIN_BYTES, "a network config is a few KiB");
  } catch (error) {
    stdinFailure = error;
  }
  if (stdin !== undefined) {
    const socket = agentSocketOf(stdin.toString("utf8"), process.env);
    const answer = await forwardToAgent(socket, process.env, stdin, forwardTimeoutMs());
    if (answer !== undefined) {
      for (const line of answer.warnings) warn(line);
      writeSync(STDOUT, answer.stdout);
      return answer.exitCode;
    }
  }
  const readStdin = async () => {
    if (stdin === undefined) throw stdinFailure;
    return stdin.toString("utf8");
  };
  return (await import("./in-process.js")).runPluginInProcess(readStdin, warn);
}

/** IPPOOL_AGENT_TIMEOUT (seconds) bounds the wait for the agent's answer; a bad value keeps the default. */
function forwardTimeoutMs(): number {
  const seconds = Number(process.env.IPPOOL_AGENT_TIMEOUT);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_FORWARD_SECONDS) * 1000;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A blocking write: process.stderr would build a stream, which every plugin call would pay to link.
    writeSync(STDERR, `ippool: internal error: ${(error as Error | undefined)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
