// Prisma migrations without Prisma's native schema engine, which would have
// to be downloaded: the same engine compiled to WebAssembly
// (@prisma/schema-engine-wasm, pinned to the version of `prisma`), talking to
// Postgres through the pg driver adapter. It keeps `_prisma_migrations`
// exactly as `prisma migrate deploy` does. See docs/decisions/0001.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type pg from "pg";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");
const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
const LOCKFILE = "migration_lock.toml";
const NO_FILTER = { externalTables: [], externalEnums: [] };

type Engine = Awaited<ReturnType<typeof import("@prisma/schema-engine-wasm/schema_engine_bg").SchemaEngine.new>>;

let wasmReady: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

/** Instantiates the WebAssembly module once per process. */
function loadWasm() {
  wasmReady ??= (async () => {
    // The engine reports a Rust panic's message here before it traps.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message: string) => console.error(`[schema engine panic] ${message}`),
    };
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // The package exports only its JS, so find the .wasm beside it.
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return wasmReady;
}

function schemaFiles() {
  return { files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") }] };
}

/** The migrations folder in the shape the engine reads. */
function readMigrations(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, LOCKFILE);
  const directories = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

type QueryResult = { fields: { name: string; dataTypeID: number }[] };
type ResultSet = { columnNames: string[]; columnTypes: number[] };
type PgAdapter = {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
  performIO(query: unknown): Promise<QueryResult>;
  queryRaw(query: unknown): Promise<ResultSet>;
  executeScript(script: string): Promise<void>;
};

const PG_CHAR_OID = 18; // Postgres's internal one-byte "char" (pg_constraint.contype, pg_class.relkind …)
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils
const CHAR_MARK = "\u0000char:";

/**
 * Two gaps between adapter-pg 7.10 and the schema engine, closed here and
 * only for migrations (the app's client is untouched):
 * - it runs a migration script by splitting it on every ";", which breaks
 *   function bodies ($$ … ; … $$). Postgres takes a whole script in one
 *   simple-protocol query, as one implicit transaction, so a failing
 *   migration also leaves nothing half-applied.
 * - it refuses columns of type "char", which the engine's catalog queries
 *   return and expect as Character. The column is passed through as text,
 *   marked by name, and reported as Character.
 */
function adaptForMigrations<A>(created: A): A {
  const adapter = created as unknown as PgAdapter;
  const performIO = adapter.performIO.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) {
      if (field.dataTypeID !== PG_CHAR_OID) continue;
      field.dataTypeID = PG_TEXT_OID;
      field.name = CHAR_MARK + field.name;
    }
    return result;
  };
  adapter.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    resultSet.columnNames.forEach((name, index) => {
      if (!name.startsWith(CHAR_MARK)) return;
      resultSet.columnNames[index] = name.slice(CHAR_MARK.length);
      resultSet.columnTypes[index] = CHARACTER_COLUMN;
    });
    return resultSet;
  };
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return created;
}

class MigrationAdapterFactory extends PrismaPg {
  private readonly opened: { dispose(): Promise<void> }[] = [];

  constructor(private readonly connection: pg.PoolConfig) {
    super(connection);
  }

  override async connect() {
    const adapter = adaptForMigrations(await super.connect());
    this.opened.push(adapter);
    return adapter;
  }

  /**
   * The engine doesn't close its connection when freed, and that session
   * keeps Prisma's migration advisory lock: the next engine would wait 10 s
   * for it. Close what we opened.
   */
  async closeAll() {
    await Promise.allSettled(this.opened.splice(0).map((adapter) => adapter.dispose()));
  }

  /**
   * A throw-away database to replay migrations into. adapter-pg's own drops
   * the database while its pool is still connected, which Postgres refuses.
   */
  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new MigrationAdapterFactory({ ...this.connection, database }).connect();
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  }
}

/**
 * The connection as separate fields: the shadow database is reached with
 * `{ ...config, database }`, which a connectionString would silently override.
 */
function connectionConfig(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    ssl: ["require", "verify-full", "verify-ca"].includes(url.searchParams.get("sslmode") ?? "") ? true : undefined,
  };
}

async function withSchemaEngine<T>(databaseUrl: string, work: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadWasm();
  const logs: string[] = [];
  const factory = new MigrationAdapterFactory(connectionConfig(databaseUrl));
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, readFileSync(SCHEMA_PATH, "utf8")]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await work(engine);
  } catch (error) {
    // The engine's errors are JSON objects with a readable `message`.
    const message = typeof error === "object" && error && "message" in error ? String(error.message) : String(error);
    throw new Error(`Schema engine: ${message}${logs.length ? `\n${logs.slice(-3).map((line) => line.slice(0, 500)).join("\n")}` : ""}`);
  } finally {
    engine.free();
    await factory.closeAll();
  }
}

/** `migrate deploy`: applies every migration not yet in `_prisma_migrations`. */
export async function applyMigrations(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: readMigrations(dir), filters: NO_FILTER });
    return appliedMigrationNames;
  });
}

/** What `migrate status` would say: unapplied, failed and edited migrations. */
export async function migrationStatus(databaseUrl: string, dir = MIGRATIONS_DIR) {
  return withSchemaEngine(databaseUrl, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList: readMigrations(dir), optInToShadowDatabase: false, filters: NO_FILTER }),
  );
}

/**
 * SQL that takes the migrations folder to the schema; empty when they agree.
 * (The engine replays the migrations into a throw-away shadow database.
 * Its `createMigration` wants a shadow database handed over differently in
 * the wasm build, so we diff, as `prisma migrate diff` does.)
 */
export async function pendingSchemaChanges(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string> {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const { stdout } = await engine.diff({
      from: { tag: "migrations", ...readMigrations(dir) },
      to: { tag: "schemaDatamodel", ...schemaFiles() },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const script = stdout?.trim() ?? "";
    return /^-- This is an empty migration\.?$/.test(script) ? "" : script;
  });
}

/**
 * `migrate dev`: applies pending migrations, then writes a new migration for
 * whatever the schema has that the migrations don't (nothing when they
 * agree), and applies it. Returns the new migration's folder name, if any.
 */
export async function createMigration(databaseUrl: string, name: string, dir = MIGRATIONS_DIR): Promise<string | null> {
  // The lock file names the database kind; the engine reads it first.
  mkdirSync(dir, { recursive: true });
  if (!existsSync(path.join(dir, LOCKFILE))) {
    writeFileSync(
      path.join(dir, LOCKFILE),
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  await applyMigrations(databaseUrl, dir);
  const script = await pendingSchemaChanges(databaseUrl, dir);
  if (!script) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = `${stamp}_${name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "migration"}`;
  mkdirSync(path.join(dir, folder), { recursive: true });
  writeFileSync(path.join(dir, folder, "migration.sql"), `${script}\n`);
  await applyMigrations(databaseUrl, dir);
  return folder;
}
