// Bundles src/main.ts into build/ippool: one CommonJS file with a node shebang, executable.
import { build } from "esbuild";
import { chmod, rename } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}build/ippool`;
// Written beside the target and renamed over it: a test suite that rebuilds must never let a
// running suite exec a half-written file (SyntaxError) or one open for writing (ETXTBSY).
const tempfile = `${outfile}.tmp-${process.pid}`;

await build({
  entryPoints: [`${root}src/main.ts`],
  outfile: tempfile,
  bundle: true,
  platform: "node",
  target: "node20",
  // CommonJS, not ESM: one file that starts fast, and the CLI's dynamic import becomes a lazy
  // in-bundle initialiser, so a plugin verb never runs the CLI's (and YAML's) module code.
  format: "cjs",
  minify: true,
  legalComments: "none",
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
});
await chmod(tempfile, 0o755);
await rename(tempfile, outfile);
