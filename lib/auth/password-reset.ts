import "server-only";
import { db, type Tx } from "../db/client.ts";
import { recordAudit, type AuditActor } from "../audit/record.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { env } from "../env.ts";
import { ValidationError } from "../errors.ts";
import { consumeRateLimit, RATE_LIMITS } from "../security/rate-limit.ts";
import { normalizeEmail } from "../validation/fields.ts";
import { unlockAccount } from "./lockout.ts";
import { checkPasswordLink } from "./password-link.ts";
import { endSessions } from "./sessions.ts";
import type { RequestMeta } from "./request-meta.ts";
import { consumeUserToken, findUsableToken, issueUserToken } from "./user-tokens.ts";
import { sendActivationEmail } from "../team/invite.ts";

export const RESET_LINK_NO_LONGER_VALID = "This password reset link has expired or has already been used.";
export const RESET_REQUESTED_MESSAGE =
  "If an account matches, we've sent a link to reset the password. It works once, for an hour.";

const resetTtlMs = () => env().PASSWORD_RESET_TOKEN_TTL_MINUTES * 60_000;

/** Writes a reset link email for an active account, in the caller's transaction. */
async function sendPasswordResetEmail(
  tx: Tx,
  user: { id: string; firstName: string; email: string },
) {
  const link = await issueUserToken(tx, user.id, "PASSWORD_RESET", resetTtlMs());
  await enqueueEmail(tx, {
    template: "password-reset",
    to: user.email,
    dedupeKey: `password-reset:${link.id}`,
    props: {
      firstName: user.firstName,
      resetUrl: new URL(`/reset-password/${link.token}`, env().APP_URL).toString(),
      expiresInMinutes: env().PASSWORD_RESET_TOKEN_TTL_MINUTES,
    },
  });
}

/**
 * "Forgot password" by email or username. Always completes the same way, so
 * the answer never tells whether an account exists (DESIGN §4, §10). Someone
 * still invited has no password to reset: they get a fresh activation link
 * instead (the one way links are issued, so earlier ones stop working, as
 * with Resend invite). A disabled account gets nothing.
 */
export async function requestPasswordReset(login: string, meta: RequestMeta) {
  const identifier = login.trim();
  await consumeRateLimit(RATE_LIMITS.forgotPasswordPerIp, meta.ip);
  await consumeRateLimit(RATE_LIMITS.forgotPasswordPerAccount, identifier);
  const user = await db.user.findFirst({
    where: {
      deletedAt: null,
      status: { in: ["ACTIVE", "INVITED"] },
      OR: [{ emailNormalized: normalizeEmail(identifier) }, { username: identifier }],
    },
    select: { id: true, firstName: true, email: true, partnerId: true, status: true, partner: { select: { name: true } } },
  });
  if (!user) return;
  if (user.status === "INVITED") {
    await db.$transaction(async (tx) => {
      await sendActivationEmail(tx, { userId: null, partnerName: user.partner?.name }, user, "invite-resent");
      await recordAudit(tx, { userId: null, partnerId: user.partnerId, ...meta }, {
        action: "user.activation_link_requested",
        target: { type: "user", id: user.id },
        changes: { via: "forgot_password" },
      });
    });
    wakeOutboxWorker();
    return;
  }
  await db.$transaction(async (tx) => {
    await sendPasswordResetEmail(tx, user);
    await recordAudit(tx, { userId: null, partnerId: user.partnerId, ...meta }, {
      action: "user.password_reset_requested",
      target: { type: "user", id: user.id },
    });
  });
  wakeOutboxWorker();
}

/** Admin or support: mail a reset link to someone (they never see or set it). */
export async function sendPasswordResetOnBehalf(
  actor: AuditActor,
  user: { id: string; firstName: string; email: string; partnerId: string | null; status: string },
) {
  if (user.status !== "ACTIVE") {
    throw ValidationError.field("userId", "Only active accounts can reset their password. Resend the invitation instead.");
  }
  await db.$transaction(async (tx) => {
    await sendPasswordResetEmail(tx, user);
    await recordAudit(tx, actor, {
      action: "user.password_reset_sent",
      partnerId: user.partnerId,
      target: { type: "user", id: user.id },
    });
  });
  wakeOutboxWorker();
}

export async function describeResetLink(token: string) {
  const record = await findUsableToken(token, "PASSWORD_RESET");
  if (!record || record.user.status !== "ACTIVE") return null;
  return { firstName: record.user.firstName, email: record.user.email };
}

/**
 * Sets a new password from a reset link: the link is used up, every existing
 * session ends (endSessions), and any sign-in lock is lifted.
 */
export async function resetPassword(token: string, password: string, meta: RequestMeta) {
  const { link, passwordHash } = await checkPasswordLink(
    { token, purpose: "PASSWORD_RESET", status: "ACTIVE", noLongerValid: RESET_LINK_NO_LONGER_VALID },
    password,
    meta,
  );

  return db.$transaction(async (tx) => {
    const userId = await consumeUserToken(tx, token, "PASSWORD_RESET");
    if (!userId) throw ValidationError.field("password", RESET_LINK_NO_LONGER_VALID);
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: false },
    });
    // The owner proved their inbox: the sign-in lock and the account's counters are lifted.
    await unlockAccount(tx, userId);
    await endSessions(tx, userId, "password_reset");
    await recordAudit(tx, { userId, partnerId: link.user.partnerId, ...meta }, {
      action: "user.password_reset",
      target: { type: "user", id: userId },
    });
    return { email: link.user.email };
  });
}
