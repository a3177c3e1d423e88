import "server-only";
import { headers } from "next/headers";
import { env } from "../env.ts";
import { clientAddress, connectionAddressFrom } from "../security/client-address.ts";

export type RequestMeta = { ip: string | null; userAgent: string | null };

/**
 * Where a request comes from, for audit events and per-IP rate limits: the
 * connection's address (stamped by lib/security/client-address.ts), unless
 * TRUST_PROXY_HOPS names the proxies whose X-Forwarded-For entries count.
 * A client's own X-Forwarded-For never changes the answer.
 */
export function requestMetaFrom(h: Pick<Headers, "get">): RequestMeta {
  return {
    ip: clientAddress(h, connectionAddressFrom(h), env().TRUST_PROXY_HOPS),
    userAgent: h.get("user-agent"),
  };
}

export async function getRequestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers());
}
