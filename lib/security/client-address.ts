// Where a request comes from, for per-IP rate limits and audit events
// (DESIGN §10): the connection's address, unless TRUST_PROXY_HOPS says how
// many reverse proxies in front of the app append to X-Forwarded-For.
// Decision 0012 explains how the connection address reaches the app.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/**
 * The request header the server stamps with the socket's remote address
 * before Next.js sees the request. Whatever a client sends under this name is
 * overwritten, so the value can be trusted — but only in a process where the
 * stamp is installed (see connectionAddressFrom).
 */
export const CONNECTION_ADDRESS_HEADER = "x-portal-connection-address";

const INSTALLED = Symbol.for("partner-portal.connection-address-stamp");
type Flagged = typeof globalThis & { [INSTALLED]?: boolean };

/**
 * Stamps every incoming HTTP request of this process with its socket address.
 * Next.js 16 exposes no socket to route handlers, server actions or proxy.ts,
 * and only fills X-Forwarded-For from the socket when the client sent none
 * (base-server.js: `x-forwarded-for ??= socket.remoteAddress`), so a client's
 * header would hide its real address. Node publishes
 * `http.server.request.start` synchronously before the server's "request"
 * event, i.e. before Next reads the headers. Called from instrumentation.ts,
 * which Next runs before the server handles requests.
 */
export function installConnectionAddressStamp() {
  const flagged = globalThis as Flagged;
  if (flagged[INSTALLED]) return;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    request.headers[CONNECTION_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
  });
  flagged[INSTALLED] = true;
}

/** The stamped connection address; null where no stamp runs (then the header could be anyone's). */
export function connectionAddressFrom(headers: Pick<Headers, "get">): string | null {
  if (!(globalThis as Flagged)[INSTALLED]) return null;
  return headers.get(CONNECTION_ADDRESS_HEADER) || null;
}

/** An IP address in canonical form, or null: ports, brackets and the IPv4-mapped prefix removed. */
export function normalizeAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(address)) address = address.slice(7);
  if (!isIP(address)) return null;
  return address.toLowerCase();
}

/**
 * The client's address. With no trusted proxy (trustHops 0) it is the
 * connection's remote address and X-Forwarded-For changes nothing. With
 * `trustHops` proxies, each appending the address it saw, the client is the
 * entry that many hops from the right of the chain X-Forwarded-For + the
 * connection; a shorter chain (a request that skipped a proxy) yields its
 * leftmost entry, as Express's `trust proxy` does. Null when unknown or not an
 * IP address.
 */
export function clientAddress(
  headers: Pick<Headers, "get">,
  remoteAddress: string | null | undefined,
  trustHops: number,
): string | null {
  const hops = Number.isInteger(trustHops) && trustHops > 0 ? trustHops : 0;
  if (hops === 0) return normalizeAddress(remoteAddress);
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The connection is the nearest hop; when it isn't known (no stamp), the
  // trusted proxies' entries are still the right-most ones.
  const chain = remoteAddress ? [...forwarded, remoteAddress] : forwarded;
  const index = remoteAddress ? chain.length - 1 - hops : chain.length - hops;
  if (chain.length === 0) return null;
  return normalizeAddress(chain[Math.max(0, index)]);
}
