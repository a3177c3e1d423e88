// PostgreSQL restarted while the portal runs (DESIGN §11, §12): while it is
// down, pages answer a friendly 503 page and /api/* a 503 problem+json (not a
// 500); the outbox worker and the scheduler log and carry on (no unhandled
// rejection ends the process); once it is back, the same process serves the
// same session again and delivers mail: no restart of the portal.
// Also measured here: the instance's peak memory under load (docs/benchmarks.md).
// @ts-expect-error autocannon ships no types; the one call below is all we use.
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ensureStandaloneBuild,
  getPage,
  migratedDatabase,
  peakRssMb,
  signIn,
  sleep,
  startInstance,
  workerInstanceEnv,
  startRestartablePostgres,
  startSmtp,
  type Instance,
  type RestartablePostgres,
  type Smtp,
} from "../scale/support";

// The scheduler's JSON error line (lib/jobs/scheduler.ts) when a tick meets no database.
const SCHEDULER_FAILED = /"msg":"(Scheduler could not claim a job|Scheduled job failed)"/;
const SECRET = "faults-tests-secret-0123456789abcdefghijkl";
// lib/jobs/scheduler.ts: the first tick is 5 s after the server starts.
const FIRST_SCHEDULER_TICK_MS = 5_000;

let postgres: RestartablePostgres;
let smtp: Smtp;
let app: Instance;
let spawnedAt = 0;
let appEnv: () => Record<string, string>;

beforeAll(async () => {
  postgres = await startRestartablePostgres("faults_pg");
  const dbUrl = await migratedDatabase(postgres.serverUrl, "portal");
  Object.assign(process.env, { DATABASE_URL: dbUrl, AUTH_SECRET: SECRET, OUTBOX_WORKER_ENABLED: "false" });
  smtp = await startSmtp();
  ensureStandaloneBuild();
  appEnv = () => workerInstanceEnv(dbUrl, SECRET, smtp.port);
  app = await startInstance("pg", appEnv());
});

afterAll(async () => {
  app?.process.kill("SIGTERM");
  await smtp?.close();
  await postgres?.destroy();
});

const api = (path: string, key: string, init: RequestInit = {}) =>
  fetch(`${app.base}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers } });

describe("PostgreSQL restarted while the portal runs", () => {
  it("503 page and problem while it is down; the same process recovers by itself", async () => {
    const [{ createPartner, createPartnerUser, TEST_PASSWORD }, { createApiKey }, { CreateApiKeyInput }] = await Promise.all([
      import("../support/factories"),
      import("@/lib/api-keys/keys"),
      import("@/lib/api-keys/schemas"),
    ]);
    const { partner, admin, caller } = await createPartner();
    await createPartnerUser(partner.id, { firstName: "Olga", lastName: "Outage", role: "read_only" });
    const { key } = await createApiKey(caller, CreateApiKeyInput.parse({ name: "Faults", permissions: [...caller.permissions] }));
    const cookie = await signIn(app, admin.email, TEST_PASSWORD);
    expect(cookie).not.toBeNull();
    expect((await getPage(app, "/team", cookie!)).body).toContain("Olga");
    expect((await api("/api/v1/users", key)).status).toBe(200);

    // PostgreSQL goes down (a fast shutdown: connections are terminated) under the running portal.
    await postgres.stop();
    const seen: number[] = [];
    let page: Awaited<ReturnType<typeof getPage>> | undefined;
    let problem: Response | undefined;
    const probe = async () => {
      page = await getPage(app, "/team", cookie!);
      problem = await api("/api/v1/users", key);
      seen.push(page.status, problem.status);
      await sleep(200);
    };
    for (let i = 0; i < 5; i++) await probe();
    // Then the portal is restarted into the outage (a deploy during a failover): its first requests and its
    // scheduler's first tick (5 s after start) meet no database. The session lives in the database, so the
    // same cookie holds afterwards.
    app.process.kill("SIGTERM");
    spawnedAt = Date.now();
    app = await startInstance("pg-2", appEnv(), undefined, { anyAnswer: true });
    const schedulerFailed = () => SCHEDULER_FAILED.test(app.stderr.join(""));
    while ((Date.now() - spawnedAt < FIRST_SCHEDULER_TICK_MS + 2000 || !schedulerFailed()) && Date.now() - spawnedAt < 30_000) await probe();
    console.log(`[faults] while down: ${seen.length} answers, statuses ${[...new Set(seen)].join(", ")}`);
    expect(new Set(seen), "every request during the outage got a 503").toEqual(new Set([503]));
    expect(page!.contentType).toMatch(/text\/html/);
    expect(page!.body).toContain("We'll be right back");
    expect(page!.body).not.toMatch(/error|exception|ECONN/i);
    expect(problem!.headers.get("content-type")).toBe("application/problem+json");
    expect(problem!.headers.get("retry-after")).toBe("10");
    expect(await problem!.json()).toMatchObject({ status: 503, title: "Service unavailable" });
    // The worker polled and the scheduler ticked into the outage, logged it, and the process lives.
    const log = app.stderr.join("");
    expect(log).toMatch(/Outbox delivery pass failed/);
    expect(log).toMatch(SCHEDULER_FAILED);
    expect(app.process.exitCode).toBeNull();
    expect(app.process.signalCode).toBeNull();

    // Back, on the same port. The same process, the same session: pages and the API work again.
    await postgres.start();
    const upAt = Date.now();
    let status = 0;
    while (Date.now() - upAt < 15_000) {
      status = (await getPage(app, "/team", cookie!)).status;
      if (status === 200) break;
      await sleep(100);
    }
    console.log(`[faults] /team answered 200 again ${Date.now() - upAt} ms after PostgreSQL was back`);
    expect(status).toBe(200);
    expect((await getPage(app, "/team", cookie!)).body).toContain("Olga");
    const invited = await api("/api/v1/users", key, {
      method: "POST",
      body: JSON.stringify({ firstName: "After", lastName: "Outage", email: `after.outage.${partner.id.slice(0, 8)}@example.test`, role: "read_only" }),
    });
    expect(invited.status).toBe(201);
    // The worker that failed during the outage delivers again.
    const deadline = Date.now() + 10_000;
    while (!smtp.received.some((m) => m.to.includes(`after.outage.${partner.id.slice(0, 8)}@example.test`)) && Date.now() < deadline) await sleep(100);
    expect(smtp.received.map((m) => m.to).flat()).toContain(`after.outage.${partner.id.slice(0, 8)}@example.test`);
    expect(app.process.exitCode).toBeNull();
  });

  it("peak memory of one instance under load (20 connections, /team signed in, 10 s)", async () => {
    const { createPartner, TEST_PASSWORD } = await import("../support/factories");
    const { admin } = await createPartner();
    const cookie = await signIn(app, admin.email, TEST_PASSWORD);
    const result = await autocannon({ url: `${app.base}/team`, connections: 20, duration: 10, headers: { cookie: cookie! } });
    console.log(
      `[faults] /team under load: ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx, ${result.errors} timeouts; peak RSS ${peakRssMb(app)} MB`,
    );
    // A measurement (docs/benchmarks.md); what must hold is that nothing failed.
    expect(result.non2xx).toBe(0);
  });
});
