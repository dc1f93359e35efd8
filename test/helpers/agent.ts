// A node agent run by the tests: `ippool agent` on a socket in a temp dir, stopped with SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IPPOOL, runProcess } from "./ippool.js";

/** Set by the global setup when IPPOOL_TEST_AGENT=1: every plugin exec of the run goes through this agent. */
export const RUN_AGENT_VARIABLE = "IPPOOL_TEST_AGENT_SOCKET";

export interface TestAgent {
  readonly socket: string;
  readonly process: ChildProcess;
  /** What the agent wrote on stderr so far. */
  log(): string;
  /** SIGTERM, then its exit code (null when a signal ended it). */
  stop(): Promise<number | null>;
  /** SIGKILL, leaving its socket file behind as a crash does. */
  kill(): Promise<void>;
}

/** Starts `ippool agent` (extra `args` after it) and waits until its socket is there. */
export async function startAgent(
  options: { socket?: string; args?: readonly string[]; executable?: string } = {},
): Promise<TestAgent> {
  const dir = options.socket ? undefined : mkdtempSync(join(tmpdir(), "ippool-agent-"));
  const socket = options.socket ?? join(dir!, "run", "agent.sock");
  const child = spawn(options.executable ?? IPPOOL, ["agent", "--socket", socket, ...(options.args ?? [])], {
    env: { PATH: process.env.PATH ?? "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  while (!stderr.includes("serving CNI calls")) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`ippool agent did not start on ${socket}: ${stderr || "(no output)"}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const cleanup = () => dir && rmSync(dir, { recursive: true, force: true });
  return {
    socket,
    process: child,
    log: () => stderr,
    stop: async () => {
      child.kill("SIGTERM");
      const code = await exited;
      cleanup();
      return code;
    },
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** For the global setup: with IPPOOL_TEST_AGENT=1 the run's plugin calls all go through one agent. */
export async function startRunAgent(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.IPPOOL_TEST_AGENT !== "1") return undefined;
  const agent = await startAgent();
  process.env[RUN_AGENT_VARIABLE] = agent.socket;
  return async () => {
    const answered = /ADD ok: (\d+)/.exec(await agentStatus(agent.socket));
    const code = await agent.stop();
    if (!answered || Number(answered[1]) === 0)
      throw new Error(`the run's agent answered no successful ADD: the plugin calls did not go through it`);
    if (code !== 0 || existsSync(agent.socket))
      throw new Error(`the run's agent did not stop cleanly on SIGTERM (exit ${code}): ${agent.log()}`);
  };
}

async function agentStatus(socket: string): Promise<string> {
  return (await runProcess(IPPOOL, ["agent", "status", "--socket", socket])).stdout;
}
