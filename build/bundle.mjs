// Bundles src/main.ts into build/ippool (one CommonJS file with a node shebang), and src/main.ts and
// src/in-process.ts into build/ippool-linux-<arch>, the standalone executable.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rename, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { compileStandalone, standaloneName } from "./standalone.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}build/ippool`;
// Written beside the target and renamed over it: a test suite that rebuilds must never let a
// running suite exec a half-written file (SyntaxError) or one open for writing (ETXTBSY).
// The .cjs ending tells bun's compiler it is JavaScript.
const tempfile = `${outfile}.tmp-${process.pid}.cjs`;

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  // CommonJS, not ESM: one file, no module graph to resolve at start-up.
  format: "cjs",
  minify: true,
  legalComments: "none",
  // `ippool --version` reports the package.json it was built from.
  define: { IPPOOL_VERSION: JSON.stringify(JSON.parse(readFileSync(`${root}package.json`, "utf8")).version) },
  logLevel: "warning",
  // proper-lockfile loads graceful-fs, which patches fs and loads stream polyfills at start-up
  // (a measurable share of every ADD) to queue and retry opens on EMFILE. The lock makes four
  // syscalls on one directory from a process holding a handful of descriptors: plain fs will do.
  alias: { "graceful-fs": "node:fs", "signal-exit": `${root}build/no-exit-hook.cjs` },
  // import() of a module loaded only when needed (node:https) becomes require(): the CLI runs
  // through vm.compileFunction, where a real import() has no loader to call.
  supported: { "dynamic-import": false },
};

// The plugin is a fresh process per container, and V8 parses all the code it is given, run or
// not. The CLI (with the YAML parser) is most of the code, so it travels as a string and is
// compiled only when the CLI runs: a string literal costs next to nothing to scan.
const cli = await build({ ...common, entryPoints: [`${root}src/cli/framework/run-cli.ts`], write: false });
const embedCli = {
  name: "embed-cli",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/cli\/framework\/run-cli\.js$/ }, () => ({
      path: "embedded-cli",
      namespace: "embedded-cli",
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: "embedded-cli" }, () => ({
      loader: "js",
      contents: `
        const { compileFunction } = require("node:vm");
        const run = compileFunction(${JSON.stringify(cli.outputFiles[0].text)}, ["exports", "require", "module"], { filename: "ippool-cli.js" });
        run(module.exports, require, module);`,
    }));
  },
};

// The Node bundle: one file (what `ippool install` copies), in-process.ts inside it and run only
// when reached.
await build({
  ...common,
  entryPoints: [`${root}src/main.ts`],
  outfile: tempfile,
  plugins: [embedCli],
  banner: { js: "#!/usr/bin/env node" },
});

// The standalone executable: two chunks, so that a call the agent answers loads only main.ts's own
// small one; in-process.ts (the allocator, zod, the stores, the CLI) is a second chunk, loaded by
// import() only when the call runs here, and pre-compiled like the first.
const IN_PROCESS = "ippool-in-process.cjs";
const standaloneDir = await mkdtemp(`${root}build/.standalone-`);
const separateInProcess = {
  name: "separate-in-process",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/in-process\.js$/ }, () => ({ path: `./${IN_PROCESS}`, external: true }));
  },
};
try {
  await build({
    ...common,
    entryPoints: [`${root}src/main.ts`],
    outfile: `${standaloneDir}/ippool.cjs`,
    plugins: [separateInProcess],
    // import() stays import(): bun splits the in-process module off at it and loads it (and
    // node:net) only when reached. This module never runs through vm.compileFunction.
    supported: { "dynamic-import": true },
  });
  await build({
    ...common,
    entryPoints: [`${root}src/in-process.ts`],
    outfile: `${standaloneDir}/${IN_PROCESS}`,
    plugins: [embedCli],
  });
  await compileStandalone(`${standaloneDir}/ippool.cjs`, `${root}build/${standaloneName()}`, { split: true });
  await chmod(tempfile, 0o755);
  await rename(tempfile, outfile);
} finally {
  await rm(tempfile, { force: true });
  await rm(standaloneDir, { recursive: true, force: true });
}
