// Builds build/ippool and build/ippool-linux-<arch> once before any test runs, so the suites always exec the current source; starts the run's etcd and agent if asked.
import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { relative } from "node:path";
import { startTestDatastore } from "./datastore.js";
import { startRunAgent } from "./agent.js";
import { IPPOOL, REPO_ROOT } from "./ippool.js";

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  execFileSync(process.execPath, ["build/bundle.mjs"], { cwd: REPO_ROOT, stdio: "inherit" });
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
