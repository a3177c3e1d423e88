// npm run db:seed — applies migrations and writes the demo data into an empty database.
import { seedIfEmpty } from "../prisma/seed.ts";
import { openAppDatabase } from "./support/app-database.ts";
import { applyMigrations } from "./support/migrations.ts";

const database = await openAppDatabase();
try {
  await applyMigrations(database.url);
  const { seeded } = await seedIfEmpty(database.url);
  console.log(seeded ? "Demo data written." : "The database already has data; nothing written. Use npm run db:reset to start over.");
} finally {
  await database.stop();
}
