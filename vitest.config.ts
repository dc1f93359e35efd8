// The exec'ing suites: they run build/ippool (or IPPOOL_BIN) as processes, so with generous timeouts.
// The suites that need no build run under vitest.in-process.config.ts.
import { basename } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Shown beside every test file, so the output says which artifact the exec'ing suites ran.
    name: basename(process.env.IPPOOL_BIN || "build/ippool"),
    include: ["test/**/*.test.ts"],
    exclude: ["test/unit/**", "test/store/**", "test/in-process/**", "test/hostile/plugin-in-process.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Suites that exec hundreds of processes or touch network namespaces compete for 2 cores.
    fileParallelism: false,
  },
});
