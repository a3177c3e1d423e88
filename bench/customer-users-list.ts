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
import { cursorAfter, customerUsersRawPage, openBenchDatabase, rerunUnderServerCondition, seedCustomerUsers, timeRuns } from "./support.ts";

rerunUnderServerCondition(import.meta.url);

const USERS = 100_000;
const ITERATIONS = 200;

const database = await openBenchDatabase("custusers");

const { db, Prisma } = await import("../lib/db/client.ts");
const { listCustomerUsers, countCustomerUsers } = await import("../lib/customers/customer-users.ts");
const { effectivePermissions } = await import("../lib/auth/permissions.ts");

try {
  const { partner, customer, admin } = await seedCustomerUsers(db, USERS);
  const caller = {
    userId: admin.id, sessionId: randomUUID(), kind: "PARTNER" as const, partnerId: partner.id, partnerName: partner.name,
    role: "partner_admin", permissions: effectivePermissions("partner_admin", []), firstName: "Bench", lastName: "Admin",
    email: admin.email, mustChangePassword: false, ip: null, userAgent: null,
  };

  // A cursor deep in the list: the 90,000th user by name.
  const { row: deep, cursor: deepCursor } = await cursorAfter(db, customer.id, 90_000);

  // The same page in one hand-written query: users and their licensed products.
  const { page: rawPage, keysetAfter } = customerUsersRawPage(db, Prisma, { partnerId: partner.id, customerId: customer.id });
  const afterDeep = keysetAfter(deep);
  const time = (run: () => Promise<unknown>) => timeRuns(run, ITERATIONS);

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
