// Test runner config: process-level tests exec build/ippool (or IPPOOL_BIN), so they run with generous timeouts.
import { basename } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Shown beside every test file, so the output says which artifact the exec'ing suites ran.
    name: basename(process.env.IPPOOL_BIN || "build/ippool"),
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Suites that exec hundreds of processes or touch network namespaces compete for 2 cores.
    fileParallelism: false,
  },
});
