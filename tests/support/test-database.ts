// The Postgres every test layer runs on: DATABASE_URL's server when set,
// otherwise an embedded one in a temporary folder. Tests get databases of
// their own on it, cloned from one migrated template, and never touch the
// developer's data.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations } from "../../scripts/support/migrations.ts";
import { dropDatabase, ensureDatabase, startPostgres } from "../../scripts/support/postgres.ts";

export type TestServer = { serverUrl: string; templateName: string; stop: () => Promise<void> };

/** Refuse to run against anything but a local server: tests create and drop databases. */
function assertLocal(serverUrl: string) {
  const host = new URL(serverUrl).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Tests create and drop databases; refusing to run against ${host}. Point DATABASE_URL at a local server.`);
  }
}

export async function startTestServer(label: string): Promise<TestServer> {
  const dataRoot = process.env.DATABASE_URL ? null : mkdtempSync(path.join(tmpdir(), `pp-${label}-`));
  // mkdtemp makes it private; the server may run as the postgres user (when we are root).
  if (dataRoot) chmodSync(dataRoot, 0o755);
  const server = await startPostgres({ dataDir: path.join(dataRoot ?? "", "data"), quiet: true });
  assertLocal(server.serverUrl);
  const templateName = `pp_${label}_template_${process.pid}`;
  await dropDatabase(server.serverUrl, templateName);
  const templateUrl = await ensureDatabase(server.serverUrl, templateName);
  await applyMigrations(templateUrl);
  return {
    serverUrl: server.serverUrl,
    templateName,
    stop: async () => {
      await dropDatabase(server.serverUrl, templateName).catch(() => {});
      await server.stop();
      if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}

/** A database of its own for one worker. Postgres copies a template for one caller at a time, so others wait. */
export async function cloneTemplate(server: { serverUrl: string; templateName: string }, name: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ensureDatabase(server.serverUrl, name, server.templateName);
    } catch (error) {
      const busy = error instanceof Error && /being accessed by other users/.test(error.message);
      if (!busy || attempt >= 50) throw error;
      await sleep(100 + Math.random() * 200);
    }
  }
}
