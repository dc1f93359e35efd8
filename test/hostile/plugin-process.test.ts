// Hostile input, process level: generated cases exec'd through build/ippool for exit code, stdout and stderr.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execPlugin } from "../helpers/ippool.js";
import {
  applyObjectEdits,
  applyTextEdits,
  netconf,
  objectEdits,
  pluginEnv,
  staysInside,
  textEdits,
  type PluginEnv,
} from "./arbitraries.js";
import { cases, hostileRoot, seedStore } from "./harness.js";
import { STACK_FRAME, outcomeProblem, snapshot, snapshotDiff } from "./outcome.js";

/** Generated configs name this; each worker swaps in its own data dir so snapshots see only its own runs. */
const ROOT_PLACEHOLDER = "/ippool-hostile-root";
const WORKERS = 4;

let root: { path: string; remove: () => void };
beforeAll(() => {
  root = hostileRoot();
});
afterAll(() => root.remove());

interface Case {
  readonly env: PluginEnv;
  readonly stdin: string;
}

const dataDirs = fc.oneof(
  { arbitrary: fc.constant(ROOT_PLACEHOLDER), weight: 12 },
  { arbitrary: fc.constantFrom<unknown>("relative/dir", "", 7, `${ROOT_PLACEHOLDER}\0x`), weight: 1 },
);

/** execve cannot carry a NUL byte in the environment; those cases run in-process only. */
const execable = (env: PluginEnv): boolean =>
  Object.values(env).every((value) => value === undefined || !value.includes("\0"));

const caseArbitrary: fc.Arbitrary<Case> = fc
  .tuple(pluginEnv, netconf(dataDirs), fc.constantFrom("as-is", "object-edits", "text-edits"), objectEdits, textEdits)
  .map(([env, conf, how, edits, cuts]) => {
    const text = JSON.stringify(how === "object-edits" ? applyObjectEdits(conf, edits) : conf) ?? "";
    return { env, stdin: how === "text-edits" ? applyTextEdits(text, cuts) : text };
  })
  .filter((entry) => execable(entry.env) && staysInside(entry.stdin.replaceAll(ROOT_PLACEHOLDER, "/tmp/x"), "/tmp/x"));

/** The CNI variables exactly as generated: execPlugin's defaults are switched off by passing undefined. */
const asCall = (env: PluginEnv) => ({
  command: env.CNI_COMMAND ?? "",
  env: {
    CNI_COMMAND: undefined,
    CNI_CONTAINERID: undefined,
    CNI_NETNS: undefined,
    CNI_IFNAME: undefined,
    CNI_PATH: undefined,
    ...env,
  },
});

async function runWorker(dataDir: string, queue: Case[], failures: string[]): Promise<void> {
  await seedStore(dataDir);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const stdin = next.stdin.replaceAll(ROOT_PLACEHOLDER, dataDir);
    const before = snapshot(dataDir);
    const run = await execPlugin(asCall(next.env), stdin).catch((error: Error) => ({
      code: null,
      signal: null,
      stdout: "",
      stderr: error.message,
      json: undefined,
    }));
    const problems = [
      run.signal ? `killed by ${run.signal}` : undefined,
      // Without CNI_COMMAND the executable is the operator CLI, which answers on stderr (main.ts).
      next.env.CNI_COMMAND === undefined ? undefined : outcomeProblem(next.env.CNI_COMMAND, run.code, run.stdout),
      STACK_FRAME.test(run.stderr) || /internal error/.test(run.stderr)
        ? `stderr: ${run.stderr.slice(0, 400)}`
        : undefined,
      run.code !== 0 && snapshotDiff(before, snapshot(dataDir)).length > 0
        ? `rejected input changed ${snapshotDiff(before, snapshot(dataDir)).join(", ")}`
        : undefined,
    ].filter(Boolean);
    if (problems.length > 0)
      failures.push(
        `${problems.join("; ")}\n  env ${JSON.stringify(next.env)}\n  stdin ${JSON.stringify(stdin.slice(0, 600))}`,
      );
  }
}

describe("build/ippool with hostile input", () => {
  it("exits 0 with a result or non-zero with a CNI error on stdout, with no stack on stderr", async () => {
    const seed = Number(process.env.IPPOOL_HOSTILE_SEED ?? Date.now() % 2 ** 31);
    const queue = fc.sample(caseArbitrary, { numRuns: cases(200), seed });
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: WORKERS }, (_, worker) => runWorker(`${root.path}/worker-${worker}`, queue, failures)),
    );
    expect(failures, `seed ${seed} (rerun with IPPOOL_HOSTILE_SEED=${seed})`).toEqual([]);
  });
});
