// What every benchmark needs before it can call the domain functions.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "../scripts/support/migrations.ts";
import { dropDatabase, ensureDatabase, startPostgres } from "../scripts/support/postgres.ts";

/**
 * lib/ modules are marked "server-only", which only loads under React's
 * server condition: re-runs the calling benchmark under it (and exits with
 * its status). Call first, before importing anything from lib/.
 */
export function rerunUnderServerCondition(moduleUrl: string) {
  if (process.env.BENCH_CHILD) return;
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", fileURLToPath(moduleUrl)], {
    stdio: "inherit",
    env: { ...process.env, BENCH_CHILD: "1" },
  });
  process.exit(result.status ?? 1);
}

/**
 * A migrated database of the benchmark's own: on an embedded server in a
 * temporary folder, or on DATABASE_URL's server. Points the app's client at it.
 */
export async function openBenchDatabase(label: string) {
  const dataRoot = process.env.DATABASE_URL ? null : mkdtempSync(path.join(tmpdir(), "pp-bench-"));
  if (dataRoot) chmodSync(dataRoot, 0o755); // the server may run as the postgres user (when we are root)
  const server = await startPostgres({ dataDir: path.join(dataRoot ?? "", "data"), quiet: true });
  const name = `pp_bench_${label}_${process.pid}`;
  const url = await ensureDatabase(server.serverUrl, name);
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "bench-secret-bench-secret-0123456789abcdef";
  process.env.OUTBOX_WORKER_ENABLED = "false";
  return {
    close: async () => {
      await dropDatabase(server.serverUrl, name).catch(() => {});
      await server.stop();
      if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}
