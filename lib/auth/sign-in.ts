import "server-only";
// The class next-auth re-exports, from its dependency-free module (next-auth itself needs a Next.js runtime).
import { CredentialsSignin } from "@auth/core/errors";
import { db } from "../db/client.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { recordAudit } from "../audit/record.ts";
import { normalizeEmail } from "../validation/fields.ts";
import { verifyPassword } from "./password.ts";
import { createSession } from "./sessions.ts";
import { consumeRateLimit, RATE_LIMITS, refundRateLimit } from "../security/rate-limit.ts";
import type { RequestMeta } from "./request-meta.ts";
import { ACCOUNT_DISABLED_CONTACT_SUPPORT, accountDisabledAskPrimaryUser, partnerSuspendedMessage } from "../support-contact.ts";
import { AccountLockedError, assertNotLocked, countUnknownAccountFailure, recordFailedSignIn } from "./lockout.ts";

/**
 * A sign-in refused for a reason the person may know because they proved the
 * password: the sign-in form shows `userMessage` instead of the generic one.
 */
class ExplainedSignInRefusal extends CredentialsSignin {
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

/** The user's partner is suspended: only someone who proved the password learns it, and why. */
export class PartnerSuspendedSignIn extends ExplainedSignInRefusal {
  code = "partner_suspended";
  constructor(reason: string | null) {
    super(partnerSuspendedMessage(reason));
  }
}

/** The account is disabled: a partner user is sent to their primary user, anyone else to support (decision 0021). */
export class AccountDisabledSignIn extends ExplainedSignInRefusal {
  code = "account_disabled";
  constructor(primaryUserName: string | null) {
    super(primaryUserName ? accountDisabledAskPrimaryUser(primaryUserName) : ACCOUNT_DISABLED_CONTACT_SUPPORT);
  }
}

/**
 * Checks a login (email or username) and password and opens a session.
 * Returns null for every kind of failure so the caller shows one generic
 * message; an unknown account costs the same argon2 verification.
 * Throws RateLimitedError past the per-IP limit, AccountLockedError while
 * the account is locked. Only failures count against either (decision 0012):
 * the per-account protection is the lockout, and a success gives its per-IP
 * attempt back, so signing in often never locks the owner out.
 */
export async function signInWithPassword(login: string, password: string, meta: RequestMeta) {
  const identifier = login.trim();
  // Counted before the password is checked, so parallel guesses can't slip past; refunded on success.
  await consumeRateLimit(RATE_LIMITS.signInPerIp, meta.ip);
  const user = await db.user.findFirst({
    where: {
      deletedAt: null,
      OR: [{ emailNormalized: normalizeEmail(identifier) }, { username: identifier }],
    },
    select: {
      id: true,
      kind: true,
      partnerId: true,
      status: true,
      passwordHash: true,
      sessionVersion: true,
      lockedUntil: true,
      partner: {
        select: { status: true, suspendedReason: true, primaryUser: { select: { id: true, firstName: true, lastName: true } } },
      },
    },
  });
  // Locked: refused before the password is even looked at (and said so, with the wait).
  if (user) assertNotLocked(user);

  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, password);
  const allowed = user && passwordMatches && user.status === "ACTIVE" && user.partner?.status !== "SUSPENDED";

  // Only someone who proved the password learns that their organization is suspended, and why.
  if (user && passwordMatches && user.status === "ACTIVE" && user.partner?.status === "SUSPENDED") {
    await db.$transaction((tx) =>
      recordAudit(tx, { userId: null, partnerId: user.partnerId, ...meta }, {
        action: "auth.sign_in_failed",
        target: { type: "user", id: user.id },
        changes: { reason: "partner_suspended" },
      }),
    );
    throw new PartnerSuspendedSignIn(user.partner.suspendedReason);
  }

  // Likewise only the right password learns that the account is disabled, and whom to ask.
  if (user && passwordMatches && user.status === "DISABLED") {
    await db.$transaction((tx) =>
      recordAudit(tx, { userId: null, partnerId: user.partnerId, ...meta }, {
        action: "auth.sign_in_failed",
        target: { type: "user", id: user.id },
        changes: { reason: "account_disabled" },
      }),
    );
    // A partner user's primary user can enable them; a customer user (whose partner is their reseller) or staff: support.
    const primary = user.kind === "PARTNER" ? user.partner?.primaryUser : null;
    throw new AccountDisabledSignIn(primary && primary.id !== user.id ? `${primary.firstName} ${primary.lastName}` : null);
  }

  if (!allowed) {
    const lock = await db.$transaction(async (tx) => {
      const locked = user && !passwordMatches ? await recordFailedSignIn(tx, user.id) : null;
      await recordAudit(
        tx,
        { userId: null, partnerId: user?.partnerId ?? null, ...meta },
        {
          action: locked ? "auth.account_locked" : "auth.sign_in_failed",
          target: user ? { type: "user", id: user.id } : undefined,
          changes: {
            reason: !user ? "unknown_account" : !passwordMatches ? "wrong_password" : "not_active",
            ...(locked ? { lockedMinutes: locked.minutes } : {}),
          },
        },
      );
      return locked;
    });
    if (lock) {
      wakeOutboxWorker();
      throw new AccountLockedError(lock.minutes * 60);
    }
    if (!user) await countUnknownAccountFailure(identifier);
    return null;
  }

  const session = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), failedSignIns: 0, lockedUntil: null } });
    await recordAudit(tx, { userId: user.id, partnerId: user.partnerId, ...meta }, {
      action: "auth.signed_in",
      target: { type: "user", id: user.id },
    });
    return createSession(tx, user, meta);
  });
  await refundRateLimit(RATE_LIMITS.signInPerIp, meta.ip);

  return { userId: user.id, sessionId: session.id };
}
