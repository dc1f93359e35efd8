// The fast suites: unit tests, the store backends against their contract, test/in-process/ and the
// in-process bulk of the hostile-input suite.
// No build and no exec of ippool; `npm run test:in-process` runs them and `npm run coverage` measures them.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "in-process",
    include: [
      "test/unit/**/*.test.ts",
      "test/store/**/*.test.ts",
      "test/in-process/**/*.test.ts",
      "test/hostile/plugin-in-process.test.ts",
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      // The executable's own wiring to process.env, fd 0 and the exit code: every exec'ing suite
      // runs it, and no in-process test can (it acts on the process that loads it).
      exclude: ["src/main.ts", "src/in-process.ts"],
      // One line per source file, fully covered ones too, so a file no suite reaches shows as 0%.
      reporter: [["text", { skipFull: false }]],
    },
  },
});
