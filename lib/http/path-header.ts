/**
 * The request header proxy.ts sets to the request's path, so a server
 * component that isn't given the path (app/forbidden.tsx) can read it. Only
 * ever matched against lib/auth/page-access.ts, never shown or trusted for
 * access: a request the proxy skips (prefetches) could carry its own.
 */
export const PATH_HEADER = "x-portal-path";
