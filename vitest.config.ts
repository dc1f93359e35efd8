// Test runner config: process-level tests exec build/ippool, so they run with generous timeouts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Suites that exec hundreds of processes or touch network namespaces compete for 2 cores.
    fileParallelism: false,
  },
});
