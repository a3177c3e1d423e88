import "server-only";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { ValidationError } from "../errors.ts";
import { sendActivationEmail } from "../team/invite.ts";
import { notifyInvitationStatus } from "../team/notify.ts";
import { consumeUserToken, findTokenOwner, findUsableToken } from "./user-tokens.ts";
import { unlockAccount } from "./lockout.ts";
import { checkPasswordLink } from "./password-link.ts";
import { endSessions } from "./sessions.ts";
import type { RequestMeta } from "./request-meta.ts";
import { consumeRateLimit, RATE_LIMITS } from "../security/rate-limit.ts";

export const LINK_NO_LONGER_VALID = "This activation link has expired or has already been used.";

/** What the activation page shows for a link (a GET never uses the token). */
export async function describeActivationLink(token: string) {
  const record = await findUsableToken(token, "ACTIVATION");
  if (!record || record.user.status !== "INVITED") return null;
  return { firstName: record.user.firstName, email: record.user.email, expiresAt: record.expiresAt };
}

/**
 * Sets the invitee's first password and activates the account. The token is
 * checked again and used up here, on submit, in the same transaction.
 * Returns the email to sign in with.
 */
export async function activateAccount(token: string, password: string, meta: RequestMeta) {
  const { link, passwordHash } = await checkPasswordLink(
    { token, purpose: "ACTIVATION", status: "INVITED", noLongerValid: LINK_NO_LONGER_VALID },
    password,
    meta,
  );

  const result = await db.$transaction(async (tx) => {
    const userId = await consumeUserToken(tx, token, "ACTIVATION");
    if (!userId) throw ValidationError.field("password", LINK_NO_LONGER_VALID);
    const { count } = await tx.user.updateMany({
      where: { id: userId, status: "INVITED", deletedAt: null },
      data: { status: "ACTIVE", passwordHash },
    });
    if (count !== 1) throw ValidationError.field("password", LINK_NO_LONGER_VALID);
    await endSessions(tx, userId, "password_changed");
    await unlockAccount(tx, userId);
    await recordAudit(tx, { userId, partnerId: link.user.partnerId, ...meta }, {
      action: "user.activated",
      target: { type: "user", id: userId },
    });
    if (link.user.partnerId) await notifyInvitationStatus(tx, link.user.partnerId, userId, "accepted", link.id);
    return { email: link.user.email };
  });
  wakeOutboxWorker();
  return result;
}

/**
 * "Send a new link" from an expired or used activation link. Says nothing
 * about whether anything was sent: the caller shows the same message always.
 */
export async function requestNewActivationLink(token: string, meta: RequestMeta) {
  await consumeRateLimit(RATE_LIMITS.tokenPagePerIp, meta.ip);
  const userId = await findTokenOwner(token, "ACTIVATION");
  if (!userId) return;
  const user = await db.user.findFirst({
    where: { id: userId, status: "INVITED", deletedAt: null },
    select: { id: true, firstName: true, email: true, partnerId: true, partner: { select: { name: true } } },
  });
  if (!user) return;
  await db.$transaction(async (tx) => {
    await sendActivationEmail(tx, { userId: null, partnerName: user.partner?.name }, user, "invite-resent");
    await recordAudit(tx, { userId: null, partnerId: user.partnerId, ...meta }, {
      action: "user.activation_link_requested",
      target: { type: "user", id: user.id },
    });
  });
  wakeOutboxWorker();
}
