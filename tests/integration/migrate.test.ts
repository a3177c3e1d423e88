import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, createMigration, MIGRATIONS_DIR, migrationStatus, pendingSchemaChanges } from "../../scripts/support/migrations";
import { ensureDatabase } from "../../scripts/support/postgres";

const server = inject("testDatabase");
const freshDatabase = (label: string) => ensureDatabase(server.serverUrl, `pp_migrate_${label}_${process.pid}_${Date.now()}`);

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("db:migrate on Prisma's WebAssembly schema engine", () => {
  it("applies every migration once and records them as the Prisma CLI does", async () => {
    const url = await freshDatabase("deploy");
    const expected = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

    expect(await applyMigrations(url)).toEqual(expected.sort());
    expect(await applyMigrations(url)).toEqual([]);

    const recorded = await query<{ migration_name: string; finished_at: Date | null }>(
      url,
      'SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(expected.sort());
    expect(recorded.every((row) => row.finished_at !== null)).toBe(true);
    expect(await migrationStatus(url)).toMatchObject({ failedMigrationNames: [], editedMigrationNames: [], history: null });
  });

  it("finds nothing missing: prisma/schema.prisma and prisma/migrations agree", async () => {
    const url = await freshDatabase("drift");
    await applyMigrations(url);
    expect(await pendingSchemaChanges(url)).toBe("");
  });

  it("db:migrate:dev writes a migration for schema changes, applies it, and then has nothing more to write", async () => {
    const url = await freshDatabase("dev");
    // A history with only the hand-written first step; the schema has everything else to write.
    const emptyDir = mkdtempSync(path.join(tmpdir(), "pp-migrations-"));
    mkdirSync(path.join(emptyDir, "00000000000000_extensions"));
    writeFileSync(path.join(emptyDir, "00000000000000_extensions", "migration.sql"), 'CREATE EXTENSION IF NOT EXISTS "pg_trgm";\n');

    const created = await createMigration(url, "Everything at once", emptyDir);
    expect(created).toMatch(/^\d{14}_everything_at_once$/);
    expect(readFileSync(path.join(emptyDir, created!, "migration.sql"), "utf8")).toContain('CREATE TABLE "User"');
    expect(readFileSync(path.join(emptyDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
    const tables = await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((t) => t.tablename)).toContain("User");

    expect(await createMigration(url, "again", emptyDir)).toBeNull();
  });

  it("rolls a failing migration back whole and reports it", async () => {
    const url = await freshDatabase("failing");
    const dir = mkdtempSync(path.join(tmpdir(), "pp-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "29991231000000_broken");
    cpSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
    mkdirSync(broken);
    writeFileSync(path.join(broken, "migration.sql"), 'CREATE TABLE "Half" (id int);\nSELECT * FROM "NoSuchTable";\n');

    await expect(applyMigrations(url, dir)).rejects.toThrow(/NoSuchTable/);
    const half = await query(url, "SELECT 1 FROM pg_tables WHERE tablename = 'Half'");
    expect(half).toHaveLength(0);
  });
});
