// Benchmark (DESIGN §12): an authenticated page under load. Target: with 20
// connections, at least 70% of the requests per second of a bare page doing
// the same single query.
//
//   npx tsx bench/page-load.ts            (PROFILE=1 also loads / and /customers; ROUNDS=n, default 3;
//                                         AMOUNT=n: n requests per measurement instead of 10 s, for a busy machine)
//
// Builds the portal (`next build` into .next-bench), starts it with
// `next start` on its own embedded database, signs a Partner Admin in (a real
// session row and next-auth cookie), and loads /team — session check,
// permission, team query, layout and page rendering — with autocannon. The
// baseline is a bare Next.js page doing the same single query
// (app/bench/bare-team, served only with BENCH_PAGES=true); a plain Node http
// server running that query through pg is shown too, for scale.
// /customers/{id}/users is measured the same way against its own bare page
// (app/bench/bare-customer-users). The machine is shared, so each page and its
// baseline run back to back in every round and the table reports per-round ratios.
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
// @ts-expect-error autocannon ships no types; the two calls below are all we use.
import autocannon from "autocannon";
import { encode } from "@auth/core/jwt";
import pg from "pg";
import { freePort } from "../scripts/support/postgres.ts";
import { baselineHandler, openBenchDatabase, startBenchApp } from "./support.ts";

const CONNECTIONS = 20;
const SECONDS = Number(process.env.SECONDS ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const AMOUNT = process.env.AMOUNT ? Number(process.env.AMOUNT) : null;
const MEMBERS = 50;

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
// A customer with 50 users, each holding a license of one of two products (the Users and licenses page).
const customer = await db.customer.create({ data: { partnerId: partner.id, type: "COMPANY", name: "Load Customer", contactEmail: "c@load.test" } });
const products = await Promise.all(
  ["LOAD-A", "LOAD-B"].map((code) => db.product.create({ data: { code: `${code}-${process.pid}`, name: `Product ${code}`, description: "Bench product" } })),
);
const subscriptions = await Promise.all(
  products.map((product) => db.subscription.create({ data: { partnerId: partner.id, customerId: customer.id, productId: product.id, purchased: 100, assigned: 25 } })),
);
await db.$executeRaw`
  INSERT INTO "User" ("id", "kind", "partnerId", "customerId", "firstName", "lastName", "email", "emailNormalized", "username", "status", "updatedAt")
  SELECT gen_random_uuid(), 'CUSTOMER', ${partner.id}::uuid, ${customer.id}::uuid, 'Cust' || n, 'User' || lpad(n::text, 3, '0'),
         'cust' || n || '@load.test', 'cust' || n || '@load.test', 'cust' || n, 'ACTIVE', now()
  FROM generate_series(1, ${MEMBERS}) AS n`;
await db.$executeRaw`
  INSERT INTO "LicenseAssignment" ("id", "subscriptionId", "userId")
  SELECT gen_random_uuid(), CASE WHEN row_number() OVER (ORDER BY "lastName") % 2 = 0 THEN ${subscriptions[0].id}::uuid ELSE ${subscriptions[1].id}::uuid END, "id"
  FROM "User" WHERE "customerId" = ${customer.id}::uuid`;
const session = await db.session.create({ data: { userId: admin.id, sessionVersion: 0, expiresAt: new Date(Date.now() + 3600_000) } });
// The cookie next-auth would set after sign-in: its JWT names our session row (lib/auth/next-auth.ts).
const cookieName = "authjs.session-token";
const cookie = `${cookieName}=${await encode({ token: { sub: admin.id, sid: session.id }, secret, salt: cookieName })}`;

// BENCH_PAGES serves the bare baseline pages (app/bench). CPU_PROF=<folder>: the server runs under
// `node --cpu-prof` and leaves a .cpuprofile there when the bench ends (bench/cpu-profile-summary.ts summarises it).
const app = await startBenchApp({ env: { BENCH_PAGES: "true" }, host: "localhost" });

// The baseline: the same team query, no framework, no session.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const escape = (value: unknown) => String(value ?? "").replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const bare = createServer(
  baselineHandler(async (_request, response) => {
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
  }),
);
const barePort = await freePort();
await new Promise<void>((resolve) => bare.listen(barePort, "127.0.0.1", resolve));

/**
 * CPU time (ms) used so far by a process and its descendants, from /proc. Requests per second depend on
 * what else runs on the machine; the server's CPU per request does not, so the bench reports both.
 */
function cpuMs(root: number) {
  const stats = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map((pid) => {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
        return { pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
      } catch {
        return null; // ended meanwhile
      }
    })
    .filter((stat) => stat !== null);
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const stat of stats) {
      if (!tree.has(stat.pid) && tree.has(stat.ppid)) {
        tree.add(stat.pid);
        grew = true;
      }
    }
  }
  return stats.filter((stat) => tree.has(stat.pid)).reduce((sum, stat) => sum + stat.ticks, 0) * 10; // 100 ticks per second
}

async function load(url: string, headers: Record<string, string> = {}) {
  // AMOUNT=n sends a fixed number of requests instead of loading for SECONDS: on a busy machine every request
  // then completes inside the measurement, so the CPU per request is exact.
  const size = AMOUNT ? { amount: AMOUNT } : { duration: SECONDS };
  await autocannon({ url, connections: CONNECTIONS, headers, timeout: 60, ...(AMOUNT ? { amount: Math.ceil(AMOUNT / 5) } : { duration: 3 }) }); // warm-up
  const cpuBefore = cpuMs(app.pid);
  const result = await autocannon({ url, connections: CONNECTIONS, headers, timeout: 60, ...size });
  const cpuPerRequest = (cpuMs(app.pid) - cpuBefore) / Math.max(1, result.requests.total);
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  // On a loaded machine a few connections may time out; say so rather than hide it.
  if (result.errors > 0) console.log(`[load] ${url}: ${result.errors} errors (${result.timeouts} timeouts) of ${result.requests.total} requests`);
  if (result.errors > result.requests.total / 100) throw new Error(`${url}: ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpu: cpuPerRequest };
}

try {
  for (let i = 0; ; i++) {
    const response = await fetch(`${app.base}/team`, { headers: { cookie }, redirect: "manual" }).catch(() => null);
    if (response?.status === 200 && (await response.text()).includes("Last049")) break;
    if (response && response.status !== 200 && i > 40) throw new Error(`/team answered ${response.status}: is the session cookie right?`);
    if (i > 240) throw new Error("the portal did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (process.env.PROFILE) {
    // Where the time goes: other signed-in pages of the same layout.
    for (const url of ["/", "/customers"]) console.log(url, await load(`${app.base}${url}`, { cookie }));
  }
  const pages = [
    { label: "/team, signed in", url: `/team`, baseline: `/bench/bare-team?partner=${partner.id}`, ratios: [] as number[], cpuRatios: [] as number[] },
    { label: `/customers/{id}/users, signed in`, url: `/customers/${customer.id}/users`, baseline: `/bench/bare-customer-users?customer=${customer.id}`, ratios: [] as number[], cpuRatios: [] as number[] },
  ];
  const check = await fetch(`${app.base}${pages[1].url}`, { headers: { cookie } });
  if (check.status !== 200 || !(await check.text()).includes("User050")) throw new Error(`${pages[1].url} answered ${check.status} or without its users`);
  console.log(`\n| round | page | requests/s | p50 | p99 | server CPU / request | bare page requests/s | p50 | p99 | server CPU / request | ratio of requests/s | ratio of CPU / request (bare ÷ page) |`);
  console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|`);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const page of pages) {
      // Interleaved: the baseline and the page run back to back, so a busy machine slows both alike.
      const baseline = await load(`${app.base}${page.baseline}`);
      const subject = await load(`${app.base}${page.url}`, { cookie });
      page.ratios.push(subject.rps / baseline.rps);
      page.cpuRatios.push(baseline.cpu / subject.cpu);
      console.log(
        `| ${round} | ${page.label} | ${subject.rps.toFixed(0)} | ${subject.p50} ms | ${subject.p99} ms | ${subject.cpu.toFixed(2)} ms | ${baseline.rps.toFixed(0)} | ${baseline.p50} ms | ${baseline.p99} ms | ${baseline.cpu.toFixed(2)} ms | ${((subject.rps / baseline.rps) * 100).toFixed(0)}% | ${((baseline.cpu / subject.cpu) * 100).toFixed(0)}% |`,
      );
    }
  }
  const plain = await load(`http://127.0.0.1:${barePort}/`);
  console.log(`\nplain node:http + pg, same query (for scale): ${plain.rps.toFixed(0)} requests/s, p50 ${plain.p50} ms, p99 ${plain.p99} ms`);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
  for (const page of pages) {
    console.log(
      `${page.label}: median ${percent(median(page.ratios))} of its bare Next.js page's requests/s (rounds: ${page.ratios.map(percent).join(", ")}); ` +
        `by server CPU per request ${percent(median(page.cpuRatios))} (rounds: ${page.cpuRatios.map(percent).join(", ")}); target ≥ 70%.`,
    );
  }
} finally {
  await app.stop(); // waits for the exit, when a CPU profile is written
  bare.close();
  await pool.end();
  await db.$disconnect();
  await database.close();
}
