import { describe, expect, it } from "vitest";
import { encode } from "@auth/core/jwt";
import { sessionIdFromCookies, sessionIdFromToken } from "@/lib/auth/session-cookie";

// The per-request session check reads next-auth's cookie itself, with a key
// derived once per process (decision 0020). It must accept exactly what
// next-auth issues and nothing else.
const secret = "unit-secret-unit-secret-0123456789abcdef";
const name = "authjs.session-token";
const sid = "0192f3a4-5b6c-7d8e-9f01-234567890abc";

describe("reading the session id from next-auth's cookie", () => {
  it("reads the session id of a cookie next-auth issued, again and again", async () => {
    const token = await encode({ token: { sub: "user", sid }, secret, salt: name });
    expect(await sessionIdFromToken(token, name, secret)).toBe(sid);
    expect(await sessionIdFromToken(token, name, secret)).toBe(sid);
    const secure = await encode({ token: { sub: "user", sid }, secret, salt: `__Secure-${name}` });
    expect(await sessionIdFromToken(secure, `__Secure-${name}`, secret)).toBe(sid);
  });

  it("refuses a token under another secret, another cookie name, altered, expired or without a session id", async () => {
    const forged = await encode({ token: { sub: "user", sid }, secret: "another-secret-another-secret-0123456789", salt: name });
    expect(await sessionIdFromToken(forged, name, secret)).toBeNull();

    const token = await encode({ token: { sub: "user", sid }, secret, salt: name });
    expect(await sessionIdFromToken(token, `__Secure-${name}`, secret)).toBeNull();

    const parts = token.split(".");
    const flipped = parts[3].startsWith("A") ? `B${parts[3].slice(1)}` : `A${parts[3].slice(1)}`;
    expect(await sessionIdFromToken([...parts.slice(0, 3), flipped, parts[4]].join("."), name, secret)).toBeNull();

    const expired = await encode({ token: { sub: "user", sid }, secret, salt: name, maxAge: -60 });
    expect(await sessionIdFromToken(expired, name, secret)).toBeNull();

    const noSession = await encode({ token: { sub: "user" }, secret, salt: name });
    expect(await sessionIdFromToken(noSession, name, secret)).toBeNull();

    expect(await sessionIdFromToken("not-a-jwt", name, secret)).toBeNull();
    expect(await sessionIdFromToken("", name, secret)).toBeNull();
  });

  it("finds the cookie under either of next-auth's names, also when split into chunks", async () => {
    const jar = (cookies: Record<string, string>) => ({
      get: (n: string) => (n in cookies ? { value: cookies[n] } : undefined),
      getAll: () => Object.entries(cookies).map(([n, value]) => ({ name: n, value })),
    });
    const plain = await encode({ token: { sub: "user", sid }, secret, salt: name });
    expect(await sessionIdFromCookies(jar({ [name]: plain, other: "x" }), secret)).toBe(sid);
    const secure = await encode({ token: { sub: "user", sid }, secret, salt: `__Secure-${name}` });
    expect(await sessionIdFromCookies(jar({ [`__Secure-${name}`]: secure }), secret)).toBe(sid);
    // A token issued for the plain name does not pass under the __Secure- name.
    expect(await sessionIdFromCookies(jar({ [`__Secure-${name}`]: plain }), secret)).toBeNull();
    expect(await sessionIdFromCookies(jar({ [`${name}.1`]: plain.slice(100), [`${name}.0`]: plain.slice(0, 100) }), secret)).toBe(sid);
    expect(await sessionIdFromCookies(jar({}), secret)).toBeNull();
  });
});
