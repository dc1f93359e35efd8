// Bundles src/main.ts into build/ippool: one CommonJS file with a node shebang, executable.
import { build } from "esbuild";
import { chmod } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}build/ippool`;

await build({
  entryPoints: [`${root}src/main.ts`],
  outfile,
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
await chmod(outfile, 0o755);
