import "server-only";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { ConflictError, NotFoundError, ValidationError } from "../errors.ts";
import { mayBeManager, needsManager } from "../team/rules.ts";
import { sendPasswordResetOnBehalf } from "../auth/password-reset.ts";
import { sendActivationEmail } from "../team/invite.ts";
import { consumeRateLimit, RATE_LIMITS } from "../security/rate-limit.ts";
import { assertMayActOnAccount, assertMayPlacePartnerUser, assertStaff, staffActor, type StaffCaller } from "./staff-access.ts";
import type { Caller } from "../auth/caller.ts";
import { endSessions } from "../auth/sessions.ts";
import type { MoveInvitedUserInput } from "./schemas.ts";
import { expireOpenLinks } from "../auth/user-tokens.ts";

// Duplicate-email resolution and on-behalf help (DESIGN §7).

const DETACHED_EMAIL_DOMAIN = "invalid";

/** A non-deliverable address (RFC 2606 reserves .invalid) unique to the account. */
function detachedEmailFor(userId: string) {
  return `detached+${userId}@${DETACHED_EMAIL_DOMAIN}`;
}

export function isDetachedEmail(email: string) {
  return email.toLowerCase().endsWith(`@${DETACHED_EMAIL_DOMAIN}`);
}

const targetSelect = {
  id: true,
  kind: true,
  role: true,
  permissions: true,
  status: true,
  email: true,
  firstName: true,
  lastName: true,
  deletedAt: true,
  partnerId: true,
  customer: { select: { partnerId: true } },
} as const;

/**
 * Frees an address held by the wrong account: the account gets a placeholder
 * address, is disabled and signed out everywhere, and its pending links stop
 * working. The reason and the freed address go to the audit log.
 */
export async function detachEmail(caller: Caller, userId: string, reason: string) {
  assertStaff(caller, "accounts.resolve");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: targetSelect });
    if (!user) throw new NotFoundError("That account doesn't exist.");
    if (user.deletedAt) throw new ConflictError("This account is deleted: its email is already free.");
    if (isDetachedEmail(user.email)) throw new ConflictError("This account's email is already detached.");
    await assertMayActOnAccount(tx, caller, user, { removesAccess: true });

    const placeholder = detachedEmailFor(user.id);
    await tx.user.update({
      where: { id: user.id },
      data: { email: placeholder, emailNormalized: placeholder, status: "DISABLED" },
    });
    await endSessions(tx, user.id, "email_detached");
    // An activation or reset link already mailed to the address must not open this account any more.
    await expireOpenLinks(tx, user.id);
    const partnerId = user.partnerId ?? user.customer?.partnerId ?? null;
    await recordAudit(tx, staffActor(caller, partnerId), {
      action: "user.email_detached",
      partnerId,
      target: { type: "user", id: user.id },
      changes: { reason, previousEmail: user.email, previousStatus: user.status, placeholder },
    });
    return { id: user.id, firstName: user.firstName, lastName: user.lastName, previousEmail: user.email };
  });
}

/**
 * An invitation sent to the wrong partner: the still-invited user moves to the
 * right one with that partner's chosen role, no extra permissions and no
 * manager from the old partner, and gets a fresh link (earlier ones stop working).
 */
export async function moveInvitedUser(caller: Caller, input: MoveInvitedUserInput) {
  assertStaff(caller, "accounts.resolve");
  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: input.userId, kind: "PARTNER", deletedAt: null },
      select: { ...targetSelect, primaryOf: { select: { id: true } }, _count: { select: { reports: { where: { deletedAt: null } } } } },
    });
    if (!user || !user.partnerId) throw new NotFoundError("That partner user doesn't exist.");
    // Support moves only non-admin invitations, into non-admin roles (DESIGN §10).
    assertMayPlacePartnerUser(caller, input.role, user);
    if (user.status !== "INVITED") {
      throw new ConflictError(`${user.firstName} ${user.lastName} has already activated (or is disabled): only invited users can be moved.`);
    }
    if (user.primaryOf) throw new ConflictError("This user is their partner's primary user: transfer that first.");
    if (user._count.reports > 0) throw new ConflictError("Other team members report to this user: change their manager first.");
    if (user.partnerId === input.targetPartnerId) throw ValidationError.field("targetPartnerId", "The user is already in this partner.");
    const target = await tx.partner.findUnique({
      where: { id: input.targetPartnerId },
      select: { id: true, name: true, status: true, primaryUser: { select: { id: true, role: true, status: true, deletedAt: true } } },
    });
    if (!target) throw ValidationError.field("targetPartnerId", "Choose a partner from the list.");
    if (target.status !== "ACTIVE") throw ValidationError.field("targetPartnerId", "That partner is suspended.");
    const managerId = managerFor(input.role, target.primaryUser);

    await tx.user.update({
      where: { id: user.id },
      data: { partnerId: target.id, role: input.role, permissions: [], managerId, invitedById: caller.userId },
    });
    await sendActivationEmail(tx, { userId: caller.userId, partnerName: target.name }, user, "activation");
    await recordAudit(tx, staffActor(caller, user.partnerId), {
      action: "user.moved_to_partner",
      // The partner that lost the user keeps the trace; the new one is named in the changes.
      partnerId: user.partnerId,
      target: { type: "user", id: user.id },
      changes: { reason: input.reason, fromPartnerId: user.partnerId, toPartnerId: target.id, toPartnerName: target.name, role: input.role },
    });
    return { id: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email, partnerName: target.name };
  });
  wakeOutboxWorker();
  return result;
}

/** The manager an Account Executive gets in a partner chosen by staff: its primary Partner Admin. */
export function managerFor(
  role: string,
  primary: { id: string; role: string | null; status: string; deletedAt: Date | null } | null,
): string | null {
  if (!needsManager(role)) return null;
  if (primary && mayBeManager(primary)) return primary.id;
  throw ValidationError.field("role", "This partner has no active primary Partner Admin to manage an Account Executive. Choose another role.");
}

async function loadForHelp(caller: StaffCaller, userId: string) {
  const user = await db.user.findFirst({
    where: { id: userId, deletedAt: null },
    select: { ...targetSelect, partner: { select: { name: true } } },
  });
  if (!user) throw new NotFoundError("That account doesn't exist.");
  await db.$transaction((tx) => assertMayActOnAccount(tx, caller, user, { removesAccess: false }));
  return user;
}

/** Resends an invitation on the user's behalf; earlier links stop working. */
export async function resendInviteOnBehalf(caller: Caller, userId: string) {
  assertStaff(caller, "accounts.resolve");
  const user = await loadForHelp(caller, userId);
  if (user.status !== "INVITED") throw new ConflictError(`${user.firstName} ${user.lastName} has already activated their account.`);
  if (isDetachedEmail(user.email)) throw new ConflictError("This account's email is detached: there is no address to send to.");
  await consumeRateLimit(RATE_LIMITS.resendInvitePerUser, user.id);
  await db.$transaction(async (tx) => {
    await sendActivationEmail(tx, { userId: caller.userId, partnerName: user.partner?.name ?? null }, user, "invite-resent");
    await recordAudit(tx, staffActor(caller, user.partnerId), {
      action: "user.invite_resent",
      partnerId: user.partnerId,
      target: { type: "user", id: user.id },
    });
  });
  wakeOutboxWorker();
  return user;
}

/** Mails a password-reset link; support never sees or sets the password. */
export async function sendResetLinkOnBehalf(caller: Caller, userId: string) {
  assertStaff(caller, "accounts.resolve");
  const user = await loadForHelp(caller, userId);
  const partnerId = user.partnerId ?? user.customer?.partnerId ?? null;
  await sendPasswordResetOnBehalf(staffActor(caller, partnerId), { ...user, partnerId });
  return user;
}
