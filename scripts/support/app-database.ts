// The database `npm start`, `db:*` scripts and the dev server use: DATABASE_URL
// when set, otherwise the embedded server with its data in .data/postgres.
import path from "node:path";
import pg from "pg";
import { databaseUrl, ensureDatabase, startPostgres, type RunningPostgres } from "./postgres.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DATA_DIR = path.join(ROOT, ".data");
const DATABASE_NAME = "partner_portal";

export type AppDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function openAppDatabase(options: { quiet?: boolean } = {}): Promise<AppDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };

  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  // Another command (say `npm start`) may already run the embedded server: share it.
  let server: RunningPostgres | null = null;
  if (!(await answers(serverUrl))) {
    server = await startPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port, quiet: options.quiet ?? true });
  }
  await ensureDatabase(serverUrl, DATABASE_NAME);
  return {
    url: databaseUrl(serverUrl, DATABASE_NAME),
    embedded: server !== null,
    stop: async () => {
      await server?.stop();
    },
  };
}
