// What every Vitest config of the project shares (vitest.config.ts, vitest.scale.config.ts, vitest.faults.config.ts).
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "../..");

export const alias = {
  "@": root,
  // Marks modules that must never reach the browser; in Node tests it is a no-op.
  "server-only": path.join(root, "tests/support/empty-module.ts"),
};

/**
 * A suite against the standalone production build (tests/<name>), one file at a time. Its own config, so the default
 * `vitest run` never builds the app. The first run may build it (`.next-scale`, shared by both suites): about a minute
 * on 2 idle cores, much longer on a busy machine.
 */
export function standaloneSuiteConfig(name: "scale" | "faults", testTimeout: number) {
  return defineConfig({
    resolve: { alias },
    test: {
      name,
      include: [`tests/${name}/**/*.test.ts`],
      environment: "node",
      setupFiles: ["tests/support/fail-on-console-error.ts"],
      fileParallelism: false,
      testTimeout,
      hookTimeout: 600_000,
    },
  });
}
