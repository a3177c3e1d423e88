import pg from "pg";
import { AppError, ServiceUnavailableError } from "../errors.ts";

// When PostgreSQL can't be reached (a restart, a failover, a network cut),
// every request would fail the same way until it is back. One place decides
// what such a failure looks like (isDatabaseUnavailable), the database client
// turns it into ServiceUnavailableError (lib/db/client.ts), and proxy.ts asks
// databaseIsDown() before rendering: that costs a query (a fresh connection,
// not the app's pool) only after a failure or when nothing succeeded lately,
// and the first good answer ends the outage without a restart. Decision 0019.

// SQLSTATE: class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now), 53300 (too many connections).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// Prisma: can't reach (P1001), timed out (P1002), server closed the connection (P1017), pool timeout (P2024).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
// The adapter's kinds for socket failures (@prisma/adapter-pg convertDriverError).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const MESSAGES = [
  /Can't reach database server/i,
  /Connection terminated/i,
  /encountered a connection error and is not queryable/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /Connection is closed/i,
  /timeout exceeded when trying to connect/i,
];

/** True when `error` (or anything in its cause chain) says the database is unreachable, not that a query was wrong. */
function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  if (error instanceof ServiceUnavailableError || (error instanceof AppError && error.code === "UNAVAILABLE")) return true;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))) return true;
  const adapter = e.meta?.driverAdapterError?.cause as { kind?: unknown; originalCode?: unknown } | undefined;
  if (adapter && (ADAPTER_KINDS.has(String(adapter.kind)) || UNAVAILABLE_SQLSTATE.test(String(adapter.originalCode ?? "")))) return true;
  if (typeof e.message === "string" && MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || (e.meta?.driverAdapterError !== undefined && isDatabaseUnavailable(e.meta.driverAdapterError, depth + 1));
}

// Shared by every module copy in the process (proxy and route bundles load this file separately).
type Health = { up: boolean; lastOkAt: number; checkedAt: number; checking?: Promise<boolean> };
const health: Health = ((globalThis as { __databaseHealth?: Health }).__databaseHealth ??= { up: true, lastOkAt: 0, checkedAt: 0 });

/** A query just failed for want of a database: proxy.ts answers 503 until a check succeeds. */
export function noteDatabaseFailure() {
  health.up = false;
}

/** A query just succeeded: no check is needed for a while. */
export function noteDatabaseSuccess() {
  health.lastOkAt = Date.now();
}

/** `error` as the app should see it: a connection-level failure becomes ServiceUnavailableError (and is noted). */
export function asServiceUnavailable(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  if (error instanceof AppError) return error; // already mapped (perhaps by another bundle's copy)
  noteDatabaseFailure();
  return new ServiceUnavailableError();
}

// While queries keep succeeding, a request costs nothing here. After a failure, or when nothing has
// succeeded for TRUSTED_FOR_MS (an idle or just-started instance), one check decides, at most every RECHECK_MS.
const TRUSTED_FOR_MS = 5_000;
const RECHECK_MS = 500;
const CHECK_TIMEOUT_MS = 2_000;

/**
 * Whether proxy.ts should answer 503 instead of rendering. Free while
 * queries succeed; otherwise one `SELECT 1` on a fresh connection (not the
 * app's pool, which may be full of dead ones), shared by concurrent requests.
 * The first success ends an outage: no restart needed.
 */
export async function databaseIsDown(databaseUrl: string): Promise<boolean> {
  const now = Date.now();
  if (health.up && now - health.lastOkAt < TRUSTED_FOR_MS) return false;
  if (now - health.checkedAt < RECHECK_MS && !health.checking) return !health.up;
  health.checking ??= check(databaseUrl).then((up) => {
    health.up = up;
    health.checkedAt = Date.now();
    if (up) health.lastOkAt = health.checkedAt;
    health.checking = undefined;
    return up;
  });
  return !(await health.checking);
}

async function check(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: CHECK_TIMEOUT_MS, query_timeout: CHECK_TIMEOUT_MS });
  client.on("error", () => {}); // a connection dropped after the answer is not this check's concern
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    void client.end().catch(() => {});
  }
}

const TITLE = "Service unavailable";
const DETAIL = new ServiceUnavailableError().message;

/** The RFC 9457 body for a 503 (reusable by /api/v1's error mapping). */
function serviceUnavailableProblem(detail = DETAIL) {
  return { type: "about:blank", title: TITLE, status: 503, detail };
}

/** What proxy.ts answers while the database is down: problem+json under /api/, a plain page elsewhere. */
export function serviceUnavailableResponse(pathname: string, retryAfterSeconds = 10): Response {
  const headers = { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" };
  if (pathname.startsWith("/api/")) {
    return new Response(JSON.stringify(serviceUnavailableProblem()), {
      status: 503,
      headers: { ...headers, "Content-Type": "application/problem+json" },
    });
  }
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${retryAfterSeconds}"><title>Back in a moment — Partner Portal</title>
<style>body{font-family:system-ui,sans-serif;color:#111827;max-width:32rem;margin:6rem auto;padding:0 1rem;text-align:center}p{color:#374151}a{color:#1d4ed8}</style></head>
<body><main><h1>We'll be right back</h1>
<p>The portal can't reach its database for a moment. Nothing you saved is lost, and nothing was changed by this request.</p>
<p>This page tries again by itself in ${retryAfterSeconds} seconds, or <a href="">try again now</a>.</p></main></body></html>`;
  return new Response(page, {
    status: 503,
    headers: {
      ...headers,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
    },
  });
}
