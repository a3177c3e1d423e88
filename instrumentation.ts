import type { Instrumentation } from "next";

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

// Next's own control flow (notFound(), redirect(), forbidden()…) travels as a thrown error with one of these digests.
const NAVIGATION_DIGEST = /^(NEXT_REDIRECT|NEXT_NOT_FOUND|NEXT_HTTP_ERROR_FALLBACK)/;

/**
 * One JSON line for every error Next catches while serving a request: a page
 * or layout that throws while rendering, a route handler outside apiRoute.
 * The line has the request id proxy.ts set and the digest the error page
 * shows as its reference (decision 0026). Server actions and /api/v1 catch
 * their own errors (lib/operations/errors.ts) and log them there.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  if (digest && NAVIGATION_DIGEST.test(digest)) return;
  const { log, serializeError } = await import("./lib/observability/log");
  const { REQUEST_ID_HEADER, requestIdFrom } = await import("./lib/observability/request-id");
  const header = request.headers[REQUEST_ID_HEADER];
  log.error(
    {
      kind: context.routeType,
      // proxy.ts set it; a request the proxy doesn't see (a prefetch) gets a fresh one rather than an unchecked value.
      requestId: requestIdFrom(typeof header === "string" ? header : undefined),
      digest,
      method: request.method,
      // The route's pattern (/reset-password/[token]), never the path: a path or query may carry a token.
      route: context.routePath,
      err: serializeError(error),
    },
    "Unexpected error while serving a request",
  );
};
