// npm run db:migrate            apply pending migrations (like `prisma migrate deploy`)
// npm run db:migrate:dev [name] apply, then write a migration for schema changes and apply it
import { openAppDatabase } from "./support/app-database.ts";
import { applyMigrations, createMigration } from "./support/migrations.ts";

const [mode = "deploy", name = "change"] = process.argv.slice(2);
const database = await openAppDatabase();
try {
  if (mode === "dev") {
    const created = await createMigration(database.url, name);
    console.log(created ? `Created and applied prisma/migrations/${created}` : "The schema and the migrations agree: nothing to create.");
  } else if (mode === "deploy") {
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `Applied ${applied.join(", ")}` : "No pending migrations.");
  } else {
    console.error(`Unknown mode "${mode}". Use "deploy" or "dev".`);
    process.exitCode = 2;
  }
} finally {
  await database.stop();
}
