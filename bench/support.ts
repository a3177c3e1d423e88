// What every benchmark needs before it can call the domain functions.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "../scripts/support/migrations.ts";
import { dropDatabase, ensureDatabase, freePort, startPostgres } from "../scripts/support/postgres.ts";

/**
 * lib/ modules are marked "server-only", which only loads under React's
 * server condition: re-runs the calling benchmark under it (and exits with
 * its status). Call first, before importing anything from lib/.
 */
export function rerunUnderServerCondition(moduleUrl: string) {
  if (process.env.BENCH_CHILD) return;
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", fileURLToPath(moduleUrl)], {
    stdio: "inherit",
    env: { ...process.env, BENCH_CHILD: "1" },
  });
  process.exit(result.status ?? 1);
}

/**
 * A migrated database of the benchmark's own: on an embedded server in a
 * temporary folder, or on DATABASE_URL's server. Points the app's client at it.
 */
export async function openBenchDatabase(label: string) {
  const dataRoot = process.env.DATABASE_URL ? null : mkdtempSync(path.join(tmpdir(), "pp-bench-"));
  if (dataRoot) chmodSync(dataRoot, 0o755); // the server may run as the postgres user (when we are root)
  const server = await startPostgres({ dataDir: path.join(dataRoot ?? "", "data"), quiet: true });
  const name = `pp_bench_${label}_${process.pid}`;
  const url = await ensureDatabase(server.serverUrl, name);
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "bench-secret-bench-secret-0123456789abcdef";
  process.env.OUTBOX_WORKER_ENABLED = "false";
  return {
    close: async () => {
      await dropDatabase(server.serverUrl, name).catch(() => {});
      await server.stop();
      if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}

type BenchDb = (typeof import("../lib/db/client.ts"))["db"];
type BenchPrisma = (typeof import("../lib/db/client.ts"))["Prisma"];

/**
 * One partner with one customer of `users` customer users (2,000 last names ×
 * 500 first names, 1 in 25 disabled, about half holding a license of one
 * product), its Partner Admin, and statistics refreshed. What the customer
 * users benchmarks (bench/customer-users-list.ts, bench/api-customer-users.ts) list.
 */
export async function seedCustomerUsers(db: BenchDb, users: number) {
  const partner = await db.partner.create({ data: { name: "Bench Partner" } });
  const customer = await db.customer.create({ data: { partnerId: partner.id, type: "COMPANY", name: "Bench Customer", contactEmail: "c@bench.test" } });
  const product = await db.product.create({ data: { code: `BENCH-${process.pid}`, name: "Bench Product", description: "Bench" } });
  const subscription = await db.subscription.create({
    data: { partnerId: partner.id, customerId: customer.id, productId: product.id, purchased: users, assigned: users / 2 },
  });
  const t0 = performance.now();
  await db.$executeRaw`
    INSERT INTO "User" ("id", "kind", "partnerId", "customerId", "firstName", "lastName", "email", "emailNormalized", "username", "status", "updatedAt")
    SELECT gen_random_uuid(), 'CUSTOMER', ${partner.id}::uuid, ${customer.id}::uuid,
           'First' || (n % 500), 'Last' || lpad((n % 2000)::text, 4, '0'),
           'user' || n || '@bench.test', 'user' || n || '@bench.test', 'user' || n,
           (CASE WHEN n % 25 = 0 THEN 'DISABLED' ELSE 'ACTIVE' END)::"UserStatus", now()
    FROM generate_series(1, ${users}) AS n`;
  await db.$executeRaw`
    INSERT INTO "LicenseAssignment" ("id", "subscriptionId", "userId")
    SELECT gen_random_uuid(), ${subscription.id}::uuid, "id" FROM "User" WHERE "customerId" = ${customer.id}::uuid AND random() < 0.5`;
  await db.$executeRawUnsafe('ANALYZE "User"');
  await db.$executeRawUnsafe('ANALYZE "LicenseAssignment"');
  console.log(`[setup] ${users.toLocaleString("en")} users of one customer written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const admin = await db.user.create({
    data: { kind: "PARTNER", partnerId: partner.id, firstName: "Bench", lastName: "Admin", email: "admin@bench.test", emailNormalized: "admin@bench.test", role: "partner_admin", status: "ACTIVE" },
  });
  await db.partner.update({ where: { id: partner.id }, data: { primaryUserId: admin.id } });
  return { partner, customer, product, subscription, admin };
}

/** The keyset cursor (lib/customers/customer-users.ts) of the page after the `offset`-th user by name, and that user. */
export async function cursorAfter(db: BenchDb, customerId: string, offset: number) {
  const [row] = await db.$queryRaw<{ lastName: string; firstName: string; id: string }[]>`
    SELECT "lastName", "firstName", "id" FROM "User" WHERE "customerId" = ${customerId}::uuid AND "kind" = 'CUSTOMER' AND "deletedAt" IS NULL
    ORDER BY "lastName", "firstName", "id" OFFSET ${offset} LIMIT 1`;
  // Imported here, not above: lib/ is server-only, and this module loads before rerunUnderServerCondition.
  const { encodeCursor } = await import("../lib/lists/name-keyset.ts");
  return { row, cursor: encodeCursor({ l: row.lastName, f: row.firstName, i: row.id }) };
}

/**
 * The baseline of the customer users benchmarks: one hand-written query
 * returning the page (50 users + 1 to know there is a next page, with their
 * licensed products). `where` adds conditions on `u`; `keysetAfter(row)` is the cursor's.
 */
export function customerUsersRawPage(db: BenchDb, Prisma: BenchPrisma, ids: { partnerId: string; customerId: string }) {
  return {
    page: (where: ReturnType<BenchPrisma["sql"]>) => db.$queryRaw<{ id: string }[]>`
      SELECT u."id", u."firstName", u."lastName", u."email", u."username", u."phone", u."status", u."mustChangePassword", u."lastSignInAt",
             COALESCE((SELECT json_agg(json_build_object('id', s."productId", 'code', p."code", 'name', p."name"))
                       FROM "LicenseAssignment" a JOIN "Subscription" s ON s."id" = a."subscriptionId" JOIN "Product" p ON p."id" = s."productId"
                       WHERE a."userId" = u."id"), '[]') AS "products"
      FROM "User" u
      WHERE u."partnerId" = ${ids.partnerId}::uuid AND u."customerId" = ${ids.customerId}::uuid AND u."kind" = 'CUSTOMER' AND u."deletedAt" IS NULL ${where}
      ORDER BY u."lastName", u."firstName", u."id" LIMIT 51`,
    keysetAfter: (row: { lastName: string; firstName: string; id: string }) =>
      Prisma.sql`AND (u."lastName", u."firstName", u."id") > (${row.lastName}, ${row.firstName}, ${row.id}::uuid)`,
  };
}

export const percentile = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))];

/** p50 and p95 (ms) of `iterations` sequential runs after `warmUps` unmeasured ones. */
export async function timeRuns(run: () => Promise<unknown>, iterations: number, warmUps = 10) {
  for (let i = 0; i < warmUps; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/**
 * A node:http handler for an async baseline server: a failed query answers 500 (autocannon counts it as an error)
 * and is printed, instead of becoming an unhandled rejection that kills the benchmark.
 */
export function baselineHandler(handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>) {
  return (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      response.statusCode = 500;
      response.end();
    });
  };
}

/**
 * The portal as production runs it, on the benchmark's database: `next build` into BENCH_DIST_DIR (.next-bench;
 * SKIP_BUILD reuses the last build), then `next start` on a free port of `host` (127.0.0.1), the outbox worker off;
 * `env` adds to the build's and the server's environment. Call after openBenchDatabase (the app inherits its
 * DATABASE_URL); `base` is its address, `pid` its process (whose CPU a benchmark may read), `stop()` ends it.
 */
export async function startBenchApp(options: { env?: Record<string, string>; host?: string } = {}) {
  const host = options.host ?? "127.0.0.1";
  const root = path.resolve(import.meta.dirname, "..");
  const next = path.join(root, "node_modules/.bin/next");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: process.env.BENCH_DIST_DIR ?? ".next-bench",
    NEXT_TELEMETRY_DISABLED: "1",
    OUTBOX_WORKER_ENABLED: "false",
    APP_URL: "http://localhost:3000",
    ...options.env,
  };
  delete env.BENCH_CHILD;
  console.log(process.env.SKIP_BUILD ? "[build] reusing the last build (SKIP_BUILD)" : "[build] next build…");
  if (!process.env.SKIP_BUILD && spawnSync(next, ["build"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] }).status !== 0) {
    throw new Error("next build failed");
  }
  const port = await freePort();
  // CPU_PROF=<folder>: the server runs under `node --cpu-prof` (summarise with bench/cpu-profile-summary.ts).
  const args = ["start", "-H", host, "-p", String(port)];
  const app = process.env.CPU_PROF
    ? spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.CPU_PROF)}`, path.join(root, "node_modules/next/dist/bin/next"), ...args], { cwd: root, env, stdio: "ignore" })
    : spawn(next, args, { cwd: root, env, stdio: "ignore" });
  const exited = new Promise((resolve) => app.once("exit", resolve));
  return {
    base: `http://${host}:${port}`,
    pid: app.pid!,
    async stop() {
      app.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    },
  };
}
