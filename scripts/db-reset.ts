// npm run db:reset — deletes every table and row, re-applies the migrations and writes the demo data.
import pg from "pg";
import { seedIfEmpty } from "../prisma/seed.ts";
import { openAppDatabase } from "./support/app-database.ts";
import { applyMigrations } from "./support/migrations.ts";

const database = await openAppDatabase();
try {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await client.end();
  await applyMigrations(database.url);
  await seedIfEmpty(database.url);
  console.log("Database reset: migrations applied, demo data written.");
} finally {
  await database.stop();
}
