// Starts everything the end-to-end tests talk to, all real: PostgreSQL (its
// own database), an SMTP server (the `smtp-server` package) that keeps every
// message it receives, and the built portal (`next build` + `next start`)
// sending its mail there. Workers learn where through environment variables.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { databaseUrl } from "../../../scripts/support/postgres";
import { cloneTemplate, startTestServer } from "../../support/test-database";
import { startMailCatcher } from "./mail-catcher";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const NEXT = path.join(ROOT, "node_modules/.bin/next");
// Its own build folder, so it never clobbers `npm start`; E2E_DIST_DIR lets parallel runs keep apart.
const DIST_DIR = process.env.E2E_DIST_DIR ?? ".next-e2e";

export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT);
  const server = await startTestServer("e2e");
  const name = `${server.templateName}_app`;
  await cloneTemplate(server, name);
  const mailDir = mkdtempSync(path.join(tmpdir(), "pp-e2e-mail-"));
  const mail = await startMailCatcher(mailDir);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl(server.serverUrl, name),
    AUTH_SECRET: "e2e-tests-secret-0123456789abcdefghijkl",
    APP_URL: `http://localhost:${port}`,
    SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
    OUTBOX_POLL_INTERVAL_MS: "200",
  };
  // The workers (tests and their factories) use the same database and read the caught mail.
  process.env.DATABASE_URL = env.DATABASE_URL;
  process.env.AUTH_SECRET = env.AUTH_SECRET;
  process.env.E2E_MAIL_DIR = mailDir;

  if (process.env.E2E_SKIP_BUILD !== "1") {
    console.log("[e2e] next build…");
    const build = spawnSync(NEXT, ["build"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const app = spawn(NEXT, ["start", "-p", String(port)], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  app.stdout?.on("data", (chunk: Buffer) => process.env.E2E_VERBOSE && process.stdout.write(chunk));
  app.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[app] ${chunk}`));
  await waitUntilServing(app, `http://localhost:${port}/login`);

  return async () => {
    app.kill("SIGTERM");
    await mail.close();
    await server.stop();
  };
}

async function waitUntilServing(app: ChildProcess, url: string) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (app.exitCode !== null) throw new Error(`next start exited with code ${app.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The portal did not answer at ${url}`);
}
