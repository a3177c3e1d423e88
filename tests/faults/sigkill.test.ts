// The process killed with SIGKILL (DESIGN §4–6, §12): no shutdown hook runs,
// no buffer is flushed, connections just drop.
// - Mid-import: the 10,000-row CSV import is posted to the production server
//   as the browser posts it (the server action, over HTTP); the kill lands
//   while its transaction is open (a trigger in the test database holds the
//   last statement). After a restart nothing of the file exists, the admin's
//   page shows the customer as before, and importing the file again works.
// - Mid-delivery: the outbox worker is sending N emails to a slow real SMTP
//   server. After a restart every email arrives, and only an email claimed by
//   the killed process and not yet marked sent can arrive twice.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl } from "../../scripts/support/postgres";
import { cloneTemplate, startTestServer, type TestServer } from "../support/test-database";
import {
  ensureStandaloneBuild,
  getPage,
  killHard,
  peakRssMb,
  postServerAction,
  serverActionId,
  signIn,
  sleep,
  startInstance,
  workerInstanceEnv,
  startSmtp,
  type Instance,
  type Smtp,
} from "../scale/support";

const SECRET = "faults-tests-secret-0123456789abcdefghijkl";
const ROWS = 10_000;
const EMAILS = 200;
// lib/email/worker.ts: rows claimed per pass, sent in parallel.
const WORKER_BATCH = 20;

let server: TestServer;
let dbName: string;
let dbUrl: string;
let sql: pg.Client;
let smtp: Smtp;
let app: Instance | undefined;

const appEnv = () => workerInstanceEnv(dbUrl, SECRET, smtp.port);

beforeAll(async () => {
  server = await startTestServer("faults_kill");
  dbName = `${server.templateName}_app`;
  await cloneTemplate(server, dbName);
  dbUrl = databaseUrl(server.serverUrl, dbName);
  Object.assign(process.env, { DATABASE_URL: dbUrl, AUTH_SECRET: SECRET, OUTBOX_WORKER_ENABLED: "false" });
  sql = new pg.Client({ connectionString: dbUrl });
  await sql.connect();
  // A backend whose client vanished mid-statement notices within 200 ms and rolls back (off by default:
  // it would otherwise find out at its next write to the socket).
  await sql.query(`ALTER DATABASE "${dbName}" SET client_connection_check_interval = '200ms'`);
  // Slow enough that a kill lands while sends are in flight.
  smtp = await startSmtp({ delayMs: 50 });
  ensureStandaloneBuild();
});

afterAll(async () => {
  app?.process.kill("SIGTERM");
  await sql?.end();
  await smtp?.close();
  await server?.stop();
});

async function count(query: string, params: unknown[] = []) {
  return (await sql.query<{ n: number }>(query, params)).rows[0].n;
}

describe("SIGKILL mid-import", () => {
  it(`a ${ROWS.toLocaleString("en")}-row import killed mid-transaction leaves nothing behind; importing again works`, async () => {
    const [{ createPartner, TEST_PASSWORD }, { createCustomerWithSubscription }] = await Promise.all([
      import("../support/factories"),
      import("../support/customer-factories"),
    ]);
    const { partner, admin } = await createPartner();
    const { customer, product, subscription } = await createCustomerWithSubscription(partner.id, ROWS);
    const csv = ["First name,Last name,Email,Phone,Licenses"]
      .concat(Array.from({ length: ROWS }, (_, i) => `Kim,Crashtest${i},kim.crashtest.${i}.${customer.id.slice(0, 8)}@example.test,,${product.code}`))
      .join("\r\n");
    const usersPage = `/customers/${customer.id}/users`;
    const action = serverActionId("lib/customers/actions.ts", "importCustomerUsersAction");
    const postImport = (instance: Instance, cookie: string) =>
      postServerAction(instance, `${usersPage}/import`, action, cookie, {
        customerId: customer.id,
        intent: "import",
        file: new File([csv], "users.csv", { type: "text/csv" }),
      });
    const customerUsers = () => count(`SELECT count(*)::int AS n FROM "User" WHERE "customerId" = $1`, [customer.id]);
    const state = async () => ({
      users: await customerUsers(),
      allCustomerUsers: await count(`SELECT count(*)::int AS n FROM "User" WHERE kind = 'CUSTOMER'`),
      assignments: await count(`SELECT count(*)::int AS n FROM "LicenseAssignment" WHERE "subscriptionId" = $1`, [subscription.id]),
      seatsTaken: await count(`SELECT assigned AS n FROM "Subscription" WHERE id = $1`, [subscription.id]),
      audited: await count(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'customer_user.imported' AND "partnerId" = $1`, [partner.id]),
    });
    const before = await state();
    expect(before).toEqual({ users: 0, allCustomerUsers: before.allCustomerUsers, assignments: 0, seatsTaken: 0, audited: 0 });

    // Holds the import's last statement (its audit events), after the users and licenses were written in the same transaction.
    await sql.query(`
      CREATE FUNCTION faults_stall() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(300); RETURN NEW; END $$;
      CREATE TRIGGER faults_stall BEFORE INSERT ON "AuditEvent" FOR EACH ROW
        WHEN (NEW.action = 'customer_user.imported') EXECUTE FUNCTION faults_stall();`);

    app = await startInstance("import", appEnv());
    const cookie = await signIn(app, admin.email, TEST_PASSWORD);
    expect(cookie, "the admin signed in").not.toBeNull();

    const t0 = Date.now();
    const inFlight = postImport(app, cookie!).then(
      async (response) => `answered ${response.status}: ${(await response.text()).slice(0, 600)}`,
      () => "connection dropped",
    );
    const stalled = () => count(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event = 'PgSleep'`, [dbName]);
    while ((await stalled()) === 0) {
      if (Date.now() - t0 > 90_000) throw new Error(`the import never reached its last statement (${await Promise.race([inFlight, sleep(0)])})`);
      await sleep(100);
    }
    // The users and their licenses are written, uncommitted: now the process dies.
    await killHard(app);
    console.log(`[faults] import killed ${Date.now() - t0} ms after it was posted; the browser saw: ${await inFlight}`);

    // Postgres notices the dead client and rolls the transaction back.
    for (let i = 0; i < 50 && (await stalled()) > 0; i++) await sleep(100);
    expect(await stalled(), "the import's transaction ended").toBe(0);
    expect(await state(), "nothing of the file was written").toEqual(before);

    // The portal comes back; the admin's session still works and the customer shows no imported user.
    app = await startInstance("import-restarted", appEnv());
    const page = await getPage(app, usersPage, cookie!);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain("Crashtest");

    // Importing the same file again works, and writes all of it.
    await sql.query(`DROP TRIGGER faults_stall ON "AuditEvent"; DROP FUNCTION faults_stall();`);
    const t1 = Date.now();
    const again = await postImport(app, cookie!);
    expect(again.status).toBe(200);
    await again.text();
    console.log(`[faults] the re-run imported ${ROWS} rows in ${Date.now() - t1} ms; peak RSS of the instance ${peakRssMb(app)} MB`);
    expect(await state()).toEqual({
      users: ROWS,
      allCustomerUsers: before.allCustomerUsers + ROWS,
      assignments: ROWS,
      seatsTaken: ROWS,
      audited: ROWS,
    });
    const after = await getPage(app, usersPage, cookie!);
    expect(after.body).toContain("Crashtest");
    await killHard(app);
    app = undefined;
  });
});

describe("SIGKILL mid-delivery", () => {
  it(`the outbox worker killed while sending ${EMAILS} emails: after a restart every one arrives, only in-flight ones twice`, async () => {
    const [{ createPartner }, { inviteTeamMember }, { InviteUserInput }] = await Promise.all([
      import("../support/factories"),
      import("@/lib/team/invite"),
      import("@/lib/team/schemas"),
    ]);
    const { caller } = await createPartner();
    const emails = Array.from({ length: EMAILS }, (_, i) => `kill-delivery.${i}.${caller.partnerId.slice(0, 8)}@example.test`);
    // Queued while no server runs (the test process doesn't deliver): the next server finds them all due.
    for (let i = 0; i < emails.length; i += 5) {
      await Promise.all(
        emails.slice(i, i + 5).map((email, j) =>
          inviteTeamMember(caller, InviteUserInput.parse({ firstName: "Queued", lastName: `No ${i + j}`, email, role: "read_only" })),
        ),
      );
    }
    const wanted = new Set(emails);
    const ours = () => smtp.received.filter((message) => message.to.some((to) => wanted.has(to)));

    app = await startInstance("delivery", appEnv());
    const t0 = Date.now();
    while (ours().length < EMAILS / 3) {
      if (Date.now() - t0 > 60_000) throw new Error(`only ${ours().length} delivered`);
      await sleep(5);
    }
    await killHard(app);
    const deliveredBeforeKill = ours().length;
    // What the dead process held: claimed (leased), not marked sent.
    const { rows: claimed } = await sql.query<{ to: string }>(
      `SELECT "to" FROM "OutboxEmail" WHERE "to" = ANY($1) AND status = 'PENDING' AND "lockedUntil" > now()`,
      [emails],
    );
    console.log(`[faults] killed after ${deliveredBeforeKill} of ${EMAILS} delivered; ${claimed.length} claimed and not marked sent`);
    expect(claimed.length).toBeGreaterThan(0); // the kill did land mid-pass
    expect(claimed.length).toBeLessThanOrEqual(WORKER_BATCH);

    // Restarted. A claim's lease (10 minutes) keeps another instance off rows that may still be sending;
    // the dead process's leases running out is simulated by moving them into the past.
    app = await startInstance("delivery-restarted", appEnv());
    await sql.query(`UPDATE "OutboxEmail" SET "lockedUntil" = now() - interval '1 second' WHERE "to" = ANY($1) AND status = 'PENDING'`, [emails]);
    const deadline = Date.now() + 60_000;
    while (new Set(ours().flatMap((m) => m.to)).size < EMAILS && Date.now() < deadline) await sleep(100);
    await sleep(1500); // a few more poll rounds: another duplicate would show now

    const messages = ours();
    const perRecipient = new Map<string, number>();
    for (const message of messages) for (const to of message.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    const twice = [...perRecipient].filter(([, n]) => n > 1).map(([to]) => to);
    console.log(`[faults] after the restart: ${perRecipient.size} of ${EMAILS} recipients got their email, ${twice.length} twice`);
    expect([...perRecipient.keys()].sort(), "every email arrived").toEqual([...wanted].sort());
    expect(Math.max(...perRecipient.values()), "no email arrived three times").toBeLessThanOrEqual(2);
    // Only an email the killed process had claimed can arrive twice.
    const claimedSet = new Set(claimed.map((row) => row.to));
    expect(twice.filter((to) => !claimedSet.has(to)), "a duplicate of an email that was not in flight").toEqual([]);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(messages.length);
    expect(await count(`SELECT count(*)::int AS n FROM "OutboxEmail" WHERE "to" = ANY($1) AND status = 'SENT'`, [emails])).toBe(EMAILS);
  });
});
