// Builds build/ippool and build/ippool-linux-<arch> once before any test runs, so the suites always exec the current source.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  execFileSync(process.execPath, ["build/bundle.mjs"], { cwd: root, stdio: "inherit" });
}
