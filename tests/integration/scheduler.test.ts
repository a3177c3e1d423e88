import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { SCHEDULED_JOBS } from "@/lib/jobs/registry";
import { claimJob, runJobIfDue } from "@/lib/jobs/scheduler";
import { createPartner, uniqueEmail } from "../support/factories";
import { captureErrorLogs } from "../support/logs";

const job = (overrides: Partial<Parameters<typeof claimJob>[0]> = {}) => ({
  name: `test-${randomUUID()}`,
  everyMs: 60_000,
  run: async () => {},
  ...overrides,
});

describe("scheduled jobs", () => {
  it("run on one instance at a time, even when many claim at once", async () => {
    const shared = job();
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimJob(shared)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("run at most once per interval, and again once it has passed", async () => {
    let runs = 0;
    const counted = job({ run: async () => void runs++ });
    expect(await runJobIfDue(counted)).toBe(true);
    expect(await runJobIfDue(counted)).toBe(false);
    expect(runs).toBe(1);
    expect(await claimJob(counted, new Date(Date.now() + 61_000))).toBe(true);
  });

  it("release the lease when a run fails, so the next interval runs it", async () => {
    const errors = captureErrorLogs();
    const failing = job({ run: async () => Promise.reject(new Error("boom")) });
    expect(await runJobIfDue(failing)).toBe(true);
    expect(await claimJob(failing, new Date(Date.now() + 61_000))).toBe(true);
    // Logged as an error (the tests' guard sees it), one JSON line naming the job, its outcome and duration.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ job: failing.name, outcome: "failed", durationMs: expect.any(Number), err: { message: "boom" } });
  });

  it("log one line per run, with the job's name, duration and outcome", async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stdout.write);
    const ran = job();
    expect(await runJobIfDue(ran)).toBe(true);
    expect(await runJobIfDue(ran)).toBe(false); // not due: no run, no line
    const runs = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.job === ran.name);
    expect(runs).toEqual([expect.objectContaining({ level: 30, job: ran.name, outcome: "ok", durationMs: expect.any(Number) })]);
  });
});

describe("retention jobs", () => {
  const DAY = 24 * 3600_000;
  const ago = (ms: number) => new Date(Date.now() - ms);
  const runRegistered = async (name: string) => {
    const registered = SCHEDULED_JOBS.find((entry) => entry.name === name);
    expect(registered, `${name} is scheduled`).toBeDefined();
    await registered!.run();
  };

  it("delete outbox rows sent or given up more than 30 days ago, and keep recent and pending ones", async () => {
    const row = (status: "PENDING" | "SENT" | "FAILED", at: Date) => ({
      template: "activation",
      to: uniqueEmail("retention"),
      dedupeKey: `retention:${randomUUID()}`,
      props: {},
      status,
      createdAt: at,
      sentAt: status === "SENT" ? at : null,
    });
    const oldSent = row("SENT", ago(31 * DAY));
    const oldFailed = row("FAILED", ago(31 * DAY));
    const recentSent = row("SENT", ago(2 * DAY));
    const oldPending = row("PENDING", ago(31 * DAY));
    await db.outboxEmail.createMany({ data: [oldSent, oldFailed, recentSent, oldPending] });

    await runRegistered("email.prune-spent-outbox");
    const left = await db.outboxEmail.findMany({ where: { dedupeKey: { startsWith: "retention:" } }, select: { dedupeKey: true } });
    const keys = left.map((r) => r.dedupeKey);
    expect(keys).toEqual(expect.arrayContaining([recentSent.dedupeKey, oldPending.dedupeKey]));
    expect(keys).not.toContain(oldSent.dedupeKey);
    expect(keys).not.toContain(oldFailed.dedupeKey);
  });

  it("delete expired and revoked sessions, and keep live ones", async () => {
    const { admin } = await createPartner();
    const session = (expiresAt: Date, revokedAt: Date | null = null) =>
      db.session.create({ data: { userId: admin.id, sessionVersion: admin.sessionVersion, expiresAt, revokedAt }, select: { id: true } });
    const expired = await session(ago(60_000));
    const revoked = await session(new Date(Date.now() + DAY), ago(60_000));
    const live = await session(new Date(Date.now() + DAY));

    await runRegistered("auth.prune-dead-sessions");
    const left = (await db.session.findMany({ where: { userId: admin.id }, select: { id: true } })).map((s) => s.id);
    expect(left).toEqual([live.id]);
    expect(left).not.toContain(expired.id);
    expect(left).not.toContain(revoked.id);
  });

  it("delete link tokens used or expired more than 30 days ago, and keep live and recently expired ones", async () => {
    const { admin } = await createPartner();
    const token = (expiresAt: Date, usedAt: Date | null = null) =>
      db.userToken.create({
        data: { userId: admin.id, purpose: "PASSWORD_RESET", tokenHash: randomUUID(), expiresAt, usedAt },
        select: { id: true },
      });
    const longExpired = await token(ago(31 * DAY));
    const longUsed = await token(ago(30 * DAY), ago(31 * DAY));
    // Recently expired: an old link can still offer a fresh one (lib/auth/user-tokens.ts).
    const recentlyExpired = await token(ago(DAY));
    const live = await token(new Date(Date.now() + 3600_000));

    await runRegistered("auth.prune-spent-tokens");
    const left = (await db.userToken.findMany({ where: { userId: admin.id }, select: { id: true } })).map((t) => t.id);
    expect(left.sort()).toEqual([recentlyExpired.id, live.id].sort());
    expect(left).not.toContain(longExpired.id);
    expect(left).not.toContain(longUsed.id);
  });
});
