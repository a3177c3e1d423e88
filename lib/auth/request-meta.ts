import "server-only";
import { headers } from "next/headers";

export type RequestMeta = { ip: string | null; userAgent: string | null };

/**
 * Where a request comes from, for audit events and rate limits. The client
 * address is the LAST entry of X-Forwarded-For: a reverse proxy appends the
 * address it saw, while earlier entries are whatever the client sent (so
 * trusting the first would let anyone dodge per-IP limits). Without a proxy,
 * Next.js fills the header from the socket when the client sent none.
 */
export function requestMetaFrom(h: Pick<Headers, "get">): RequestMeta {
  const forwarded = h.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return { ip: forwarded || h.get("x-real-ip") || null, userAgent: h.get("user-agent") };
}

export async function getRequestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers());
}
