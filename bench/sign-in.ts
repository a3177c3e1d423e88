// Benchmark (DESIGN §12): sign-in with argon2id. Reports the milliseconds per
// hash with lib/auth/password.ts' parameters, how many verifications per
// second the machine manages, and sign-in over HTTP with 20 at once. Target:
// no sign-in over 1 s at p99 with 20 concurrent sign-ins.
//
//   npx tsx bench/sign-in.ts          (SKIP_BUILD=1 reuses .next-bench from bench/page-load.ts)
//
// The HTTP part builds the portal into .next-bench, starts `next start` on its
// own embedded database with 20 partner users, and has 20 clients sign in
// over and over through next-auth's credentials endpoint, as the sign-in form
// does: GET /api/auth/csrf, then POST /api/auth/callback/credentials. Each
// sign-in checks the password with argon2id, creates a session row and an
// audit event, and answers 302 with the session cookie.
import os from "node:os";
import { openBenchDatabase, percentile, rerunUnderServerCondition, startBenchApp } from "./support.ts";

rerunUnderServerCondition(import.meta.url);

const CONCURRENCY = 20;
const SIGN_INS = Number(process.env.SIGN_INS ?? 200);
const PASSWORD = "copper kettle on the stove";

const database = await openBenchDatabase("signin");
const { db } = await import("../lib/db/client.ts");
const { hashPassword, verifyPassword } = await import("../lib/auth/password.ts");

let app: Awaited<ReturnType<typeof startBenchApp>> | null = null;

try {
  // 1. argon2id in this process: one at a time, then as many at once as there are clients.
  const hash = await hashPassword(PASSWORD);
  console.log(`[argon2id] ${hash.split("$").slice(1, 4).join(" $")} — ${os.cpus().length} cores, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? "4 (default)"}`);
  const one: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    await verifyPassword(hash, PASSWORD);
    one.push(performance.now() - start);
  }
  const start = performance.now();
  await Promise.all(Array.from({ length: 100 }, () => verifyPassword(hash, PASSWORD)));
  const perSecond = 100 / ((performance.now() - start) / 1000);
  console.log(`[argon2id] one verification: p50 ${percentile(one, 50).toFixed(1)} ms, p95 ${percentile(one, 95).toFixed(1)} ms; 100 at once: ${perSecond.toFixed(1)} verifications/s`);

  // 2. Over HTTP, through next-auth.
  const partner = await db.partner.create({ data: { name: "Sign-in Partner" } });
  await db.user.createMany({
    data: Array.from({ length: CONCURRENCY }, (_, n) => ({
      kind: "PARTNER" as const, partnerId: partner.id, firstName: "Sign", lastName: `In${n}`, email: `signin${n}@bench.test`,
      emailNormalized: `signin${n}@bench.test`, role: "sales", status: "ACTIVE" as const, passwordHash: hash,
    })),
  });
  app = await startBenchApp();
  const { base } = app;
  for (let i = 0; !(await fetch(`${base}/login`).then((r) => r.ok, () => false)); i++) {
    if (i > 240) throw new Error("the portal did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  async function signIn(n: number) {
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const begin = performance.now();
    const response = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base },
      body: new URLSearchParams({ csrfToken, login: `signin${n % CONCURRENCY}@bench.test`, password: PASSWORD }),
    });
    const ms = performance.now() - begin;
    const signedIn = response.status === 302 && response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="));
    if (!signedIn) throw new Error(`sign-in ${n} answered ${response.status} ${response.headers.get("location")}`);
    return ms;
  }

  await Promise.all(Array.from({ length: CONCURRENCY }, (_, n) => signIn(n))); // warm-up
  const latencies: number[] = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < SIGN_INS) latencies.push(await signIn(next++));
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  console.log(`\n| ${CONCURRENCY} concurrent sign-ins over HTTP, ${SIGN_INS} in all | value |`);
  console.log(`|---|---|`);
  console.log(`| sign-ins per second | ${(SIGN_INS / seconds).toFixed(1)} |`);
  for (const p of [50, 95, 99]) console.log(`| POST latency p${p} | ${percentile(latencies, p).toFixed(0)} ms |`);
  console.log(`| slowest | ${Math.max(...latencies).toFixed(0)} ms |`);
  console.log(`\np99 ${percentile(latencies, 99) <= 1000 ? "within" : "OVER"} the 1 s target.`);
} finally {
  await app?.stop();
  await db.$disconnect();
  await database.close();
}
