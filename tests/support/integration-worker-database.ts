// Runs in each Vitest worker before its test files: points the app's
// database client at this worker's own database (created on first use), so
// tests that count rows never see another worker's.
import { inject } from "vitest";
import { cloneTemplate } from "./test-database.ts";
import { databaseUrl } from "../../scripts/support/postgres.ts";

const server = inject("testDatabase");
const name = `${server.templateName}_w${process.env.VITEST_POOL_ID ?? "0"}`;
if (!process.env.DATABASE_URL?.endsWith(`/${name}`)) {
  await cloneTemplate(server, name);
  process.env.DATABASE_URL = databaseUrl(server.serverUrl, name);
}
process.env.AUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
process.env.APP_URL ??= "http://localhost:3000";
process.env.OUTBOX_WORKER_ENABLED ??= "false";
