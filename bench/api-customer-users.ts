// Benchmark (DESIGN §12): the API list of 100,000 customer users. Target:
// first page and a deep cursor page ≤ 3× the raw SQL of the same page.
//
//   npx tsx bench/api-customer-users.ts        (SKIP_BUILD=1 reuses the last build; BENCH_DIST_DIR, default .next-bench)
//
// Writes 100,000 users of one customer (the seeding of
// bench/customer-users-list.ts, bench/support.ts), builds the portal
// (`next build` into .next-bench, as bench/page-load.ts does) and starts
// `next start` on its own database, then calls
// `GET /api/v1/customers/{id}/users` over HTTP with a real API key (created
// through lib/api-keys, permission customers.view): key check, rate limit,
// operation, JSON — everything production runs. Sequential requests, 10
// warm-ups then 200 measured, interleaved with the baselines so a busy machine
// slows all alike:
// - raw SQL: one hand-written query returning the same page (users and their
//   licensed products, 51 rows), from this process;
// - the same raw query served as JSON by a plain node:http server (what any
//   HTTP API pays at least), for scale.
// The per-key rate limit (API_KEY_RATE_LIMIT, 300 a minute) is production's:
// each scenario uses a key of its own, a partner's ordinary setup for several
// integrations, and the bench checks it stays under the limit (any 429 fails it).
import { createServer } from "node:http";
import { freePort } from "../scripts/support/postgres.ts";
import { baselineHandler, cursorAfter, customerUsersRawPage, openBenchDatabase, percentile, rerunUnderServerCondition, seedCustomerUsers, startBenchApp } from "./support.ts";

rerunUnderServerCondition(import.meta.url); // lib/api-keys is server-only

const USERS = 100_000;
const ITERATIONS = 200;
const WARM_UPS = 10;

const database = await openBenchDatabase("apiusers");
const { db, Prisma } = await import("../lib/db/client.ts");
const { insertApiKey } = await import("../lib/api-keys/keys.ts");
const { API_KEY_RATE_LIMIT } = await import("../lib/api-keys/authenticate.ts");

const { partner, customer, admin } = await seedCustomerUsers(db, USERS);
const { row: deep, cursor: deepCursor } = await cursorAfter(db, customer.id, 90_000);
const { page: rawPage, keysetAfter } = customerUsersRawPage(db, Prisma, { partnerId: partner.id, customerId: customer.id });

/** A fresh key for one scenario, as Settings → API keys creates it. */
async function newKey(name: string) {
  const requests = 1 + WARM_UPS + ITERATIONS;
  if (requests > API_KEY_RATE_LIMIT.limit) throw new Error(`${requests} requests per key would meet the rate limit (${API_KEY_RATE_LIMIT.limit})`);
  const created = await insertApiKey(
    { userId: admin.id, partnerId: partner.id, ip: null, userAgent: "bench" },
    { partnerId: partner.id, name, permissions: ["customers.view"], expiresAt: null, createdById: admin.id },
  );
  return created.key;
}

const app = await startBenchApp();

// The floor of any HTTP API: the raw query served as JSON by node:http, no framework, no key.
const bare = createServer(
  baselineHandler(async (request, response) => {
    const after = new URL(request.url ?? "/", "http://x").searchParams.get("deep") ? keysetAfter(deep) : Prisma.empty;
    const rows = await rawPage(after);
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ data: rows.slice(0, 50), nextCursor: null }));
  }),
);
const barePort = await freePort();
await new Promise<void>((resolve) => bare.listen(barePort, "127.0.0.1", resolve));

async function getJson(url: string, key?: string) {
  const response = await fetch(url, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as { data: { id: string }[]; nextCursor: string | null };
}

try {
  const probeKey = await newKey("Bench probe");
  const listUrl = `${app.base}/api/v1/customers/${customer.id}/users`;
  for (let i = 0; ; i++) {
    const response = await fetch(listUrl, { headers: { authorization: `Bearer ${probeKey}` } }).catch(() => null);
    if (response?.status === 200) break;
    if (response && i > 40) throw new Error(`the API answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    if (i > 240) throw new Error("the portal did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const scenarios = [
    { label: "first page", query: "", raw: Prisma.empty, bare: "" },
    { label: "page at user 90,000 (keyset cursor)", query: `?cursor=${deepCursor}`, raw: keysetAfter(deep), bare: "?deep=1" },
  ];
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`\n| scenario | API p50 | p95 | raw SQL p50 | p95 | node:http + raw SQL p50 | p95 | API ÷ raw SQL (p50) | (p95) |`);
  console.log(`|---|---|---|---|---|---|---|---|---|`);
  for (const scenario of scenarios) {
    const key = await newKey(`Bench ${scenario.label}`);
    const api = () => getJson(listUrl + scenario.query, key);
    const raw = () => rawPage(scenario.raw);
    const plain = () => getJson(`http://127.0.0.1:${barePort}/${scenario.bare}`);
    // The API's page is the raw page.
    const apiIds = (await api()).data.map((user) => user.id);
    const rawIds = (await raw()).slice(0, 50).map((row) => row.id);
    if (apiIds.length !== 50 || apiIds.join() !== rawIds.join()) throw new Error(`${scenario.label}: the API's page is not the raw page`);

    const runs = { api, raw, plain };
    const samples: Record<keyof typeof runs, number[]> = { api: [], raw: [], plain: [] };
    for (let i = 0; i < WARM_UPS - 1; i++) for (const run of Object.values(runs)) await run();
    for (let i = 0; i < ITERATIONS; i++) {
      // Interleaved, one of each per iteration: a busy machine slows all three alike.
      for (const [name, run] of Object.entries(runs) as [keyof typeof runs, () => Promise<unknown>][]) {
        const start = performance.now();
        await run();
        samples[name].push(performance.now() - start);
      }
    }
    const [a, r, p] = [samples.api, samples.raw, samples.plain].map((s) => ({ p50: percentile(s, 50), p95: percentile(s, 95) }));
    console.log(
      `| ${scenario.label} | ${ms(a.p50)} | ${ms(a.p95)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(p.p50)} | ${ms(p.p95)} | ${(a.p50 / r.p50).toFixed(1)}× | ${(a.p95 / r.p95).toFixed(1)}× |`,
    );
  }
  console.log(`\nTarget: API ≤ 3× raw SQL (p50), first and deep page. ${ITERATIONS} sequential requests per scenario after ${WARM_UPS} warm-ups, one key per scenario.`);
} finally {
  await app.stop();
  bare.close();
  await db.$disconnect();
  await database.close();
}
