import "server-only";
import { db, type Tx } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { env } from "../env.ts";
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from "../errors.ts";
import { requirePermission, roleLabel } from "../auth/permissions.ts";
import { DEFAULT_NOTIFICATIONS } from "../notifications/kinds.ts";
import { assertGrantable, assertMayActOn, isManagerCandidate, managerIdFor, needsManager } from "./rules.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { issueUserToken } from "../auth/user-tokens.ts";
import { emailTakenError } from "../accounts/email-rule.ts";
import { normalizeEmail } from "../validation/fields.ts";
import { consumeRateLimit, RATE_LIMITS } from "../security/rate-limit.ts";
import type { InviteUserInput } from "./schemas.ts";
import { liveTeamMembers } from "./member-scope.ts";
import { accessFields, personFields } from "../accounts/selects.ts";

/** How long an activation link works (ACTIVATION_TOKEN_TTL_HOURS): team invitations and customer users' welcome emails. */
export const activationTtlMs = () => env().ACTIVATION_TOKEN_TTL_HOURS * 3600_000;

/** Invites a team member into the caller's partner (DESIGN §4 "Invite"). */
export async function inviteTeamMember(caller: PartnerCaller, input: InviteUserInput) {
  // Checked here too, not only in the action: the API and tests call this directly.
  requirePermission(caller, "users.manage");
  assertGrantable(caller, input.role, input.permissions);
  await assertValidManager(caller, input.role, input.managerId);

  try {
    const user = await db.$transaction(async (tx) => {
      const created = await createInvitedUser(
        tx,
        {
          kind: "PARTNER",
          partnerId: caller.partnerId,
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email,
          phone: input.phone,
          role: input.role,
          permissions: input.permissions,
          managerId: managerIdFor(input.role, input.managerId),
          notifications: input.notifications,
        },
        caller,
      );
      await recordAudit(tx, caller, {
        action: "user.invited",
        target: { type: "user", id: created.id },
        changes: { email: input.email, role: input.role, permissions: input.permissions, managerId: input.managerId },
      });
      return created;
    });
    wakeOutboxWorker();
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw await emailTakenError(input.email, caller.partnerId);
    throw error;
  }
}

/** Sends a fresh activation link; every earlier link stops working. */
export async function resendInvite(caller: PartnerCaller, userId: string) {
  requirePermission(caller, "users.manage");
  const user = await db.user.findFirst({
    where: { id: userId, ...liveTeamMembers(caller.partnerId) },
    select: { ...personFields, ...accessFields },
  });
  if (!user) throw new NotFoundError("That team member doesn't exist.");
  await assertMayActOn(db, caller, user);
  if (user.status !== "INVITED") throw new ConflictError(`${user.firstName} ${user.lastName} has already activated their account.`);
  await consumeRateLimit(RATE_LIMITS.resendInvitePerUser, user.id);

  await db.$transaction(async (tx) => {
    await sendActivationEmail(tx, caller, user, "invite-resent");
    await recordAudit(tx, caller, { action: "user.invite_resent", target: { type: "user", id: user.id } });
  });
  wakeOutboxWorker();
  return user;
}

type Inviter = { userId: string | null; firstName?: string; lastName?: string; partnerName?: string | null };

/** The person being invited: a member of one partner, or vendor staff (who belong to no partner). */
export type InvitedAccount = { firstName: string; lastName: string; email: string; phone?: string | null; role: string | null } & (
  | { kind: "PARTNER"; partnerId: string; permissions?: string[]; managerId?: string | null; notifications?: readonly string[] }
  | { kind: "STAFF" }
);

/**
 * Writes an Invited user and queues their activation email in the caller's
 * transaction, so nobody is ever invited without a link. Every way in (team
 * invite, vendor console, new partner, new staff) comes through here so the
 * email rule and defaults can't drift apart. Permission checks, the audit
 * event and the unique-violation message stay with the caller: each words
 * them for its own audience.
 */
export async function createInvitedUser(tx: Tx, account: InvitedAccount, inviter: Inviter) {
  const partner = account.kind === "PARTNER" ? account : null;
  const created = await tx.user.create({
    data: {
      kind: account.kind,
      partnerId: partner?.partnerId ?? null,
      firstName: account.firstName,
      lastName: account.lastName,
      email: account.email,
      emailNormalized: normalizeEmail(account.email),
      phone: account.phone,
      role: account.role,
      permissions: partner?.permissions ?? [],
      managerId: partner?.managerId ?? null,
      status: "INVITED",
      invitedById: inviter.userId,
      // Security notices always go (DESIGN §4); whoever doesn't choose gets the defaults.
      // Staff get none: notifications only ever reach partner members (lib/notifications/recipients.ts).
      notifications: partner ? [...new Set([...(partner.notifications ?? DEFAULT_NOTIFICATIONS), "security"])] : [],
    },
    // The manager's name: the invite confirmation repeats whom they report to (lib/team/invite-summary.ts).
    select: { ...personFields, manager: { select: { firstName: true, lastName: true } } },
  });
  await sendActivationEmail(tx, inviter, created, "activation");
  return created;
}

export async function sendActivationEmail(
  tx: Tx,
  inviter: Inviter,
  user: { id: string; firstName: string; email: string },
  template: "activation" | "invite-resent" | "invite-reminder",
) {
  const link = await issueUserToken(tx, user.id, "ACTIVATION", activationTtlMs());
  await enqueueEmail(tx, {
    template,
    to: user.email,
    dedupeKey: `activation:${link.id}`,
    props: {
      firstName: user.firstName,
      invitedByName: inviter.firstName ? `${inviter.firstName} ${inviter.lastName ?? ""}`.trim() : "The Partner Portal team",
      partnerName: inviter.partnerName ?? "Partner Portal",
      activationUrl: new URL(`/activate/${link.token}`, env().APP_URL).toString(),
      expiresAt: link.expiresAt.toISOString(),
    },
  });
}

/** A role that needs a manager has one who may be a manager (lib/team/rules.ts); checked as a field error. */
export async function assertValidManager(caller: PartnerCaller, role: string | null, managerId: string | null, tx: Tx = db) {
  if (!needsManager(role)) return;
  if (!managerId) throw ValidationError.field("managerId", `A ${roleLabel(role)} needs a manager.`);
  if (!(await isManagerCandidate(tx, caller.partnerId, managerId))) {
    throw ValidationError.field("managerId", "Choose a Partner Admin of your organization as manager.");
  }
}
