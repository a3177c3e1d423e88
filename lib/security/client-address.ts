// Where a request comes from, for per-IP rate limits and audit events
// (DESIGN §10): the connection's address, unless TRUST_PROXY_HOPS says how
// many reverse proxies in front of the app append to X-Forwarded-For.
// Decision 0012 explains how the connection address reaches the app.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/**
 * The request header the server stamps with the socket's remote address and
 * a secret of this process before Next.js sees the request. Whatever a client
 * sends under this name is overwritten, and a value without the secret (a
 * request received before the stamp was installed) counts as no address.
 */
export const CONNECTION_ADDRESS_HEADER = "x-portal-connection-address";

// The process's stamp secret, on globalThis because Next.js loads this module
// once for instrumentation.ts and again in the app's own bundles.
const INSTALLED = Symbol.for("partner-portal.connection-address-stamp");
type Flagged = typeof globalThis & { [INSTALLED]?: string };

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
  // The value carries a secret of this process: Next.js listens before it runs
  // instrumentation.ts, so a request received before this subscription keeps
  // the client's own header, which must not pass for a stamp.
  const secret = randomBytes(18).toString("base64url");
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    request.headers[CONNECTION_ADDRESS_HEADER] = `${request.socket?.remoteAddress ?? ""} ${secret}`;
  });
  flagged[INSTALLED] = secret;
}

/** The stamped connection address; null on a request this process didn't stamp (then the header could be anyone's). */
export function connectionAddressFrom(headers: Pick<Headers, "get">): string | null {
  const secret = (globalThis as Flagged)[INSTALLED];
  if (!secret) return null;
  const [address, stamp, ...rest] = (headers.get(CONNECTION_ADDRESS_HEADER) ?? "").split(" ");
  if (rest.length || !stamp || !timingSafeEqualText(stamp, secret)) return null;
  return address || null;
}

function timingSafeEqualText(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** An IP address in canonical form, or null: ports, brackets and the IPv4-mapped prefix removed. */
function normalizeAddress(value: string | null | undefined): string | null {
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

/** The eight 16-bit groups of a valid IPv6 address (with an optional dotted IPv4 tail). */
export function ipv6Groups(value: string): number[] | null {
  let text = value;
  const tail = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail) {
    const [a, b, c, d] = tail[1].split(".").map(Number);
    text = `${text.slice(0, -tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (rest === undefined ? left.length !== 8 : missing < 1) return null;
  const all = [...left, ...Array<string>(rest === undefined ? 0 : missing).fill("0"), ...right];
  return all.map((group) => Number.parseInt(group, 16));
}

/**
 * What a per-address rate limit counts (lib/security/rate-limit.ts): an IPv4
 * address as it is, an IPv6 address by its /64 network — one host is usually
 * given a whole /64 and can send from any address in it, so counting single
 * IPv6 addresses would be no limit at all. Anything else is returned as it is.
 */
export function addressBucket(address: string): string {
  if (!isIP(address) || !address.includes(":")) return address;
  const groups = ipv6Groups(address.toLowerCase().replace(/%.*$/, ""));
  if (!groups) return address;
  // An IPv4 client in IPv4-mapped form (::ffff:a.b.c.d, also written in hex) is that IPv4 address.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(":")}::/64`;
}
