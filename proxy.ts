import { NextResponse, type NextRequest } from "next/server";
import { databaseIsDown, serviceUnavailableResponse } from "./lib/db/unavailable";
import { env } from "./lib/env";
import { PATH_HEADER } from "./lib/http/path-header";
import { REQUEST_ID_HEADER, requestIdFrom } from "./lib/observability/request-id";

// Security headers for every page (DESIGN §10): a nonce-based CSP for
// scripts, no framing, no MIME sniffing; token pages also get no-referrer
// and no-store so the token never leaks through Referer or a cache.
// State-changing route handlers refuse cross-site requests; server actions
// are protected by Next's own Origin check.

const TOKEN_PAGE = /^\/(activate|reset-password|confirm-email)\//;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;

  // A path with malformed percent-encoding (`/team/%%%`) names nothing; Next's router would fail decoding
  // its dynamic segment with a 500, so it is a 400 here, before routing (DESIGN §10: no input yields a 5xx).
  if (!isDecodable(pathname)) {
    return new NextResponse("Bad request: the address is not valid.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }

  // After a query failed for want of a database, a 503 ("back in a moment"; problem+json under /api/) until
  // a check answers again; free while nothing failed (lib/db/unavailable.ts, decision 0019).
  if (await databaseIsDown(env().DATABASE_URL)) return serviceUnavailableResponse(pathname);

  if (pathname.startsWith("/api/") && !SAFE_METHODS.has(request.method) && isCrossSite(request)) {
    return NextResponse.json(
      { type: "about:blank", title: "Cross-site request refused", status: 403 },
      { status: 403, headers: { "content-type": "application/problem+json" } },
    );
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isDev = process.env.NODE_ENV === "development";
  const https = request.nextUrl.protocol === "https:";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes are needed by email previews in the dev
    // mailbox and by React; scripts stay nonce-only. See docs/decisions.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The path, for the 403 page to name the permission its page needs (app/forbidden.tsx, decision 0025).
  requestHeaders.set(PATH_HEADER, pathname);
  // One id per request: the reference an unexpected error shows and the key of its log line (decision 0026).
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  if (TOKEN_PAGE.test(pathname)) {
    response.headers.set("Referrer-Policy", "no-referrer");
    response.headers.set("Cache-Control", "no-store");
  }
  return response;
}

function isCrossSite(request: NextRequest): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false; // server-to-server API clients send no Origin
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

function isDecodable(pathname: string) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
