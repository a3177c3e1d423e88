import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:faults`: the production build (the standalone server of
// test:scale, same `.next-scale` folder and staleness check, so `npm test`
// builds once) under faults: SMTP down, SIGKILL mid-import and mid-delivery,
// PostgreSQL restarted (tests/faults, decision 0019). Its own config, so the
// default `vitest run` never builds the app.
export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      "server-only": path.join(import.meta.dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    name: "faults",
    include: ["tests/faults/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    fileParallelism: false,
    testTimeout: 150_000,
    // The first run may build the app (shared with test:scale): about a minute on 2 idle cores.
    hookTimeout: 600_000,
  },
});
