import "server-only";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { env } from "../env.ts";
import { ConflictError, ForbiddenError, isUniqueViolation, NotFoundError, ValidationError } from "../errors.ts";
import { emailTakenError } from "../accounts/email-rule.ts";
import { consumeRateLimit, RATE_LIMITS } from "../security/rate-limit.ts";
import { normalizeEmail } from "../validation/fields.ts";
import type { PartnerCaller } from "./caller.ts";
import type { RequestMeta } from "./request-meta.ts";
import { consumeUserToken, findUsableToken, issueUserToken } from "./user-tokens.ts";

// Changing the login email (DESIGN §2, §4): the new address must confirm
// through a link before anything changes; the old address is told at both
// steps; the email rule is checked when asked and again on confirmation.

export const EMAIL_CHANGE_TTL_HOURS = 24;
export const EMAIL_CHANGE_LINK_NO_LONGER_VALID = "This confirmation link has expired or has already been used.";

/** An admin with users.manage (for their team) or the user themself asks for a new login email. */
export async function requestEmailChange(caller: PartnerCaller, userId: string, newEmail: string) {
  if (caller.userId !== userId && !caller.permissions.includes("users.manage")) throw new ForbiddenError();
  const user = await db.user.findFirst({
    where: { id: userId, partnerId: caller.partnerId, kind: "PARTNER", deletedAt: null },
    select: { id: true, firstName: true, email: true, emailNormalized: true, status: true },
  });
  if (!user) throw new NotFoundError("That team member doesn't exist.");
  if (normalizeEmail(newEmail) === user.emailNormalized) {
    throw ValidationError.field("newEmail", "That is already the sign-in email.");
  }
  await assertEmailFree(newEmail, caller.partnerId, "newEmail");
  await consumeRateLimit(RATE_LIMITS.resendInvitePerUser, `email-change:${user.id}`);

  await db.$transaction(async (tx) => {
    const link = await issueUserToken(tx, user.id, "EMAIL_CHANGE", EMAIL_CHANGE_TTL_HOURS * 3600_000, { newEmail });
    await enqueueEmail(tx, {
      template: "email-change-confirm",
      to: newEmail,
      dedupeKey: `email-change-confirm:${link.id}`,
      props: {
        firstName: user.firstName,
        newEmail,
        confirmUrl: new URL(`/confirm-email/${link.token}`, env().APP_URL).toString(),
        expiresAt: link.expiresAt.toISOString(),
      },
    });
    await enqueueEmail(tx, {
      template: "email-change-notice",
      to: user.email,
      dedupeKey: `email-change-requested:${link.id}`,
      props: { firstName: user.firstName, newEmail, stage: "requested" },
    });
    await recordAudit(tx, caller, {
      action: "user.email_change_requested",
      target: { type: "user", id: user.id },
      changes: { from: user.email, to: newEmail },
    });
  });
  wakeOutboxWorker();
  return { id: user.id, email: user.email, newEmail };
}

async function assertEmailFree(email: string, partnerId: string | null, field: string) {
  const holder = await db.user.findFirst({
    where: { emailNormalized: normalizeEmail(email), deletedAt: null },
    select: { id: true },
  });
  if (holder) throw await emailTakenError(email, partnerId, field);
}

/** What the confirmation page shows (a GET never uses the token). */
export async function describeEmailChangeLink(token: string) {
  const record = await findUsableToken(token, "EMAIL_CHANGE");
  if (!record || !record.newEmail) return null;
  return { firstName: record.user.firstName, oldEmail: record.user.email, newEmail: record.newEmail };
}

/** Confirms the new address: the email changes and every session ends. */
export async function confirmEmailChange(token: string, meta: RequestMeta) {
  await consumeRateLimit(RATE_LIMITS.tokenPagePerIp, meta.ip);
  const link = await findUsableToken(token, "EMAIL_CHANGE");
  if (!link || !link.newEmail) throw new ConflictError(EMAIL_CHANGE_LINK_NO_LONGER_VALID);
  const newEmail = link.newEmail;
  await assertEmailFree(newEmail, link.user.partnerId, "token").catch((error: unknown) => {
    throw error instanceof ValidationError ? new ConflictError(error.fieldErrors.token[0]) : error;
  });
  try {
    await db.$transaction(async (tx) => {
      const userId = await consumeUserToken(tx, token, "EMAIL_CHANGE");
      if (!userId) throw new ConflictError(EMAIL_CHANGE_LINK_NO_LONGER_VALID);
      await tx.user.update({
        where: { id: userId },
        data: { email: newEmail, emailNormalized: normalizeEmail(newEmail), sessionVersion: { increment: 1 } },
      });
      await enqueueEmail(tx, {
        template: "email-change-notice",
        to: link.user.email,
        dedupeKey: `email-change-done:${link.id}`,
        props: { firstName: link.user.firstName, newEmail, stage: "changed" },
      });
      await recordAudit(tx, { userId, partnerId: link.user.partnerId, ...meta }, {
        action: "user.email_changed",
        target: { type: "user", id: userId },
        changes: { from: link.user.email, to: newEmail },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const taken = await emailTakenError(newEmail, link.user.partnerId, "token");
      throw new ConflictError(taken.fieldErrors.token[0]);
    }
    throw error;
  }
  wakeOutboxWorker();
  return { email: newEmail };
}
