// Runs once when a Next.js server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startOutboxWorker } = await import("./lib/email/worker");
    startOutboxWorker();
  }
}
