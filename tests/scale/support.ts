// Shared by tests/scale and tests/faults: the production build (standalone
// server) started as child processes, a real SMTP server that records what it
// accepted, signing in over HTTP, and a PostgreSQL that can be stopped and
// started again on the same port.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSmtpServer } from "../support/smtp-server";
import { buildStandalone, standaloneDir, standaloneIsStale } from "../../scripts/build";
import { applyMigrations } from "../../scripts/support/migrations";
import { databaseUrl, ensureDatabase, freePort, startPostgres, type RunningPostgres } from "../../scripts/support/postgres";

/** One standalone build for test:scale and test:faults; built again only when a source changed. */
const DIST_DIR = process.env.SCALE_DIST_DIR ?? ".next-scale";

export function ensureStandaloneBuild() {
  // SCALE_SKIP_BUILD=1 reuses whatever is there.
  if (process.env.SCALE_SKIP_BUILD !== "1" && standaloneIsStale(DIST_DIR)) buildStandalone(DIST_DIR, process.env, "ignore");
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Instance = { name: string; base: string; port: number; process: ChildProcess; stderr: string[] };

/** An instance's environment: the database at `databaseUrl`, its outbox worker delivering to `smtpPort` every 200 ms. */
export function workerInstanceEnv(databaseUrl: string, secret: string, smtpPort: number, appUrl = "http://127.0.0.1:3999"): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secret,
    APP_URL: appUrl,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    OUTBOX_WORKER_ENABLED: "true",
    OUTBOX_POLL_INTERVAL_MS: "200",
  };
}

/**
 * Starts `node <dist>/standalone/server.js` in production mode; resolves once it serves /login
 * (`anyAnswer`: once it answers at all, e.g. a 503 while its database is down).
 */
export async function startInstance(name: string, env: Record<string, string>, port?: number, options: { anyAnswer?: boolean } = {}): Promise<Instance> {
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, [path.join(standaloneDir(DIST_DIR), "server.js")], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NODE_ENV: "production", HOSTNAME: "127.0.0.1", PORT: String(listenPort), DEV_MAILBOX: "false", ...env },
  });
  const instance: Instance = { name, base: `http://127.0.0.1:${listenPort}`, port: listenPort, process: child, stderr: [] };
  child.stderr?.on("data", (chunk: Buffer) => {
    instance.stderr.push(chunk.toString());
    // Echoed line by line, each under the instance's name: the instance's log lines are its own, not this
    // process's errors (tests/support/fail-on-console-error.ts reads lines that start with "{"). The outbox
    // worker's and the scheduler's lines during a fault are expected and shown only with FAULTS_VERBOSE=1.
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      if (process.env.FAULTS_VERBOSE !== "1" && /"msg":"(Outbox|Scheduler|Scheduled job)/.test(line)) continue;
      process.stderr.write(`[instance ${name}] ${line}\n`);
    }
  });
  await waitUntilServing(instance, 240, options.anyAnswer);
  return instance;
}

async function waitUntilServing(instance: Instance, attempts = 240, anyAnswer = false) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (instance.process.exitCode !== null || instance.process.signalCode !== null) {
      throw new Error(`instance ${instance.name} exited (${instance.process.exitCode ?? instance.process.signalCode})`);
    }
    try {
      const response = await fetch(`${instance.base}/login`);
      if (response.ok || anyAnswer) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`instance ${instance.name} did not answer at ${instance.base}`);
}

/** SIGKILL: no shutdown hook, no flush; resolves when the process is gone. */
export function killHard(instance: Instance): Promise<void> {
  return new Promise((resolve) => {
    if (instance.process.exitCode !== null || instance.process.signalCode !== null) return resolve();
    instance.process.once("exit", () => resolve());
    instance.process.kill("SIGKILL");
  });
}

/** The process's peak resident memory so far (VmHWM in /proc/<pid>/status), in MB. */
export function peakRssMb(instance: Instance): number {
  const status = readFileSync(`/proc/${instance.process.pid}/status`, "utf8");
  const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

type Received = { to: string[]; messageId: string; at: number };
export type Smtp = { port: number; received: Received[]; close: () => Promise<void> };

/** A real SMTP server (smtp-server) that records each message it accepted; `delayMs` holds each DATA before accepting. */
export async function startSmtp(options: { port?: number; delayMs?: number } = {}): Promise<Smtp> {
  const received: Received[] = [];
  const server = await startSmtpServer(async ({ to, parsed }) => {
    if (options.delayMs) await sleep(options.delayMs);
    received.push({ to, messageId: parsed.messageId ?? "", at: Date.now() });
  }, options.port);
  return { ...server, received };
}

/** Signs in through next-auth's credentials endpoint, as the browser's form does; the session cookie or null. */
export async function signIn(instance: { base: string }, login: string, password: string): Promise<string | null> {
  const csrf = await fetch(`${instance.base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${instance.base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: instance.base },
    body: new URLSearchParams({ csrfToken, login, password, callbackUrl: `${instance.base}/` }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  return session ? session.split(";")[0] : null;
}

export async function getPage(instance: { base: string }, pathname: string, cookie: string) {
  const response = await fetch(`${instance.base}${pathname}`, { redirect: "manual", headers: { cookie } });
  return { status: response.status, location: response.headers.get("location"), contentType: response.headers.get("content-type"), body: await response.text() };
}

/** The id of a server action as the build registered it (what the browser sends in `Next-Action`). */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`server action ${filename}#${exportedName} is not in the build`);
  return found[0];
}

/**
 * Calls a `useActionState` server action over HTTP exactly as React's client
 * does (React 19 encodeReply of [previousState, formData]: the form's fields prefixed
 * "_1_", the arguments in field "0"), from the page that renders the form.
 */
export async function postServerAction(instance: { base: string }, pagePath: string, actionId: string, cookie: string, fields: Record<string, string | Blob>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
  body.append("0", JSON.stringify([null, "$K1"]));
  return fetch(`${instance.base}${pagePath}`, {
    method: "POST",
    headers: { "Next-Action": actionId, Accept: "text/x-component", Origin: instance.base, cookie },
    body,
  });
}

/** A PostgreSQL of its own in a temporary folder, on a fixed port so it can be stopped and started again. */
export type RestartablePostgres = { serverUrl: string; port: number; stop: () => Promise<void>; start: () => Promise<void>; destroy: () => Promise<void> };

export async function startRestartablePostgres(label: string): Promise<RestartablePostgres> {
  const root = mkdtempSync(path.join(tmpdir(), `pp-${label}-`));
  chmodSync(root, 0o755);
  const port = await freePort();
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL; // always embedded: the test stops it
  let running: RunningPostgres | null = await startPostgres({ dataDir: path.join(root, "data"), port, quiet: true });
  if (saved !== undefined) process.env.DATABASE_URL = saved;
  const serverUrl = running.serverUrl;
  return {
    serverUrl,
    port,
    stop: async () => {
      await running?.stop();
      running = null;
    },
    start: async () => {
      const url = process.env.DATABASE_URL;
      delete process.env.DATABASE_URL;
      running = await startPostgres({ dataDir: path.join(root, "data"), port, quiet: true });
      if (url !== undefined) process.env.DATABASE_URL = url;
    },
    destroy: async () => {
      await running?.stop().catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A migrated database `name` on that server; its URL. */
export async function migratedDatabase(serverUrl: string, name: string): Promise<string> {
  await ensureDatabase(serverUrl, name);
  const url = databaseUrl(serverUrl, name);
  await applyMigrations(url);
  return url;
}
