import "server-only";
import { db } from "../db/client.ts";
import { log, serializeError } from "../observability/log.ts";

// Periodic jobs (purging deleted users, invitation reminders …) run inside
// every app server process, coordinated through Postgres only (DESIGN §11):
// a job runs on one instance at a time (a lease row in JobLease) and at most
// once per interval across all instances. Jobs must be idempotent anyway:
// a lease can run out while a slow job is still going.

export type ScheduledJob = {
  name: string;
  everyMs: number;
  /** Upper bound of one run; the lease lasts this long. */
  timeoutMs?: number;
  run: () => Promise<unknown>;
};

/** Claims the job if it is due and not running elsewhere; true when this process should run it. */
export async function claimJob(job: ScheduledJob, now = new Date()): Promise<boolean> {
  const leaseMs = job.timeoutMs ?? 5 * 60_000;
  const rows = await db.$queryRaw<{ name: string }[]>`
    INSERT INTO "JobLease" ("name", "lockedUntil", "lastRunAt")
    VALUES (${job.name}, ${new Date(now.getTime() + leaseMs)}, ${now})
    ON CONFLICT ("name") DO UPDATE SET "lockedUntil" = EXCLUDED."lockedUntil", "lastRunAt" = EXCLUDED."lastRunAt"
    WHERE ("JobLease"."lockedUntil" IS NULL OR "JobLease"."lockedUntil" < ${now})
      AND ("JobLease"."lastRunAt" IS NULL OR "JobLease"."lastRunAt" <= ${new Date(now.getTime() - job.everyMs)})
    RETURNING "name"`;
  return rows.length === 1;
}

async function releaseJob(job: ScheduledJob) {
  await db.jobLease.update({ where: { name: job.name }, data: { lockedUntil: null } });
}

/** Runs the job now if this instance wins the claim; returns whether it ran. */
export async function runJobIfDue(job: ScheduledJob): Promise<boolean> {
  if (!(await claimJob(job))) return false;
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  try {
    await job.run();
    log.info({ job: job.name, durationMs: durationMs(), outcome: "ok" }, "Scheduled job ran");
  } catch (error) {
    // An error, not a warning: a failing job is a defect or an outage someone must see (it runs again next interval).
    log.error({ job: job.name, durationMs: durationMs(), outcome: "failed", err: serializeError(error) }, "Scheduled job failed");
  } finally {
    await releaseJob(job).catch(() => {});
  }
  return true;
}

type SchedulerState = { started: boolean; timer?: NodeJS.Timeout };
const state: SchedulerState = ((globalThis as { __scheduler?: SchedulerState }).__scheduler ??= { started: false });

/** Checks every job once a minute (and once shortly after start). */
export function startScheduler(jobs: ScheduledJob[], tickMs = 60_000) {
  if (state.started || jobs.length === 0) return;
  state.started = true;
  const tick = async () => {
    for (const job of jobs) {
      await runJobIfDue(job).catch((error) =>
        log.error({ job: job.name, outcome: "not claimed", err: serializeError(error) }, "Scheduler could not claim a job"),
      );
    }
  };
  setTimeout(() => void tick(), 5_000).unref();
  state.timer = setInterval(() => void tick(), tickMs);
  state.timer.unref();
}
