// Builds build/ippool once before any test runs, so the suites always exec the current source; starts the run's etcd if asked.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startTestDatastore } from "./datastore.js";

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  execFileSync(process.execPath, ["build/bundle.mjs"], { cwd: root, stdio: "inherit" });
  return startTestDatastore();
}
