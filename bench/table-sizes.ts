// What grows with tenants (docs/deploy.md): fills a scratch database (an
// embedded PostgreSQL in a temporary folder, or DATABASE_URL's server) with
// PARTNERS partners and USERS_PER_PARTNER users each, in realistic rows —
// partner users, customers with customer users holding licenses, orders,
// audit events, sessions, tokens and delivered outbox email — measures
// pg_total_relation_size (table + indexes + TOAST) per table and extrapolates
// linearly to 10,000 partners and 1,000,000 users.
//
//   npx tsx bench/table-sizes.ts                       1,000 partners, 100,000 users
//   PARTNERS=200 USERS_PER_PARTNER=100 npx tsx bench/table-sizes.ts
import pg from "pg";
import { openBenchDatabase } from "./support.ts";

const PARTNERS = Number(process.env.PARTNERS ?? 1000);
const USERS_PER_PARTNER = Number(process.env.USERS_PER_PARTNER ?? 100);
// Of each partner's users: 10 team members; the rest are customer users, 10 per customer.
const TEAM = 10;
const PER_CUSTOMER = 10;
const CUSTOMERS_PER_PARTNER = Math.max(1, Math.floor((USERS_PER_PARTNER - TEAM) / PER_CUSTOMER));
// Per user over its life (a year of use): audit events, live or recent sessions, delivered emails kept until pruned.
const AUDIT_PER_USER = 5;
const SESSIONS_PER_USER = 1;
const OUTBOX_PER_USER = 2;
const TARGET = { partners: 10_000, users: 1_000_000 };
// The vendor's catalog and the job leases don't grow with tenants.
const FIXED = new Set(["Product", "JobLease"]);

const ARGON2 = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + "h".repeat(43);
const HMAC = "a".repeat(64);

const database = await openBenchDatabase("table_sizes");
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const started = Date.now();
const step = async (label: string, text: string) => {
  const t0 = Date.now();
  const result = await client.query(text);
  console.log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
};

try {
  console.log(`Filling: ${PARTNERS} partners × ${USERS_PER_PARTNER} users (${TEAM} team, ${CUSTOMERS_PER_PARTNER} customers × ${PER_CUSTOMER} users)…`);
  await step("products", `INSERT INTO "Product" (id, code, name, description) SELECT gen_random_uuid(), 'PROD-' || i, 'Product ' || i, 'A licensed product of the catalog' FROM generate_series(1, 3) i`);
  await step("partners", `INSERT INTO "Partner" (id, name, "updatedAt") SELECT gen_random_uuid(), 'Partner ' || i || ' Solutions GmbH', now() FROM generate_series(1, ${PARTNERS}) i`);
  await step(
    "team members",
    `INSERT INTO "User" (id, kind, "partnerId", "firstName", "lastName", email, "emailNormalized", "searchText", phone, status, role, "passwordHash", notifications, "lastSignInAt", "updatedAt")
     SELECT gen_random_uuid(), 'PARTNER', p.id, 'Firstname' || n, 'Lastname' || n, 'Team.Member' || n || '.' || left(p.id::text, 8) || '@partner-example.com',
            'team.member' || n || '.' || left(p.id::text, 8) || '@partner-example.com', 'firstname' || n || ' lastname' || n || ' team.member' || n || '@partner-example.com',
            '+4930123456' || lpad(n::text, 2, '0'), 'ACTIVE', CASE WHEN n = 1 THEN 'partner_admin' ELSE 'sales' END, '${ARGON2}', ARRAY['security', 'invitations'], now(), now()
     FROM "Partner" p, generate_series(1, ${TEAM}) n`,
  );
  await step(
    "customers",
    `INSERT INTO "Customer" (id, "partnerId", type, name, "contactEmail", phone, "addressLine1", city, "postalCode", country, "updatedAt")
     SELECT gen_random_uuid(), p.id, 'COMPANY', 'Customer ' || n || ' of ' || p.name, 'office' || n || '@customer-example.com', '+4940987654' || lpad(n::text, 2, '0'),
            'Hauptstraße ' || n, 'Hamburg', '20095', 'DE', now()
     FROM "Partner" p, generate_series(1, ${CUSTOMERS_PER_PARTNER}) n`,
  );
  await step(
    "customer users",
    `INSERT INTO "User" (id, kind, "partnerId", "customerId", "firstName", "lastName", email, "emailNormalized", username, "searchText", status, "passwordHash", "mustChangePassword", "updatedAt")
     SELECT gen_random_uuid(), 'CUSTOMER', c."partnerId", c.id, 'Given' || n, 'Family' || n, 'User' || n || '.' || left(c.id::text, 13) || '@customer-example.com',
            'user' || n || '.' || left(c.id::text, 13) || '@customer-example.com', 'user' || n || '.' || left(c.id::text, 13),
            'given' || n || ' family' || n || ' user' || n || '@customer-example.com', 'ACTIVE', '${HMAC}', true, now()
     FROM "Customer" c, generate_series(1, ${PER_CUSTOMER}) n`,
  );
  await step(
    "subscriptions",
    `INSERT INTO "Subscription" (id, "partnerId", "customerId", "productId", purchased, assigned, "updatedAt")
     SELECT gen_random_uuid(), c."partnerId", c.id, (SELECT id FROM "Product" WHERE code = 'PROD-1'), ${PER_CUSTOMER}, ${PER_CUSTOMER}, now() FROM "Customer" c`,
  );
  await step(
    "orders",
    `INSERT INTO "Order" (id, "partnerId", "customerId") SELECT gen_random_uuid(), c."partnerId", c.id FROM "Customer" c`,
  );
  await step(
    "order lines",
    `INSERT INTO "OrderLine" (id, "orderId", "productId", seats) SELECT gen_random_uuid(), o.id, (SELECT id FROM "Product" WHERE code = 'PROD-1'), ${PER_CUSTOMER} FROM "Order" o`,
  );
  await step(
    "license assignments",
    `INSERT INTO "LicenseAssignment" (id, "subscriptionId", "userId") SELECT gen_random_uuid(), s.id, u.id FROM "User" u JOIN "Subscription" s ON s."customerId" = u."customerId"`,
  );
  await step(
    "audit events",
    `INSERT INTO "AuditEvent" (at, "actorId", "partnerId", action, "targetType", "targetId", changes, ip, "userAgent")
     SELECT now() - (n || ' days')::interval, u.id, u."partnerId", (ARRAY['user.invited', 'user.updated', 'license.assigned', 'user.signed_in', 'user.password_changed'])[n],
            'user', u.id::text, jsonb_build_object('email', u.email, 'role', u.role, 'permissions', jsonb_build_array('customers.view', 'orders.create')),
            '203.0.113.' || (n * 17 % 255), 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'
     FROM "User" u, generate_series(1, ${AUDIT_PER_USER}) n`,
  );
  await step(
    "sessions",
    `INSERT INTO "Session" (id, "userId", "sessionVersion", "expiresAt", ip, "userAgent")
     SELECT gen_random_uuid(), u.id, 0, now() + interval '12 hours', '203.0.113.42', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'
     FROM "User" u, generate_series(1, ${SESSIONS_PER_USER}) n`,
  );
  await step(
    "tokens (one activation link per team member)",
    `INSERT INTO "UserToken" (id, "userId", purpose, "tokenHash", "expiresAt", "usedAt")
     SELECT gen_random_uuid(), u.id, 'ACTIVATION', encode(sha256(u.id::text::bytea), 'hex'), now() + interval '72 hours', now() FROM "User" u WHERE u.kind = 'PARTNER'`,
  );
  await step(
    "outbox (delivered)",
    `INSERT INTO "OutboxEmail" (id, template, "to", props, "dedupeKey", status, attempts, "sentAt")
     SELECT gen_random_uuid(), 'invite', u.email,
            jsonb_build_object('firstName', u."firstName", 'partnerName', 'Partner Solutions GmbH', 'inviterName', 'Firstname1 Lastname1', 'expiresInHours', 72),
            'invite:' || u.id || ':' || n, 'SENT', 1, now()
     FROM "User" u, generate_series(1, ${OUTBOX_PER_USER}) n`,
  );
  await client.query("VACUUM ANALYZE");

  const { rows } = await client.query<{ table: string; rows: string; bytes: string }>(`
    SELECT c.relname AS "table", c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE '\\_prisma%'
    ORDER BY pg_total_relation_size(c.oid) DESC`);
  const users = PARTNERS * (TEAM + CUSTOMERS_PER_PARTNER * PER_CUSTOMER);
  const factor = Math.max(TARGET.partners / PARTNERS, TARGET.users / users);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  let total = 0;
  let projected = 0;
  console.log(`\nMeasured with ${PARTNERS.toLocaleString("en")} partners, ${users.toLocaleString("en")} users; extrapolated ×${factor}:`);
  console.log("| table | rows | MB | bytes/row | MB at 10,000 partners / 1,000,000 users |");
  console.log("|---|---:|---:|---:|---:|");
  for (const row of rows) {
    const bytes = Number(row.bytes);
    const count = Math.max(0, Number(row.rows));
    total += bytes;
    projected += FIXED.has(row.table) ? bytes : bytes * factor;
    if (count === 0 && bytes < 100_000) continue;
    console.log(`| ${row.table} | ${count.toLocaleString("en")} | ${mb(bytes)} | ${count ? Math.round(bytes / count) : "–"} | ${mb(FIXED.has(row.table) ? bytes : bytes * factor)} |`);
  }
  console.log(`| **all tables** | | ${mb(total)} | | ${mb(projected)} |`);
  console.log(`\nFilled and measured in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await client.end();
  await database.close();
}
