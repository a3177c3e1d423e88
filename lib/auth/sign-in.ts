import "server-only";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { normalizeEmail } from "../validation/fields.ts";
import { verifyPassword } from "./password.ts";
import { createSession } from "./sessions.ts";
import { consumeRateLimit, RATE_LIMITS } from "../security/rate-limit.ts";
import type { RequestMeta } from "./request-meta.ts";

/**
 * Checks a login (email or username) and password and opens a session.
 * Returns null for every kind of failure so the caller shows one generic
 * message; an unknown account costs the same argon2 verification.
 * Throws RateLimitedError past the per-IP or per-account limit.
 */
export async function signInWithPassword(login: string, password: string, meta: RequestMeta) {
  const identifier = login.trim();
  await consumeRateLimit(RATE_LIMITS.signInPerIp, meta.ip);
  await consumeRateLimit(RATE_LIMITS.signInPerAccount, identifier);
  const user = await db.user.findFirst({
    where: {
      deletedAt: null,
      OR: [{ emailNormalized: normalizeEmail(identifier) }, { username: identifier }],
    },
    select: {
      id: true,
      partnerId: true,
      status: true,
      passwordHash: true,
      sessionVersion: true,
      partner: { select: { status: true } },
    },
  });

  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, password);
  const allowed = user && passwordMatches && user.status === "ACTIVE" && user.partner?.status !== "SUSPENDED";

  if (!allowed) {
    await db.$transaction((tx) =>
      recordAudit(
        tx,
        { userId: null, partnerId: user?.partnerId ?? null, ...meta },
        {
          action: "auth.sign_in_failed",
          target: user ? { type: "user", id: user.id } : undefined,
          changes: { reason: !user ? "unknown_account" : !passwordMatches ? "wrong_password" : "not_active" },
        },
      ),
    );
    return null;
  }

  const session = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, { userId: user.id, partnerId: user.partnerId, ...meta }, {
      action: "auth.signed_in",
      target: { type: "user", id: user.id },
    });
    return createSession(tx, user, meta);
  });

  return { userId: user.id, sessionId: session.id };
}
