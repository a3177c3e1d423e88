// Who may read the development mailbox (DESIGN §10). Pure, no "server-only":
// lib/env.ts and scripts/start.ts use it too. See docs/decisions/0014.
import { isIPv4, isIPv6 } from "node:net";
import { ipv6Groups } from "../security/client-address.ts";

/** Where `npm start` and `npm run dev` listen unless HOST is set. */
export const DEFAULT_LISTEN_HOST = "127.0.0.1";

/**
 * True for an address of this machine's loopback interface: 127.0.0.0/8,
 * ::1, and their IPv4-mapped forms (::ffff:127.0.0.1, ::ffff:7f00:1).
 * Brackets and a zone id are allowed; anything else (a name, garbage) is false.
 */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  let value = address.trim().toLowerCase();
  if (value.startsWith("[") && value.endsWith("]")) value = value.slice(1, -1);
  value = value.replace(/%[^%]*$/, "");
  if (isIPv4(value)) return value.startsWith("127.");
  if (!isIPv6(value)) return false;
  const groups = ipv6Groups(value);
  if (!groups) return false;
  if (groups.slice(0, 7).every((group) => group === 0) && groups[7] === 1) return true; // ::1
  // IPv4-mapped (::ffff:a.b.c.d): loopback when a is 127.
  return groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff && groups[6] >> 8 === 127;
}

/** A listen host only this machine can reach: a loopback address or "localhost". */
export function isLoopbackHost(host: string | null | undefined): boolean {
  return host?.trim().toLowerCase() === "localhost" || isLoopbackAddress(host);
}

/**
 * Whether one request may see the dev mailbox: only a connection from this
 * machine, to a server that isn't knowingly open to the network.
 * - `connectionAddress` is the socket's remote address, stamped on the request
 *   by lib/security/client-address.ts before Next.js sees it (a client can't
 *   set it); null where the stamp isn't running, and then nothing is proven.
 *   X-Forwarded-For can't stand in for it: Next.js fills that header from the
 *   socket only when the client sent none, and passes a client's own on as written.
 * - Every X-Forwarded-For hop, X-Real-IP, Forwarded `for=` and CDN client
 *   header (CLIENT_ADDRESS_HEADERS), when present, must be loopback too, so
 *   a reverse proxy on this machine forwarding outside traffic is refused
 *   (a forged header can only make the answer "no").
 * - `listenHost` (HOST, which `npm start` passes to Next and to the app),
 *   when known, must be loopback: then nobody else can even connect.
 */
export function mayReadDevMailbox(request: {
  connectionAddress: string | null | undefined;
  listenHost?: string | null;
  forwardedFor?: string | null;
  realIp?: string | null;
  /** RFC 7239 `Forwarded`: every `for=` it names must be loopback too. */
  forwarded?: string | null;
  /** The request's headers, for the client-address headers CDNs and proxies add (CLIENT_ADDRESS_HEADERS). */
  clientAddressHeaders?: Pick<Headers, "get"> | null;
}): boolean {
  if (!isLoopbackAddress(request.connectionAddress)) return false;
  if (request.listenHost != null && !isLoopbackHost(request.listenHost)) return false;
  if (request.forwardedFor != null && !request.forwardedFor.split(",").every((hop) => isLoopbackAddress(hop))) return false;
  if (request.forwarded != null && !forwardedForAddresses(request.forwarded).every((hop) => isLoopbackAddress(hop))) return false;
  for (const name of CLIENT_ADDRESS_HEADERS) {
    const value = request.clientAddressHeaders?.get(name);
    if (value != null && !value.split(",").every((hop) => isLoopbackAddress(hop))) return false;
  }
  return request.realIp == null || isLoopbackAddress(request.realIp);
}

/** Headers besides X-Forwarded-For and X-Real-IP in which a proxy or CDN names the client it forwards. */
const CLIENT_ADDRESS_HEADERS = ["true-client-ip", "cf-connecting-ip", "fastly-client-ip", "x-client-ip", "x-cluster-client-ip"] as const;

/** The `for=` values of an RFC 7239 Forwarded header, quotes and a port removed ("unknown" and "_obfuscated" kept as they are). */
function forwardedForAddresses(header: string): string[] {
  return header.split(",").flatMap((element) =>
    element
      .split(";")
      .map((pair) => pair.trim())
      .filter((pair) => pair.toLowerCase().startsWith("for="))
      .map((pair) => {
        const value = pair.slice(4).trim().replace(/^"(.*)"$/, "$1");
        const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
        if (bracketed) return bracketed[1];
        return /^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value) ? value.slice(0, value.lastIndexOf(":")) : value;
      }),
  );
}
