// Runs once when a Next.js server process starts: the background work every
// instance shares through Postgres (email delivery, scheduled jobs).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before any request: the client address for rate limits comes from the socket (decision 0012).
    const { installConnectionAddressStamp } = await import("./lib/security/client-address");
    installConnectionAddressStamp();
    const { startOutboxWorker } = await import("./lib/email/worker");
    const { startScheduler } = await import("./lib/jobs/scheduler");
    const { SCHEDULED_JOBS } = await import("./lib/jobs/registry");
    startOutboxWorker();
    startScheduler(SCHEDULED_JOBS);
  }
}
