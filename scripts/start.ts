// npm start      build if needed, then serve the portal on http://localhost:3000
// npm run dev    the same with `next dev`
// Starts the embedded PostgreSQL unless DATABASE_URL is set, applies
// migrations, seeds demo data into an empty database and prints how to sign in.
// Listens on 127.0.0.1 only unless HOST is set: the dev mailbox has no sign-in.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DEFAULT_LISTEN_HOST } from "../lib/email/mailbox-access.ts";
import { env as appEnv } from "../lib/env.ts";
import { seedIfEmpty } from "../prisma/seed.ts";
import { openAppDatabase, ROOT } from "./support/app-database.ts";
import { localAuthSecret } from "./support/app-env.ts";
import { applyMigrations } from "./support/migrations.ts";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST?.trim() || DEFAULT_LISTEN_HOST;
const startedAt = Date.now();
const NEXT = path.join(ROOT, "node_modules/.bin/next");

const database = await openAppDatabase();
const applied = await applyMigrations(database.url);
if (applied.length) console.log(`[db] applied ${applied.join(", ")}`);
const seed = await seedIfEmpty(database.url);
if (seed.seeded) console.log("[db] demo data written");

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret(),
  APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
  PORT: String(port),
  // Where Next listens (-H below); the app checks it too before serving /dev/mailbox.
  HOST: host,
  NEXT_TELEMETRY_DISABLED: "1",
  // Without SMTP, a local `npm start` keeps mail in the dev mailbox, as development does.
  DEV_MAILBOX: process.env.DEV_MAILBOX ?? (process.env.SMTP_URL ? "false" : "true"),
};
// Fail now, with one line per variable, rather than inside Next after a build (lib/env.ts holds the rules).
Object.assign(process.env, env);
try {
  appEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await database.stop();
  process.exit(1);
}

if (!dev && buildIsStale()) {
  console.log("[build] building the portal (next build)…");
  const build = spawnSync(NEXT, ["build"], { cwd: ROOT, stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (build.status !== 0) {
    await database.stop();
    process.exit(build.status ?? 1);
  }
}

const server = spawn(NEXT, [dev ? "dev" : "start", "-H", host, "-p", String(port)], { cwd: ROOT, stdio: "inherit", env });
await waitUntilServing(`${localUrl()}/login`);
printWelcome();

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
server.on("exit", (code) => void stop(code ?? 0));

/** True when there is no production build, or a source file changed since it. */
function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "emails", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"];
  const newer = (entry: string): boolean => {
    const full = path.join(ROOT, entry);
    if (!existsSync(full)) return false;
    const stat = statSync(full);
    if (!stat.isDirectory()) return stat.mtimeMs > builtAt;
    return readdirSync(full).some((child) => child !== "generated" && newer(path.join(entry, child)));
  };
  return sources.some(newer);
}

/** This machine's way in to the server, whichever address it listens on. */
function localUrl(): string {
  const reachable = host === "0.0.0.0" || host === "::" || host === "[::]" ? "127.0.0.1" : host;
  return `http://${reachable.includes(":") && !reachable.startsWith("[") ? `[${reachable}]` : reachable}:${port}`;
}

async function waitUntilServing(url: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The portal did not answer at ${url}`);
}

function printWelcome() {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const width = Math.max(...seed.credentials.map((c) => c.label.length));
  console.log(`
  Partner Portal is ready at ${env.APP_URL}  (started in ${seconds} s)
  Listening on ${host}${host === DEFAULT_LISTEN_HOST ? " only: this machine (set HOST to open it to the network, with SMTP_URL)" : ""}
  Database: ${database.embedded ? "embedded PostgreSQL, data in .data/postgres" : "DATABASE_URL"}${env.DEV_MAILBOX === "true" ? `\n  Mail: kept at ${env.APP_URL}/dev/mailbox (set SMTP_URL to send for real)` : ""}

  Demo sign-ins (password for all: ${seed.credentials[0].password}):
${seed.credentials.map((c) => `    ${c.label.padEnd(width)}  ${c.login}`).join("\n")}

  Press Ctrl+C to stop.
`);
}
