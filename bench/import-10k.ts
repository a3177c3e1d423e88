// Benchmark (DESIGN §12): CSV import of 10,000 customer users with licenses
// (target: under 15 s on a 2-core machine), and 200 concurrent license
// assignments for 50 free seats (target: exactly 50, every time).
//
//   npx tsx bench/import-10k.ts            (npm run bench)
//
// Starts its own embedded Postgres in a temporary folder (or uses the server
// of DATABASE_URL, in a database of its own), applies the migrations and
// calls the same domain functions as the import page.
import { randomUUID } from "node:crypto";
import { openBenchDatabase, rerunUnderServerCondition } from "./support.ts";

rerunUnderServerCondition(import.meta.url);

const ROWS = 10_000;
const RACE_RUNS = 10;

const database = await openBenchDatabase("import");

const { db } = await import("../lib/db/client.ts");
const { checkImport, importCustomerUsers } = await import("../lib/customers/import.ts");
const { bulkLicenses } = await import("../lib/licenses/operations.ts");
const { runOperation } = await import("../lib/operations/run.ts");
const { effectivePermissions } = await import("../lib/auth/permissions.ts");

async function tenant() {
  const partner = await db.partner.create({ data: { name: `Bench ${randomUUID().slice(0, 6)}` } });
  const email = `admin.${randomUUID().slice(0, 8)}@bench.test`;
  const admin = await db.user.create({
    data: { kind: "PARTNER", partnerId: partner.id, firstName: "Bench", lastName: "Admin", email, emailNormalized: email, role: "partner_admin", status: "ACTIVE" },
  });
  const caller = {
    userId: admin.id,
    sessionId: randomUUID(),
    kind: "PARTNER" as const,
    partnerId: partner.id,
    partnerName: partner.name,
    role: admin.role,
    permissions: effectivePermissions(admin.role, []),
    firstName: admin.firstName,
    lastName: admin.lastName,
    email,
    mustChangePassword: false,
    ip: null,
    userAgent: "bench",
  };
  const customer = await db.customer.create({ data: { partnerId: partner.id, type: "COMPANY", name: "Bench Co", contactEmail: "it@bench.test" } });
  return { caller, customer };
}

try {
  // 1. Import: 10,000 users, each with two licenses.
  const { caller, customer } = await tenant();
  const codes = [`BENCH-A-${randomUUID().slice(0, 6)}`, `BENCH-B-${randomUUID().slice(0, 6)}`];
  for (const code of codes) {
    const product = await db.product.create({ data: { code, name: code, description: "Benchmark product" } });
    await db.subscription.create({ data: { partnerId: caller.partnerId, customerId: customer.id, productId: product.id, purchased: ROWS } });
  }
  const lines = ["First name;Last name;Email;Phone;Licenses"];
  for (let i = 0; i < ROWS; i++) lines.push(`User;Number ${i};user.${i}@bench-import.test;+44 20 7946 0${String(i % 1000).padStart(3, "0")};${codes.join("|")}`);
  const csv = `\uFEFF${lines.join("\r\n")}\r\n`;

  const t0 = performance.now();
  const check = await checkImport(caller, customer.id, csv);
  const t1 = performance.now();
  const { credentials } = await importCustomerUsers(caller, customer.id, csv, { validOnly: false });
  const t2 = performance.now();
  if (check.invalidCount !== 0 || credentials.length !== ROWS) throw new Error(`unexpected result: ${check.invalidCount} invalid, ${credentials.length} imported`);
  const assigned = await db.licenseAssignment.count({ where: { user: { customerId: customer.id } } });
  console.log(`[import] ${ROWS.toLocaleString("en")} users with ${assigned.toLocaleString("en")} licenses (${(csv.length / 1024).toFixed(0)} KiB file)`);
  console.log(`[import] dry run (Check file): ${((t1 - t0) / 1000).toFixed(2)} s`);
  console.log(`[import] import (validates again, then writes): ${((t2 - t1) / 1000).toFixed(2)} s`);
  console.log(`[import] total, check + import: ${((t2 - t0) / 1000).toFixed(2)} s (target < 15 s)`);

  // 2. Race: 200 concurrent assignments for 50 free seats, several times.
  const outcomes: number[] = [];
  for (let run = 0; run < RACE_RUNS; run++) {
    const race = await tenant();
    const product = await db.product.create({ data: { code: `RACE-${randomUUID().slice(0, 8)}`, name: "Race", description: "Race" } });
    const subscription = await db.subscription.create({ data: { partnerId: race.caller.partnerId, customerId: race.customer.id, productId: product.id, purchased: 50 } });
    const users = await db.user.createManyAndReturn({
      data: Array.from({ length: 200 }, (_, i) => {
        const email = `racer.${i}.${randomUUID().slice(0, 8)}@bench.test`;
        return { kind: "CUSTOMER" as const, partnerId: race.caller.partnerId, customerId: race.customer.id, firstName: "Racer", lastName: String(i), email, emailNormalized: email, status: "ACTIVE" as const };
      }),
      select: { id: true },
    });
    // Each one the API's assignment (POST /customers/{id}/licenses/bulk with one item), as production runs it.
    const results = await Promise.all(
      users.map((user) => runOperation(bulkLicenses, { customerId: race.customer.id, assign: [{ userId: user.id, productCode: product.code }] }, race.caller)),
    );
    const won = results.filter((r) => r.assign[0].result === "assigned").length;
    const saved = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    if (saved.assigned !== won) throw new Error(`assigned ${saved.assigned} but ${won} reported`);
    outcomes.push(won);
  }
  console.log(`[race] 200 concurrent assignments for 50 seats, ${RACE_RUNS} runs: succeeded ${outcomes.join(", ")}`);
} finally {
  await db.$disconnect();
  await database.close();
}
