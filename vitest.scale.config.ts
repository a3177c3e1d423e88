import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:scale`: two standalone servers on one database (tests/scale).
// Its own config, so the default `vitest run` (unit + integration) never
// builds the app; scripts/test.ts runs it as its own step.
export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      "server-only": path.join(import.meta.dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    name: "scale",
    include: ["tests/scale/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    // The first run builds the app: about a minute on 2 idle cores, much longer on a busy machine.
    hookTimeout: 600_000,
  },
});
