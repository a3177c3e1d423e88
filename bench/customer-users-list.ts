// Benchmark (DESIGN §12): one customer's users list with 100,000 users,
// paged by cursor. Target: server time ≤ 3× the raw SQL for the same page,
// p95 under 50 ms, on the first page and a deep one.
//
//   npx tsx bench/customer-users-list.ts
//
// Starts its own embedded Postgres (or uses DATABASE_URL's server, in a
// database of its own), applies the migrations, writes 100,000 users of one
// customer (half with a license), and times `listCustomerUsers` (what
// /customers/{id}/users and GET /api/v1/customers/{id}/users call) and
// `countCustomerUsers` (the page's capped "1,000+") against one hand-written
// SQL query returning the same page. The offset-and-count query the page used
// before is timed too, for comparison.
import { randomUUID } from "node:crypto";
import { openBenchDatabase, rerunUnderServerCondition } from "./support.ts";

rerunUnderServerCondition(import.meta.url);

const USERS = 100_000;
const ITERATIONS = 200;

const database = await openBenchDatabase("custusers");

const { db, Prisma } = await import("../lib/db/client.ts");
const { listCustomerUsers, countCustomerUsers } = await import("../lib/customers/customer-users.ts");
const { effectivePermissions } = await import("../lib/auth/permissions.ts");

try {
  const partner = await db.partner.create({ data: { name: "Bench Partner" } });
  const customer = await db.customer.create({ data: { partnerId: partner.id, type: "COMPANY", name: "Bench Customer", contactEmail: "c@bench.test" } });
  const product = await db.product.create({ data: { code: `BENCH-${process.pid}`, name: "Bench Product", description: "Bench" } });
  const subscription = await db.subscription.create({
    data: { partnerId: partner.id, customerId: customer.id, productId: product.id, purchased: USERS, assigned: USERS / 2 },
  });
  const t0 = performance.now();
  await db.$executeRaw`
    INSERT INTO "User" ("id", "kind", "partnerId", "customerId", "firstName", "lastName", "email", "emailNormalized", "username", "status", "updatedAt")
    SELECT gen_random_uuid(), 'CUSTOMER', ${partner.id}::uuid, ${customer.id}::uuid,
           'First' || (n % 500), 'Last' || lpad((n % 2000)::text, 4, '0'),
           'user' || n || '@bench.test', 'user' || n || '@bench.test', 'user' || n,
           (CASE WHEN n % 25 = 0 THEN 'DISABLED' ELSE 'ACTIVE' END)::"UserStatus", now()
    FROM generate_series(1, ${USERS}) AS n`;
  await db.$executeRaw`
    INSERT INTO "LicenseAssignment" ("id", "subscriptionId", "userId")
    SELECT gen_random_uuid(), ${subscription.id}::uuid, "id" FROM "User" WHERE "customerId" = ${customer.id}::uuid AND random() < 0.5`;
  await db.$executeRawUnsafe('ANALYZE "User"');
  await db.$executeRawUnsafe('ANALYZE "LicenseAssignment"');
  console.log(`[setup] ${USERS.toLocaleString("en")} users of one customer written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const admin = await db.user.create({
    data: { kind: "PARTNER", partnerId: partner.id, firstName: "Bench", lastName: "Admin", email: "admin@bench.test", emailNormalized: "admin@bench.test", role: "partner_admin", status: "ACTIVE" },
  });
  const caller = {
    userId: admin.id, sessionId: randomUUID(), kind: "PARTNER" as const, partnerId: partner.id, partnerName: partner.name,
    role: "partner_admin", permissions: effectivePermissions("partner_admin", []), firstName: "Bench", lastName: "Admin",
    email: admin.email, mustChangePassword: false, ip: null, userAgent: null,
  };

  // A cursor deep in the list: the 90,000th user by name.
  const [deep] = await db.$queryRaw<{ lastName: string; firstName: string; id: string }[]>`
    SELECT "lastName", "firstName", "id" FROM "User" WHERE "customerId" = ${customer.id}::uuid AND "kind" = 'CUSTOMER' AND "deletedAt" IS NULL
    ORDER BY "lastName", "firstName", "id" OFFSET 90000 LIMIT 1`;
  const deepCursor = Buffer.from(JSON.stringify({ l: deep.lastName, f: deep.firstName, i: deep.id })).toString("base64url");

  // The same page in one hand-written query: users and their licensed products.
  const rawPage = (where: ReturnType<typeof Prisma.sql>) => db.$queryRaw<{ id: string }[]>`
    SELECT u."id", u."firstName", u."lastName", u."email", u."username", u."phone", u."status", u."mustChangePassword", u."lastSignInAt",
           COALESCE((SELECT json_agg(json_build_object('id', s."productId", 'code', p."code", 'name', p."name"))
                     FROM "LicenseAssignment" a JOIN "Subscription" s ON s."id" = a."subscriptionId" JOIN "Product" p ON p."id" = s."productId"
                     WHERE a."userId" = u."id"), '[]') AS "products"
    FROM "User" u
    WHERE u."partnerId" = ${partner.id}::uuid AND u."customerId" = ${customer.id}::uuid AND u."kind" = 'CUSTOMER' AND u."deletedAt" IS NULL ${where}
    ORDER BY u."lastName", u."firstName", u."id" LIMIT 51`;
  const afterDeep = Prisma.sql`AND (u."lastName", u."firstName", u."id") > (${deep.lastName}, ${deep.firstName}, ${deep.id}::uuid)`;

  const percentile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))];
  async function time(run: () => Promise<unknown>) {
    for (let i = 0; i < 10; i++) await run(); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const start = performance.now();
      await run();
      samples.push(performance.now() - start);
    }
    return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  }

  const scenarios = [
    { label: "first page", options: {}, raw: Prisma.empty },
    { label: "page at user 90,000 (keyset cursor)", options: { cursor: deepCursor }, raw: afterDeep },
    { label: "search \"last0042\" (50 matches)", options: { filters: { query: "last0042" } }, raw: Prisma.sql`AND u."searchText" LIKE '%last0042%'` },
    { label: "status disabled", options: { filters: { status: "DISABLED" } }, raw: Prisma.sql`AND u."status" = 'DISABLED'` },
  ];

  console.log(`\n| scenario | listCustomerUsers p50 | p95 | raw SQL p50 | p95 | ratio (p50) |`);
  console.log(`|---|---|---|---|---|---|`);
  for (const scenario of scenarios) {
    const appIds = (await listCustomerUsers(caller, customer.id, scenario.options)).rows.map((u) => u.id);
    const rawIds = (await rawPage(scenario.raw)).slice(0, appIds.length).map((r) => r.id);
    if (appIds.length !== 50 || appIds.join() !== rawIds.join()) throw new Error(`${scenario.label}: the app's page is not the raw page`);
    const app = await time(() => listCustomerUsers(caller, customer.id, scenario.options));
    const raw = await time(() => rawPage(scenario.raw));
    console.log(
      `| ${scenario.label} | ${app.p50.toFixed(1)} ms | ${app.p95.toFixed(1)} ms | ${raw.p50.toFixed(1)} ms | ${raw.p95.toFixed(1)} ms | ${(app.p50 / raw.p50).toFixed(1)}× |`,
    );
  }

  const count = await time(() => countCustomerUsers(caller, customer.id));
  const capped = await countCustomerUsers(caller, customer.id);
  console.log(`\ncountCustomerUsers (capped at ${capped.count.toLocaleString("en")}${capped.capped ? "+" : ""}): p50 ${count.p50.toFixed(1)} ms, p95 ${count.p95.toFixed(1)} ms`);
  // What the page did before: OFFSET paging and an exact count.
  const where = Prisma.sql`"partnerId" = ${partner.id}::uuid AND "customerId" = ${customer.id}::uuid AND "kind" = 'CUSTOMER' AND "deletedAt" IS NULL`;
  const offsetPage = await time(() => db.$queryRaw`SELECT "id" FROM "User" WHERE ${where} ORDER BY "lastName", "firstName", "id" OFFSET 90000 LIMIT 50`);
  const exactCount = await time(() => db.$queryRaw`SELECT count(*) FROM "User" WHERE ${where}`);
  console.log(`before (for comparison): OFFSET 90,000 page p50 ${offsetPage.p50.toFixed(1)} ms, p95 ${offsetPage.p95.toFixed(1)} ms; exact count p50 ${exactCount.p50.toFixed(1)} ms, p95 ${exactCount.p95.toFixed(1)} ms`);
} finally {
  await db.$disconnect();
  await database.close();
}
