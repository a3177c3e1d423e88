// Runs once when a Next.js server process starts: the background work every
// instance shares through Postgres (email delivery, scheduled jobs).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startOutboxWorker } = await import("./lib/email/worker");
    const { startScheduler } = await import("./lib/jobs/scheduler");
    const { SCHEDULED_JOBS } = await import("./lib/jobs/registry");
    startOutboxWorker();
    startScheduler(SCHEDULED_JOBS);
  }
}
