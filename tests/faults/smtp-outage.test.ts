// SMTP down during 200 invites (DESIGN §6, §12): the invites go through the
// production server (POST /api/v1/users, the same operation as the Team page's
// invite form) while the mail server accepts connections and never answers;
// every invite returns at once (nothing waits on SMTP); when the mail server
// comes back, every email arrives, none twice.
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, freePort } from "../../scripts/support/postgres";
import { cloneTemplate, startTestServer, type TestServer } from "../support/test-database";
import { ensureStandaloneBuild, sleep, startInstance, startSmtp, workerInstanceEnv, type Instance, type Smtp } from "../scale/support";

const SECRET = "faults-tests-secret-0123456789abcdefghijkl";
const INVITES = 200;
// lib/email/transport.ts: nodemailer waits this long for a greeting before giving up.
const SMTP_GREETING_TIMEOUT_MS = 30_000;

let server: TestServer;
let app: Instance;
let smtpPort: number;
let blackhole: Server;
const held = new Set<Socket>();
let smtp: Smtp | undefined;

beforeAll(async () => {
  server = await startTestServer("faults_smtp");
  const dbUrl = databaseUrl(server.serverUrl, await cloneName(server));
  Object.assign(process.env, { DATABASE_URL: dbUrl, AUTH_SECRET: SECRET, OUTBOX_WORKER_ENABLED: "false" });
  ensureStandaloneBuild();

  // "Down" the worst way: the port accepts connections and never says hello, so a send hangs until its timeout.
  smtpPort = await freePort();
  blackhole = createServer((socket) => {
    held.add(socket);
    socket.on("close", () => held.delete(socket));
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => blackhole.listen(smtpPort, "127.0.0.1", resolve));

  app = await startInstance("smtp", workerInstanceEnv(dbUrl, SECRET, smtpPort));
});

async function cloneName(s: TestServer) {
  const name = `${s.templateName}_app`;
  await cloneTemplate(s, name);
  return name;
}

afterAll(async () => {
  app?.process.kill("SIGTERM");
  for (const socket of held) socket.destroy();
  await new Promise<void>((resolve) => (blackhole ? blackhole.close(() => resolve()) : resolve()));
  await smtp?.close();
  await server?.stop();
});

describe("SMTP down during invites", () => {
  it(`${INVITES} invites return at once while SMTP hangs; after it is back every email arrives once`, async () => {
    const [{ createPartner }, { createApiKey }, { CreateApiKeyInput }] = await Promise.all([
      import("../support/factories"),
      import("@/lib/api-keys/keys"),
      import("@/lib/api-keys/schemas"),
    ]);
    const { caller } = await createPartner();
    const { key } = await createApiKey(caller, CreateApiKeyInput.parse({ name: "Faults", permissions: [...caller.permissions] }));
    const tag = caller.partnerId.slice(0, 8);
    const emails = Array.from({ length: INVITES }, (_, i) => `smtp-down.${i}.${tag}@example.test`);

    // One call first: a fresh server loads the route on its first request, which is not what is measured.
    expect((await fetch(`${app.base}/api/v1/users`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    const durations: number[] = [];
    for (let i = 0; i < emails.length; i += 10) {
      await Promise.all(
        emails.slice(i, i + 10).map(async (email, j) => {
          const t0 = performance.now();
          const response = await fetch(`${app.base}/api/v1/users`, {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            body: JSON.stringify({ firstName: "Invitee", lastName: `No ${i + j}`, email, role: "read_only" }),
          });
          durations.push(performance.now() - t0);
          expect(response.status, await response.clone().text()).toBe(201);
        }),
      );
    }
    durations.sort((a, b) => a - b);
    const p95 = durations[Math.floor(durations.length * 0.95)];
    const slowest = durations.at(-1)!;
    console.log(`[faults] ${INVITES} invites while SMTP hangs: p95 ${p95.toFixed(0)} ms, slowest ${slowest.toFixed(0)} ms`);
    // The worker is stuck in a send (a connection is held open) while every invite has long returned.
    expect(held.size, "the outbox worker was trying to send").toBeGreaterThan(0);
    // Waiting on SMTP would take the whole 30 s; a third of it leaves room for a busy machine.
    expect(slowest).toBeLessThan(SMTP_GREETING_TIMEOUT_MS / 3);

    // Nothing reached anyone yet, nothing is lost: every email waits in the outbox.
    const { db } = await import("@/lib/db/client");
    expect(await db.outboxEmail.count({ where: { to: { in: emails }, status: "PENDING" } })).toBe(INVITES);

    // The mail server comes back on the same address (the hung connections drop, as in a restart).
    for (const socket of held) socket.destroy();
    await new Promise<void>((resolve) => blackhole.close(() => resolve()));
    smtp = await startSmtp({ port: smtpPort });
    const cameBack = Date.now();

    const wanted = new Set(emails);
    const ours = () => smtp!.received.filter((message) => message.to.some((to) => wanted.has(to)));
    // Rows whose send failed wait for their first retry (30 s backoff, lib/email/worker.ts).
    const deadline = Date.now() + 75_000;
    while (ours().length < INVITES && Date.now() < deadline) await sleep(250);
    console.log(`[faults] all ${ours().length} delivered ${Date.now() - cameBack} ms after SMTP came back`);
    await sleep(1500); // a few more poll rounds: a duplicate would show now

    const messages = ours();
    expect(messages).toHaveLength(INVITES);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(INVITES);
    expect(new Set(messages.flatMap((m) => m.to))).toEqual(wanted);
    const rows = await db.outboxEmail.groupBy({ by: ["status"], where: { to: { in: emails } }, _count: true });
    expect(rows.map((r) => ({ status: r.status, n: r._count }))).toEqual([{ status: "SENT", n: INVITES }]);
  });
});
