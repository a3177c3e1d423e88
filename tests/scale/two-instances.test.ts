// Two instances, one database (DESIGN §11, §12): two standalone servers
// (`node <dist>/standalone/server.js`, the production build) on one Postgres,
// delivering to one real SMTP server. Nothing may live in a process: a
// session, a permission change, a lockout count, an email and a scheduled
// job must each behave as if there were one server.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, freePort } from "../../scripts/support/postgres";
import { cloneTemplate, startTestServer, type TestServer } from "../support/test-database";
import { ensureStandaloneBuild, getPage, signIn, sleep, startInstance, startSmtp, workerInstanceEnv, type Instance, type Smtp } from "./support";

const SECRET = "scale-tests-secret-0123456789abcdefghijkl";
const INVITES = 500;
// lib/jobs/scheduler.ts: each instance checks every job once a minute.
const TICK_MS = 60_000;

let server: TestServer;
let dbUrl: string;
let sql: pg.Client;
let smtp: Smtp;
const instances: Instance[] = [];
let jobs: { name: string; everyMs: number }[] = [];
let claimsAtRewind = 0;
let rewoundAt = 0;

type Claim = { name: string; previous: Date | null; claimedAt: Date };
/** Every claim of a scheduled job so far, in order, as the trigger below logged them. */
async function jobClaims() {
  return (await sql.query<Claim>(`SELECT "name", "previous", "claimedAt" FROM scale_job_claims ORDER BY "seq"`)).rows;
}
const claimedJobs = (claims: Claim[]) => new Set(claims.map((claim) => claim.name));
/** No job ran again before its period had passed since its previous run, whichever instance ran it. */
function expectOncePerPeriod(claims: Claim[]) {
  for (const claim of claims) {
    const job = jobs.find((j) => j.name === claim.name);
    if (!job || !claim.previous) continue;
    expect(claim.claimedAt.getTime() - claim.previous.getTime(), `${claim.name} ran twice in one period`).toBeGreaterThanOrEqual(job.everyMs);
  }
}

// The test process calls the domain layer on the same database (factories, invites).
async function lib() {
  const [factories, invite, schemas, manage] = await Promise.all([
    import("../support/factories"),
    import("@/lib/team/invite"),
    import("@/lib/team/schemas"),
    import("@/lib/team/manage"),
  ]);
  return { ...factories, ...invite, ...schemas, ...manage };
}

beforeAll(async () => {
  server = await startTestServer("scale");
  const name = `${server.templateName}_app`;
  await cloneTemplate(server, name);
  dbUrl = databaseUrl(server.serverUrl, name);
  Object.assign(process.env, { DATABASE_URL: dbUrl, AUTH_SECRET: SECRET, OUTBOX_WORKER_ENABLED: "false" });

  sql = new pg.Client({ connectionString: dbUrl });
  await sql.connect();
  // Observes every claim of a scheduled job (a JobLease row taking a new lastRunAt under a lease).
  await sql.query(`
    CREATE TABLE scale_job_claims ("seq" bigserial, "name" text NOT NULL, "previous" timestamptz, "claimedAt" timestamptz NOT NULL);
    CREATE FUNCTION scale_log_claim() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      -- A claim takes a lease and moves lastRunAt forward (the test's rewind moves it back).
      IF NEW."lockedUntil" IS NOT NULL AND (TG_OP = 'INSERT' OR NEW."lastRunAt" > OLD."lastRunAt") THEN
        INSERT INTO scale_job_claims ("name", "previous", "claimedAt")
        VALUES (NEW."name", CASE WHEN TG_OP = 'UPDATE' THEN OLD."lastRunAt" END, NEW."lastRunAt");
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER scale_log_claim AFTER INSERT OR UPDATE ON "JobLease" FOR EACH ROW EXECUTE FUNCTION scale_log_claim();`);

  smtp = await startSmtp();
  ensureStandaloneBuild();

  const ports = [await freePort(), await freePort()];
  const env = (port: number) => ({ ...workerInstanceEnv(dbUrl, SECRET, smtp.port, `http://127.0.0.1:${ports[0]}`), PORT: String(port) });
  instances.push(...(await Promise.all(ports.map((port, index) => startInstance(index === 0 ? "A" : "B", env(port), port)))));
});

afterAll(async () => {
  for (const instance of instances) instance.process.kill("SIGTERM");
  await sql?.end();
  await smtp?.close();
  await server?.stop();
});

const [A, B] = [() => instances[0], () => instances[1]];

describe("two standalone instances on one database", () => {
  it("each scheduled job runs once per period across both instances", async () => {
    const { SCHEDULED_JOBS } = await import("@/lib/jobs/registry");
    jobs = SCHEDULED_JOBS.map((job) => ({ name: job.name, everyMs: job.everyMs }));
    // Both instances' first tick (5 s after start) finds every job due; one of them claims it.
    const deadline = Date.now() + 60_000;
    while (claimedJobs(await jobClaims()).size < jobs.length && Date.now() < deadline) await sleep(500);
    await sleep(3000);
    const claims = await jobClaims();
    expect([...claimedJobs(claims)].sort()).toEqual(jobs.map((job) => job.name).sort());
    for (const job of jobs) expect(claims.filter((c) => c.name === job.name && c.previous === null), job.name).toHaveLength(1);
    expectOncePerPeriod(claims);
    // A period passes for every job (moved back in time); the last test sees the next ticks.
    await sql.query(`UPDATE "JobLease" SET "lastRunAt" = "lastRunAt" - interval '1 day'`);
    claimsAtRewind = claims.length;
    rewoundAt = Date.now();
  });

  it("a session opened on one instance works on the other", async () => {
    const { createPartner, createPartnerUser, TEST_PASSWORD } = await lib();
    const { partner, admin } = await createPartner();
    await createPartnerUser(partner.id, { firstName: "Bruno", lastName: "Builder", role: "read_only" });

    const cookie = await signIn(A(), admin.email, TEST_PASSWORD);
    expect(cookie, "signed in on A").not.toBeNull();
    const onB = await getPage(B(), "/team", cookie!);
    expect(onB.status).toBe(200);
    expect(onB.body).toContain("Bruno");
    // And without the cookie B sends a stranger to sign in.
    expect((await getPage(B(), "/team", "")).status).toBe(307);
  });

  it("a permission change reaches the member's session on the other instance at its next request", async () => {
    const { createPartner, createPartnerUser, TEST_PASSWORD, updateTeamMember, EditUserInput } = await lib();
    const { partner, caller } = await createPartner();
    const member = await createPartnerUser(partner.id, { firstName: "Rita", lastName: "Reader", role: "read_only" });

    const cookie = await signIn(A(), member.email, TEST_PASSWORD);
    expect(cookie).not.toBeNull();
    expect((await getPage(B(), "/team", cookie!)).status).toBe(200);

    // The admin takes the team away (users.view): customers only. Served by neither instance's memory.
    await updateTeamMember(
      caller,
      EditUserInput.parse({ userId: member.id, firstName: "Rita", lastName: "Reader", role: "", permissions: ["customers.view"], notifications: ["security"] }),
    );
    for (const instance of [B(), A()]) {
      const after = await getPage(instance, "/team", cookie!);
      expect(after.status, `instance ${instance.name} still showed the team`).not.toBe(200);
      expect(after.body).not.toContain("Rita Reader");
    }
  });

  it("failed sign-ins split across both instances lock the account", async () => {
    const { createPartner, createPartnerUser, TEST_PASSWORD } = await lib();
    const { partner } = await createPartner();
    const member = await createPartnerUser(partner.id, { role: "read_only" });

    for (const instance of [A(), B(), A(), B(), A()]) {
      expect(await signIn(instance, member.email, "wrong-password-1234")).toBeNull();
    }
    // Five failures, three on A and two on B: the right password is now refused on both.
    expect(await signIn(B(), member.email, TEST_PASSWORD)).toBeNull();
    expect(await signIn(A(), member.email, TEST_PASSWORD)).toBeNull();
    const { rows } = await sql.query(`SELECT "failedSignIns", "lockedUntil" > now() AS locked FROM "User" WHERE id = $1`, [member.id]);
    expect(rows[0]).toEqual({ failedSignIns: 5, locked: true });
  });

  it(`${INVITES} invites → exactly ${INVITES} emails at the SMTP server, none twice`, async () => {
    const { createPartner, inviteTeamMember, InviteUserInput } = await lib();
    const { caller } = await createPartner();
    const emails = Array.from({ length: INVITES }, (_, i) => `invitee.${i}.${caller.partnerId.slice(0, 8)}@example.test`);
    // Ten at a time, like a busy team; both instances' outbox workers deliver as the rows commit.
    const t0 = Date.now();
    for (let i = 0; i < emails.length; i += 10) {
      await Promise.all(
        emails.slice(i, i + 10).map((email, j) =>
          inviteTeamMember(caller, InviteUserInput.parse({ firstName: "Invitee", lastName: `No ${i + j}`, email, role: "read_only" })),
        ),
      );
    }
    console.log(`[scale] ${INVITES} invites written in ${Date.now() - t0} ms`);
    const wanted = new Set(emails);
    const ours = () => smtp.received.filter((message) => message.to.some((to) => wanted.has(to)));
    const deadline = Date.now() + 90_000;
    while (ours().length < INVITES && Date.now() < deadline) await sleep(250);
    // Two more poll rounds of both workers: a duplicate would show up now.
    console.log(`[scale] ${ours().length} delivered ${Date.now() - t0} ms after the first invite`);
    await sleep(1500);

    const messages = ours();
    expect(messages).toHaveLength(INVITES);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(INVITES);
    expect(new Set(messages.flatMap((m) => m.to))).toEqual(wanted);
    const { rows } = await sql.query(`SELECT status, count(*)::int AS n FROM "OutboxEmail" WHERE "to" = ANY($1) GROUP BY status`, [emails]);
    expect(rows).toEqual([{ status: "SENT", n: INVITES }]);
  });

  it("… and each job runs again, once per period, when its next period is due", async () => {
    expect(rewoundAt, "the first-period test ran").toBeGreaterThan(0);
    // Each instance ticks once a minute: within 60 s of the rewind both have seen every job due.
    await sleep(Math.max(0, rewoundAt + TICK_MS + 10_000 - Date.now()));
    const claims = await jobClaims();
    const after = claims.slice(claimsAtRewind);
    expect([...claimedJobs(after)].sort()).toEqual(jobs.map((job) => job.name).sort());
    // Jobs whose period is longer than the wait ran exactly once more, on one instance.
    for (const job of jobs.filter((j) => j.everyMs > TICK_MS + 10_000)) {
      expect(after.filter((c) => c.name === job.name), job.name).toHaveLength(1);
    }
    expectOncePerPeriod(claims);
  });
});
