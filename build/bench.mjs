// `npm run bench` runner: bundles bench/run.ts (Node 20 cannot run TypeScript), compiles the floor program bench/floor.ts as ippool is compiled, and runs the bench.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileStandalone } from "./standalone.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "ippool-bench-script-"));
const outfile = join(dir, "run.cjs");
const node = { bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" };
try {
  await build({ ...node, entryPoints: [join(root, "bench/run.ts")], outfile });
  // The floor goes through the same steps as build/ippool-linux-<arch>: esbuild, then bun --compile.
  await build({ ...node, entryPoints: [join(root, "bench/floor.ts")], outfile: join(dir, "floor.cjs"), minify: true });
  await compileStandalone(join(dir, "floor.cjs"), join(dir, "floor"));
  const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, IPPOOL_REPO: root, IPPOOL_BENCH_FLOOR: join(dir, "floor") },
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
