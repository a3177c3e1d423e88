import "server-only";
import { db, type Tx } from "../db/client.ts";
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
import { consumeUserToken, expireOpenLinks, findUsableToken, issueUserToken } from "./user-tokens.ts";
import { assertMayActOn, lockPartnerTeam } from "../team/rules.ts";
import { verifyCurrentPassword } from "./change-password.ts";
import { endSessions } from "./sessions.ts";
import { liveTeamMembers } from "../team/member-scope.ts";
import { accessFields, personFields } from "../accounts/selects.ts";

// Changing the login email (DESIGN §2, §4): the new address must confirm
// through a link before anything changes; the old address is told at both
// steps; the email rule is checked when asked and again on confirmation.

const EMAIL_CHANGE_TTL_HOURS = 24;
export const EMAIL_CHANGE_LINK_NO_LONGER_VALID = "This confirmation link has expired or has already been used.";

const targetSelect = { ...personFields, emailNormalized: true, ...accessFields } as const;

/**
 * The user themself, or an admin with users.manage for a team member they may
 * act on (the privilege ceiling, DESIGN §10: whoever controls the address can
 * reset the password, so this is as strong as acting on the account).
 */
export async function requestEmailChange(caller: PartnerCaller, userId: string, newEmail: string) {
  if (userId === caller.userId) {
    throw new ForbiddenError("Change your own sign-in email from Your account, where it asks for your current password.");
  }
  return startEmailChange(caller, userId, newEmail);
}

/**
 * The signed-in user changes their own sign-in email: only with their current
 * password (DESIGN §10), because whoever controls the address can reset the
 * password, so a stolen session must not be able to move it.
 */
export async function requestOwnEmailChange(caller: PartnerCaller, input: { newEmail: string; currentPassword: string }) {
  await verifyCurrentPassword(caller, input.currentPassword);
  return startEmailChange(caller, caller.userId, input.newEmail);
}

async function startEmailChange(caller: PartnerCaller, userId: string, newEmail: string) {
  const forSomeoneElse = caller.userId !== userId;
  if (forSomeoneElse && !caller.permissions.includes("users.manage")) throw new ForbiddenError();
  const user = await db.user.findFirst({
    where: { id: userId, ...liveTeamMembers(caller.partnerId) },
    select: targetSelect,
  });
  if (!user) throw new NotFoundError("That team member doesn't exist.");
  if (forSomeoneElse) await assertMayActOn(db, caller, user);
  return queueEmailChange(
    caller,
    user,
    newEmail,
    forSomeoneElse
      ? async (tx) => {
          // Again under the team lock: a promotion that commits meanwhile either
          // comes first (and is seen here) or cancels this link (cancelPendingEmailChanges).
          await lockPartnerTeam(tx, caller.partnerId);
          const fresh = await tx.user.findFirst({ where: { id: user.id, partnerId: caller.partnerId, deletedAt: null }, select: targetSelect });
          if (!fresh) throw new NotFoundError("That team member doesn't exist.");
          await assertMayActOn(tx, caller, fresh);
        }
      : undefined,
  );
}

/**
 * The confirm-by-link change of an account's sign-in email, for any kind of
 * account: the caller's module has found `user` within the caller's tenant
 * and checked who may change it (team members above; customer users in
 * lib/customers/customer-users.ts). Checks the new address, rate-limits,
 * then issues the link, tells the old address and audits in one transaction
 * (`recheck` runs first inside it). confirmEmailChange finishes it.
 */
export async function queueEmailChange(
  caller: PartnerCaller,
  user: { id: string; firstName: string; email: string; emailNormalized: string },
  newEmail: string,
  recheck?: (tx: Tx) => Promise<void>,
) {
  if (normalizeEmail(newEmail) === user.emailNormalized) {
    throw ValidationError.field("newEmail", "That is already the sign-in email.");
  }
  await assertEmailFree(newEmail, caller.partnerId, "newEmail");
  await consumeRateLimit(RATE_LIMITS.resendInvitePerUser, `email-change:${user.id}`);

  await db.$transaction(async (tx) => {
    await recheck?.(tx);
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
      changes: { email: { from: user.email, to: newEmail } },
    });
  });
  wakeOutboxWorker();
  return { id: user.id, email: user.email, newEmail };
}

/**
 * Voids every pending change of `userId`'s login email. Called when they gain
 * permissions or become the primary user: the change was allowed against what
 * they held when it was asked for.
 */
export async function cancelPendingEmailChanges(tx: Tx, userId: string) {
  await expireOpenLinks(tx, userId, "EMAIL_CHANGE");
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
        data: { email: newEmail, emailNormalized: normalizeEmail(newEmail) },
      });
      // Links mailed to the old address (activation, reset) die with it: whoever still reads that inbox
      // must not activate or take the account. Any new link (Resend welcome, Forgot password) goes to the new address.
      await expireOpenLinks(tx, userId);
      await endSessions(tx, userId, "email_changed");
      await enqueueEmail(tx, {
        template: "email-change-notice",
        to: link.user.email,
        dedupeKey: `email-change-done:${link.id}`,
        props: { firstName: link.user.firstName, newEmail, stage: "changed" },
      });
      await recordAudit(tx, { userId, partnerId: link.user.partnerId, ...meta }, {
        action: "user.email_changed",
        target: { type: "user", id: userId },
        changes: { email: { from: link.user.email, to: newEmail } },
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
