// The fast suites: unit tests, the store backends against their contract, and test/in-process/.
// No build and no exec of ippool; `npm run test:in-process` runs them and `npm run coverage` measures them.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "in-process",
    include: ["test/unit/**/*.test.ts", "test/store/**/*.test.ts", "test/in-process/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      // One line per source file, fully covered ones too, so a file no suite reaches shows as 0%.
      reporter: [["text", { skipFull: false }]],
    },
  },
});
