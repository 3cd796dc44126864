import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each test file opens an embedded PGlite database; its first start takes seconds on a busy machine.
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
