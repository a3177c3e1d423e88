import type { TestProject } from "vitest/node";
import { dropDatabase } from "../../scripts/support/postgres.ts";
import { startTestServer } from "./test-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { serverUrl: string; templateName: string };
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer("integration");
  project.provide("testDatabase", { serverUrl: server.serverUrl, templateName: server.templateName });
  return async () => {
    // Worker databases are named after the template; drop them with it.
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: server.serverUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${server.templateName}_w%`,
    ]);
    await client.end();
    for (const { datname } of rows) await dropDatabase(server.serverUrl, datname).catch(() => {});
    await server.stop();
  };
}
