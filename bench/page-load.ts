// Benchmark (DESIGN §12): an authenticated page under load. Target: with 20
// connections, at least 70% of the requests per second of a bare page doing
// the same single query.
//
//   npx tsx bench/page-load.ts            (PROFILE=1 also loads / and /customers)
//
// Builds the portal (`next build` into .next-bench), starts it with
// `next start` on its own embedded database, signs a Partner Admin in (a real
// session row and next-auth cookie), and loads /team — session check,
// permission, team query, layout and page rendering — with autocannon. The
// baseline is a bare Next.js page doing the same single query
// (app/bench/bare-team, served only with BENCH_PAGES=true); a plain Node http
// server running that query through pg is shown too, for scale.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import path from "node:path";
// @ts-expect-error autocannon ships no types; the two calls below are all we use.
import autocannon from "autocannon";
import { encode } from "@auth/core/jwt";
import pg from "pg";
import { freePort } from "../scripts/support/postgres.ts";
import { openBenchDatabase } from "./support.ts";

const CONNECTIONS = 20;
const SECONDS = 10;
const MEMBERS = 50;
const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT = path.join(ROOT, "node_modules/.bin/next");

const database = await openBenchDatabase("load");
const { db } = await import("../lib/db/client.ts");
const secret = process.env.AUTH_SECRET!;

const partner = await db.partner.create({ data: { name: "Load Partner" } });
const admin = await db.user.create({
  data: { kind: "PARTNER", partnerId: partner.id, firstName: "Load", lastName: "Admin", email: "admin@load.test", emailNormalized: "admin@load.test", role: "partner_admin", status: "ACTIVE" },
});
await db.$executeRaw`
  INSERT INTO "User" ("id", "kind", "partnerId", "firstName", "lastName", "email", "emailNormalized", "status", "role", "updatedAt")
  SELECT gen_random_uuid(), 'PARTNER', ${partner.id}::uuid, 'First' || n, 'Last' || lpad(n::text, 3, '0'),
         'member' || n || '@load.test', 'member' || n || '@load.test', 'ACTIVE', 'sales', now()
  FROM generate_series(1, ${MEMBERS - 1}) AS n`;
const session = await db.session.create({ data: { userId: admin.id, sessionVersion: 0, expiresAt: new Date(Date.now() + 3600_000) } });
// The cookie next-auth would set after sign-in: its JWT names our session row (lib/auth/next-auth.ts).
const cookieName = "authjs.session-token";
const cookie = `${cookieName}=${await encode({ token: { sub: admin.id, sid: session.id }, secret, salt: cookieName })}`;

console.log("[build] next build…");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  BENCH_PAGES: "true",
  NODE_ENV: "production",
  NEXT_DIST_DIR: ".next-bench",
  NEXT_TELEMETRY_DISABLED: "1",
  OUTBOX_WORKER_ENABLED: "false",
  APP_URL: "http://localhost:3000",
};
if (spawnSync(NEXT, ["build"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] }).status !== 0) throw new Error("next build failed");
const appPort = await freePort();
const app = spawn(NEXT, ["start", "-p", String(appPort)], { cwd: ROOT, env, stdio: "ignore" });

// The baseline: the same team query, no framework, no session.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const escape = (value: unknown) => String(value ?? "").replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const bare = createServer(async (_request, response) => {
  const { rows } = await pool.query(
    `SELECT "id", "firstName", "lastName", "email", "role", "status", "lastSignInAt" FROM "User"
     WHERE "partnerId" = $1 AND "kind" = 'PARTNER' AND "deletedAt" IS NULL ORDER BY "lastName", "firstName", "id" LIMIT 51`,
    [partner.id],
  );
  response.setHeader("content-type", "text/html; charset=utf-8");
  response.end(
    `<!doctype html><html><body><h1>Team</h1><table>${rows
      .map((r) => `<tr><td>${escape(r.firstName)} ${escape(r.lastName)}</td><td>${escape(r.email)}</td><td>${escape(r.role)}</td><td>${escape(r.status)}</td></tr>`)
      .join("")}</table></body></html>`,
  );
});
const barePort = await freePort();
await new Promise<void>((resolve) => bare.listen(barePort, "127.0.0.1", resolve));

async function load(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections: CONNECTIONS, duration: 3, headers }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

try {
  for (let i = 0; ; i++) {
    const response = await fetch(`http://localhost:${appPort}/team`, { headers: { cookie }, redirect: "manual" }).catch(() => null);
    if (response?.status === 200 && (await response.text()).includes("Last049")) break;
    if (response && response.status !== 200 && i > 40) throw new Error(`/team answered ${response.status}: is the session cookie right?`);
    if (i > 240) throw new Error("the portal did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (process.env.PROFILE) {
    // Where the time goes: other signed-in pages of the same layout.
    for (const url of ["/", "/customers"]) console.log(url, await load(`http://localhost:${appPort}${url}`, { cookie }));
  }
  const page = await load(`http://localhost:${appPort}/team`, { cookie });
  const baseline = await load(`http://localhost:${appPort}/bench/bare-team?partner=${partner.id}`);
  const plain = await load(`http://127.0.0.1:${barePort}/`);
  console.log(`\n| ${CONNECTIONS} connections, ${SECONDS} s | requests/s | latency p50 | p99 |`);
  console.log(`|---|---|---|---|`);
  console.log(`| /team, signed in (Next.js) | ${page.rps.toFixed(0)} | ${page.p50} ms | ${page.p99} ms |`);
  console.log(`| bare Next.js page, same query | ${baseline.rps.toFixed(0)} | ${baseline.p50} ms | ${baseline.p99} ms |`);
  console.log(`| plain node:http + pg, same query (for scale) | ${plain.rps.toFixed(0)} | ${plain.p50} ms | ${plain.p99} ms |`);
  console.log(`\n/team reaches ${((page.rps / baseline.rps) * 100).toFixed(0)}% of the bare Next.js page's requests per second (target ≥ 70%).`);
} finally {
  app.kill("SIGTERM");
  bare.close();
  await pool.end();
  await db.$disconnect();
  await database.close();
}
