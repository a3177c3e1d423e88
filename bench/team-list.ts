// Benchmark (DESIGN §12): the team list with 100,000 users in one tenant,
// searched and paginated. Target: server time ≤ 3× the raw SQL for the same
// page, p95 under 50 ms.
//
//   npx tsx bench/team-list.ts
//
// Starts its own embedded Postgres in a temporary folder (or uses the server
// of DATABASE_URL, in a database of its own), applies the migrations, writes
// 100,000 team members of one partner and times `listTeamPage` (what /team
// calls) against one hand-written SQL query returning the same page.
import { randomUUID } from "node:crypto";
import { openBenchDatabase, rerunUnderServerCondition, timeRuns } from "./support.ts";

rerunUnderServerCondition(import.meta.url);

const USERS = 100_000;
const ITERATIONS = 200;

const database = await openBenchDatabase("team");

const { db, Prisma } = await import("../lib/db/client.ts");
const { listTeamPage } = await import("../lib/team/queries.ts");
const { effectivePermissions } = await import("../lib/auth/permissions.ts");

try {
  const partner = await db.partner.create({ data: { name: "Bench Partner" } });
  const t0 = performance.now();
  // Realistic spread: 2,000 last names × 500 first names, a few statuses and roles.
  await db.$executeRaw`
    INSERT INTO "User" ("id", "kind", "partnerId", "firstName", "lastName", "email", "emailNormalized", "status", "role", "updatedAt", "lastSignInAt")
    SELECT gen_random_uuid(), 'PARTNER', ${partner.id}::uuid,
           'First' || (n % 500), 'Last' || lpad((n % 2000)::text, 4, '0'),
           'member' || n || '@bench.test', 'member' || n || '@bench.test',
           (CASE WHEN n % 10 = 0 THEN 'INVITED' WHEN n % 25 = 0 THEN 'DISABLED' ELSE 'ACTIVE' END)::"UserStatus",
           (CASE WHEN n % 4 = 0 THEN 'sales' WHEN n % 4 = 1 THEN 'read_only' ELSE 'account_executive' END),
           now(),
           -- Four in five have signed in, at times spread over a year (to the millisecond, as the column holds).
           CASE WHEN n % 5 = 0 THEN NULL ELSE date_trunc('milliseconds', now() - (((n * 7919) % 31536000) || ' seconds')::interval) END
    FROM generate_series(1, ${USERS}) AS n`;
  await db.$executeRawUnsafe('ANALYZE "User"');
  console.log(`[setup] ${USERS.toLocaleString("en")} team members of one partner written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const admin = await db.user.create({
    data: { kind: "PARTNER", partnerId: partner.id, firstName: "Bench", lastName: "Admin", email: "admin@bench.test", emailNormalized: "admin@bench.test", role: "partner_admin", status: "ACTIVE" },
  });
  const caller = {
    userId: admin.id, sessionId: randomUUID(), kind: "PARTNER" as const, partnerId: partner.id, partnerName: partner.name,
    role: "partner_admin", permissions: effectivePermissions("partner_admin", []), firstName: "Bench", lastName: "Admin",
    email: admin.email, mustChangePassword: false, ip: null, userAgent: null,
  };

  // A cursor deep in the list: the 40,000th member by name.
  const [deep] = await db.$queryRaw<{ lastName: string; firstName: string; id: string }[]>`
    SELECT "lastName", "firstName", "id" FROM "User" WHERE "partnerId" = ${partner.id}::uuid AND "kind" = 'PARTNER' AND "deletedAt" IS NULL
    ORDER BY "lastName", "firstName", "id" OFFSET 40000 LIMIT 1`;
  const deepCursor = Buffer.from(JSON.stringify({ l: deep.lastName, f: deep.firstName, s: null, i: deep.id })).toString("base64url");

  // Deep in the last-sign-in order: the 40,000th member (signed in), and the 90,000th (past everyone who has).
  const bySignIn = (offset: number) => db.$queryRaw<{ lastSignInAt: Date | null; id: string }[]>`
    SELECT "lastSignInAt", "id" FROM "User" WHERE "partnerId" = ${partner.id}::uuid AND "kind" = 'PARTNER' AND "deletedAt" IS NULL
    ORDER BY "lastSignInAt" DESC NULLS LAST, "id" DESC OFFSET ${offset} LIMIT 1`;
  const [signInDeep] = await bySignIn(40000);
  const [neverDeep] = await bySignIn(90000);
  const signInCursor = (row: { lastSignInAt: Date | null; id: string }) =>
    Buffer.from(JSON.stringify({ l: "", f: "", s: row.lastSignInAt?.toISOString() ?? null, i: row.id })).toString("base64url");

  // The same page in one hand-written query: members, their manager, their newest unused activation link.
  const rawPage = (where: ReturnType<typeof Prisma.sql>, order: ReturnType<typeof Prisma.sql>) => db.$queryRaw`
    SELECT u."id", u."firstName", u."lastName", u."email", u."role", u."permissions", u."status", u."lastSignInAt",
           m."id" AS "managerId", m."firstName" AS "managerFirstName", m."lastName" AS "managerLastName", t."expiresAt"
    FROM "User" u
    LEFT JOIN "User" m ON m."id" = u."managerId"
    LEFT JOIN LATERAL (SELECT "expiresAt" FROM "UserToken" WHERE "userId" = u."id" AND "purpose" = 'ACTIVATION' AND "usedAt" IS NULL
                       ORDER BY "createdAt" DESC LIMIT 1) t ON true
    WHERE u."partnerId" = ${partner.id}::uuid AND u."kind" = 'PARTNER' AND u."deletedAt" IS NULL ${where}
    ORDER BY ${order} LIMIT 51`;
  const byName = Prisma.sql`u."lastName", u."firstName", u."id"`;
  // The raw side is the best single query for the same rows (each of these pages lies within one group: signed in, or not).
  const bySignInOrder = Prisma.sql`u."lastSignInAt" DESC, u."id" DESC`;
  const byIdDesc = Prisma.sql`u."id" DESC`;

  const scenarios: { label: string; filters: Record<string, string>; raw: ReturnType<typeof Prisma.sql>; order?: ReturnType<typeof Prisma.sql> }[] = [
    { label: "first page", filters: {}, raw: Prisma.empty },
    {
      label: "page at member 40,000 (keyset cursor)",
      filters: { after: deepCursor },
      raw: Prisma.sql`AND (u."lastName", u."firstName", u."id") > (${deep.lastName}, ${deep.firstName}, ${deep.id}::uuid)`,
    },
    { label: "search \"last0042\" (50 matches)", filters: { q: "last0042" }, raw: Prisma.sql`AND u."searchText" LIKE '%last0042%'` },
    { label: "search \"member4242\" (11 matches)", filters: { q: "member4242" }, raw: Prisma.sql`AND u."searchText" LIKE '%member4242%'` },
    {
      label: "status invited + role sales",
      filters: { status: "invited" as const, role: "sales" },
      raw: Prisma.sql`AND u."status" = 'INVITED' AND u."role" = 'sales'`,
    },
    { label: "by last sign-in, first page", filters: { sort: "lastSignIn" }, raw: Prisma.sql`AND u."lastSignInAt" IS NOT NULL`, order: bySignInOrder },
    {
      label: "by last sign-in, at member 40,000",
      filters: { sort: "lastSignIn", after: signInCursor(signInDeep) },
      raw: Prisma.sql`AND u."lastSignInAt" IS NOT NULL AND (u."lastSignInAt", u."id") < (${signInDeep.lastSignInAt}, ${signInDeep.id}::uuid)`,
      order: bySignInOrder,
    },
    {
      label: "by last sign-in, at member 90,000 (never signed in)",
      filters: { sort: "lastSignIn", after: signInCursor(neverDeep) },
      raw: Prisma.sql`AND u."lastSignInAt" IS NULL AND u."id" < ${neverDeep.id}::uuid`,
      order: byIdDesc,
    },
  ];

  const time = (run: () => Promise<unknown>) => timeRuns(run, ITERATIONS);

  console.log(`\n| scenario | listTeamPage p50 | p95 | raw SQL p50 | p95 | ratio (p50) |`);
  console.log(`|---|---|---|---|---|---|`);
  for (const scenario of scenarios) {
    const [appRows, rawRows] = [(await listTeamPage(caller, scenario.filters)).members, (await rawPage(scenario.raw, scenario.order ?? byName)) as { id: string }[]];
    if (appRows.map((m) => m.id).join() !== rawRows.slice(0, appRows.length).map((r) => r.id).join()) throw new Error(`${scenario.label}: the app's page is not the raw page`);
    const app = await time(() => listTeamPage(caller, scenario.filters));
    const raw = await time(() => rawPage(scenario.raw, scenario.order ?? byName));
    console.log(
      `| ${scenario.label} | ${app.p50.toFixed(1)} ms | ${app.p95.toFixed(1)} ms | ${raw.p50.toFixed(1)} ms | ${raw.p95.toFixed(1)} ms | ${(app.p50 / raw.p50).toFixed(1)}× |`,
    );
  }
} finally {
  await db.$disconnect();
  await database.close();
}
