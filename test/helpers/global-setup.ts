// Builds build/ippool and build/ippool-linux-<arch> before any test runs unless they are newer than
// every file they come from, so the suites always exec the current source; starts the run's etcd
// and agent if asked.
import { execFileSync } from "node:child_process";
import { accessSync, constants, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { startTestDatastore } from "./datastore.js";
import { startRunAgent } from "./agent.js";
import { IPPOOL, REPO_ROOT } from "./ippool.js";

/** What the artifacts are built from: the source, the build scripts and the locked dependencies. */
const INPUTS = ["src", "build/bundle.mjs", "build/standalone.mjs", "build/no-exit-hook.cjs", "package-lock.json"];
const ARTIFACTS = ["build/ippool", `build/ippool-linux-${process.arch}`];

function newestInput(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestInput(join(path, name))));
}

/** npm test runs several passes; the first builds, the others find the artifacts current. */
function artifactsCurrent(): boolean {
  try {
    const oldest = Math.min(...ARTIFACTS.map((artifact) => statSync(join(REPO_ROOT, artifact)).mtimeMs));
    return Math.max(...INPUTS.map((input) => newestInput(join(REPO_ROOT, input)))) < oldest;
  } catch {
    return false;
  }
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (!artifactsCurrent()) execFileSync(process.execPath, ["build/bundle.mjs"], { cwd: REPO_ROOT, stdio: "inherit" });
  // A mistyped IPPOOL_BIN must stop the run here, not surface as ENOENT in every test.
  accessSync(IPPOOL, constants.X_OK);
  console.log(
    `[ippool] the suites exec ${relative(REPO_ROOT, IPPOOL)}${process.env.IPPOOL_BIN ? " (IPPOOL_BIN)" : ""}`,
  );
  const stopDatastore = await startTestDatastore();
  const stopAgent = await startRunAgent();
  if (!stopDatastore && !stopAgent) return undefined;
  return async () => {
    try {
      await stopAgent?.();
    } finally {
      await stopDatastore?.();
    }
  };
}
