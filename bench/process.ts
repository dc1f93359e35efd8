// Runs one plugin process and times it from spawn to exit, plus the statistics the bench reports.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

export interface TimedRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Milliseconds from spawn() to the child's exit, as a runtime that execs the plugin sees it. */
  readonly ms: number;
}

export function timedRun(
  file: string,
  args: readonly string[],
  env: Record<string, string>,
  stdin: string,
): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
    child.stdin.on("error", () => undefined);
    child.stdin.end(stdin);
  });
}

/** Nearest-rank percentile: the p-th value of the sorted sample, never an interpolation. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);
export const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/** A failed call the bench did not expect stops it: figures from broken runs would mislead. */
export function expectOk(run: TimedRun, what: string): TimedRun {
  if (run.code !== 0) throw new Error(`${what} failed (exit ${run.code}): ${run.stdout.trim()} ${run.stderr.trim()}`);
  return run;
}
