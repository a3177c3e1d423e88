import "server-only";
import { hkdfSync } from "node:crypto";
import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";

// The per-request session check (lib/auth/caller.ts) reads next-auth's cookie
// here rather than through `auth()`. `auth()` runs next-auth's whole session
// action on every page: a Request and a Response, the config, a key derived
// with HKDF to decrypt the JWT, another derivation and an encryption to
// re-issue it (whose Set-Cookie a server component cannot send anyway), and
// JSON in and out. The JWT holds only our session id, and the session row in
// Postgres is what decides (DESIGN §10), so a page needs only that id, from a
// token that decrypts under our secret. Same cookie, same key (HKDF-SHA-256 of
// AUTH_SECRET with the cookie name as salt, as @auth/core/jwt derives it), same
// authenticated encryption (dir + A256CBC-HS512: a forged or altered cookie
// fails), same expiry check and clock tolerance, same key-id check; the key is
// derived once per process instead of twice per request (decision 0020).
// Sign-in and sign-out still go through next-auth (lib/auth/next-auth.ts).

const SESSION_COOKIE = "authjs.session-token";
/** The names next-auth gives the cookie: `__Secure-` on https (a browser only sets that one over https). */
const SESSION_COOKIE_NAMES = [`__Secure-${SESSION_COOKIE}`, SESSION_COOKIE] as const;
/** The only content encryption next-auth issues (@auth/core/jwt `encode`). */
const ENCRYPTION = "A256CBC-HS512";

type SessionKey = { key: Uint8Array; kid: string };
const sessionKeys = new Map<string, Promise<SessionKey>>();

/** next-auth's key for a cookie name, derived once per secret and name (the derivation is deterministic). */
function sessionKey(secret: string, salt: string): Promise<SessionKey> {
  const cacheKey = `${salt}\u0000${secret}`;
  let found = sessionKeys.get(cacheKey);
  if (!found) {
    const key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    found = calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, "sha512").then((kid) => ({ key, kid }));
    sessionKeys.set(cacheKey, found);
  }
  return found;
}

/** Decrypts a session JWT issued under the cookie `name`: its session id, or null (unreadable, forged, expired). */
export async function sessionIdFromToken(token: string, name: string, secret: string): Promise<string | null> {
  if (!token) return null;
  try {
    const { key, kid } = await sessionKey(secret, name);
    const { payload, protectedHeader } = await jwtDecrypt(token, key, {
      clockTolerance: 15,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: [ENCRYPTION],
    });
    if (protectedHeader.kid !== undefined && protectedHeader.kid !== kid) return null;
    return typeof payload.sid === "string" ? payload.sid : null;
  } catch {
    return null;
  }
}

type CookieJar = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };

/** The cookie under `name`, joined from next-auth's chunks (`name.0`, `name.1` …) when it was split. */
function cookieValue(jar: CookieJar, name: string) {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const index = (cookieName: string) => cookieName.slice(name.length + 1);
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(index(c.name)))
    .sort((a, b) => Number(index(a.name)) - Number(index(b.name)));
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

/** The session id in a request's cookies (next/headers `cookies()`), or null. */
export async function sessionIdFromCookies(jar: CookieJar, secret: string): Promise<string | null> {
  for (const name of SESSION_COOKIE_NAMES) {
    const token = cookieValue(jar, name);
    if (token) return sessionIdFromToken(token, name, secret);
  }
  return null;
}
