import "server-only";
import { cookies } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "../env.ts";
import { log, serializeError } from "../observability/log.ts";
import { RateLimitedError } from "../errors.ts";
import { revokeSession } from "./sessions.ts";
import { sessionIdFromCookies } from "./session-cookie.ts";
import { requestMetaFrom } from "./request-meta.ts";
import { signInWithPassword } from "./sign-in.ts";
import { loginField } from "../validation/fields.ts";
import { signInPasswordField } from "./password-rules.ts";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

/** Too many attempts: carries our message through next-auth to the form. */
export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

// The same login rule as the sign-in form (no control characters: PostgreSQL refuses NUL in text).
const CredentialsInput = z.object({ login: loginField, password: signInPasswordField });

/** @auth/core error types a request causes by itself (a made-up path or form), not a fault of ours. */
const CLIENT_ERRORS = new Set(["UnknownAction", "InvalidProvider", "MissingCSRF", "InvalidCheck", "InvalidCallbackUrl", "UntrustedHost"]);

// next-auth handles the cookie (HttpOnly, SameSite=Lax, __Secure- prefix on
// https) and its JWT carries only our server-side session id; every request
// re-checks that session in Postgres (lib/auth/caller.ts).
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    // A refused sign-in is an expected outcome, already audited: not an error to log.
    error(error: Error) {
      if (error instanceof CredentialsSignin) return;
      // A request next-auth can't route (an unknown /api/auth/<action>, a callback without a provider, a
      // missing CSRF token) is the client's mistake, answered 400: one short warning, never the path it sent.
      const type = (error as { type?: unknown }).type;
      if (typeof type === "string" && CLIENT_ERRORS.has(type)) {
        log.warn({ kind: "auth", type }, "Refused a malformed auth request");
        return;
      }
      log.error({ kind: "auth", err: serializeError(error) }, "Sign-in failed unexpectedly");
    },
  },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = CredentialsInput.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          const result = await signInWithPassword(parsed.data.login, parsed.data.password, requestMetaFrom(request.headers));
          return result ? { id: result.userId, sessionId: result.sessionId } : null;
        } catch (error) {
          if (error instanceof RateLimitedError) throw new RateLimitedSignIn(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(sid);
    },
  },
}));

/** The session id in this request's next-auth cookie, or null: what `auth()` would report as `sessionId`, read cheaply (lib/auth/session-cookie.ts). */
export async function sessionIdFromCookie(): Promise<string | null> {
  return sessionIdFromCookies(await cookies(), env().AUTH_SECRET);
}
