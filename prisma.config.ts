import { defineConfig } from "prisma/config";

// Used by `prisma generate` only. Migrations run through scripts/db-migrate.ts
// (Prisma's WebAssembly schema engine), see docs/decisions/0001-migrations-on-wasm-engine.md.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
