// Compiles a CommonJS bundle into a standalone executable with bun (a devDependency): no Node on the host.
import { execFileSync } from "node:child_process";
import { existsSync, openSync, readSync, closeSync } from "node:fs";
import { chmod, rename } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** bun names its Linux packages by CPU as Linux does (aarch64); the artifact is named as Node does (arm64). */
const BUN_CPU = { x64: "x64", arm64: "aarch64" };

/** The artifact's name for this machine: the compile step only builds for the CPU it runs on. */
export const standaloneName = () => `ippool-linux-${process.arch}`;

const isElf = (path) => {
  const fd = openSync(path, "r");
  try {
    const magic = Buffer.alloc(4);
    return readSync(fd, magic, 0, 4, 0) === 4 && magic.toString("latin1") === "\x7fELF";
  } finally {
    closeSync(fd);
  }
};

/**
 * The bun binary installed by `npm ci`. bun's postinstall moves the platform package's binary
 * over the placeholder node_modules/bun/bin/bun.exe; when install scripts did not run (npm's
 * allowScripts, --ignore-scripts) the binary is still in the platform package, so look there
 * first and then at the placeholder, taking whichever is a real executable.
 */
export function bunExecutable() {
  const cpu = BUN_CPU[process.arch];
  if (process.platform !== "linux" || !cpu)
    throw new Error(
      `no standalone build for ${process.platform}-${process.arch}: bun's Linux packages cover x64 and arm64`,
    );
  const candidates = [`${root}node_modules/@oven/bun-linux-${cpu}/bin/bun`, `${root}node_modules/bun/bin/bun.exe`];
  const found = candidates.find((path) => existsSync(path) && isElf(path));
  if (!found) throw new Error(`bun is not installed (looked for ${candidates.join(", ")}); run 'npm ci'`);
  return found;
}

const COMPILE_FLAGS = [
  "--compile",
  // The code ships pre-compiled, so start-up skips parsing the bundle.
  "--bytecode",
  // A plugin runs in whatever directory the runtime has: it must never read a .env (which could
  // set CNI_COMMAND or anything else) or a bunfig.toml from there.
  "--no-compile-autoload-dotenv",
  "--no-compile-autoload-bunfig",
  // Each process runs one verb and exits: tiering code up to the JIT costs more than it saves.
  // Scaling the threshold by 100 cut an ADD's CPU time and peak RSS (docs/performance.md); a long
  // CLI run still tiers up, only later.
  "--compile-jit-policy=100",
];

/**
 * Compiles `entry` (a .cjs file: bun picks the loader by extension, and an extension-less input is
 * embedded as a plain file that runs nothing) to `outfile`, written beside it and renamed over it
 * so a process exec'ing the old one never meets a half-written file or ETXTBSY. With `split`, a
 * module the entry loads by import() becomes a chunk of its own, pre-compiled like the entry and
 * loaded only when that import() runs (bun splits only ES modules, so the output is one).
 */
export async function compileStandalone(entry, outfile, { split = false } = {}) {
  if (!entry.endsWith(".cjs")) throw new Error(`compileStandalone needs a .cjs entry, got ${entry}`);
  const tempfile = `${outfile}.tmp-${process.pid}`;
  const splitting = split ? ["--splitting", "--format", "esm"] : [];
  execFileSync(bunExecutable(), ["build", ...COMPILE_FLAGS, ...splitting, "--outfile", tempfile, entry], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  await chmod(tempfile, 0o755);
  await rename(tempfile, outfile);
}
