import "server-only";
import { db, type Tx } from "../db/client.ts";
import { auditDiff, recordAudit, type AuditActor } from "../audit/record.ts";
import { ConflictError, ForbiddenError, isUniqueViolation, NotFoundError, ValidationError } from "../errors.ts";
import { effectivePermissions, requirePermission } from "../auth/permissions.ts";
import type { Caller, PartnerCaller } from "../auth/caller.ts";
import { endSessions } from "../auth/sessions.ts";
import { assertStaff, staffActor } from "../support/staff-access.ts";
import { asDeleted, restoreAccount, restoreDaysLeft, softDeleteAccount } from "../accounts/soft-delete.ts";
import { sendPasswordResetOnBehalf } from "../auth/password-reset.ts";
import { emailTakenError } from "../accounts/email-rule.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import type { NotificationKind } from "../notifications/kinds.ts";
import { assertValidManager } from "./invite.ts";
import { cancelPendingEmailChanges } from "../auth/email-change.ts";
import {
  assertGrantable,
  assertMayActOn,
  assertUserManagerRemains,
  isManagerCandidate,
  lockPartnerTeam,
  managerIdFor,
  managesUsers,
  mayBecomePrimary,
  needsManager,
  samePermissions,
} from "./rules.ts";
import { OWN_ROLE_OR_PERMISSIONS, PRIMARY_TRANSFER_ONLY } from "./ceiling.ts";
import type { EditUserInput, RestoreUserInput } from "./schemas.ts";
import { pendingEmailChangeSelect } from "../auth/user-tokens.ts";
import { accessFields, personFields } from "../accounts/selects.ts";
import { liveTeamMembers, restorableTeamMembers } from "./member-scope.ts";

// Edit, disable, enable, delete, restore and primary-user transfer of team
// members (DESIGN §3, §4). Every function takes the caller first and scopes
// every query by the caller's partner: another tenant's id is "not found".
// Every one that acts on another member applies the privilege ceiling
// (assertMayActOn, DESIGN §10) once the member is found.

const NOT_FOUND = "That team member doesn't exist.";

const memberSelect = {
  ...personFields,
  phone: true,
  ...accessFields,
  managerId: true,
  notifications: true,
  lastSignInAt: true,
  createdAt: true,
  passwordHash: true,
} as const;

async function findMember(tx: Tx, caller: PartnerCaller, userId: string) {
  const user = await tx.user.findFirst({
    where: { id: userId, ...liveTeamMembers(caller.partnerId) },
    select: memberSelect,
  });
  if (!user) throw new NotFoundError(NOT_FOUND);
  return user;
}

type Member = Awaited<ReturnType<typeof findMember>>;

/**
 * How every change to one member begins: users.manage, then in one
 * transaction the partner's team lock (lockPartnerTeam: two admins acting
 * on each other at once run one after the other) and the member, found in
 * the caller's tenant. `change` runs in that transaction and applies the
 * privilege ceiling (assertMayActOn) itself, after any check of its own.
 */
async function withLockedMember<T>(caller: PartnerCaller, userId: string, change: (tx: Tx, user: Member) => Promise<T>) {
  requirePermission(caller, "users.manage");
  return db.$transaction(async (tx) => {
    await lockPartnerTeam(tx, caller.partnerId);
    return change(tx, await findMember(tx, caller, userId));
  });
}

async function isPrimary(tx: Tx, caller: PartnerCaller, userId: string) {
  const partner = await tx.partner.findFirst({ where: { id: caller.partnerId }, select: { primaryUserId: true } });
  return partner?.primaryUserId === userId;
}

async function activeReportCount(tx: Tx, caller: PartnerCaller, userId: string) {
  return tx.user.count({ where: { partnerId: caller.partnerId, managerId: userId, deletedAt: null } });
}

const fullName = (user: { firstName: string; lastName: string }) => `${user.firstName} ${user.lastName}`;

/** One team member for the edit page. */
export async function getTeamMemberOrThrow(caller: PartnerCaller, userId: string) {
  requirePermission(caller, "users.view");
  const user = await db.user.findFirst({
    where: { id: userId, ...liveTeamMembers(caller.partnerId) },
    select: {
      ...memberSelect,
      passwordHash: false,
      manager: { select: { id: true, firstName: true, lastName: true } },
      reports: { where: { deletedAt: null }, select: { id: true, firstName: true, lastName: true }, orderBy: { lastName: "asc" } },
      tokens: pendingEmailChangeSelect(),
    },
  });
  if (!user) throw new NotFoundError(NOT_FOUND);
  const { tokens, ...rest } = user;
  return { ...rest, isPrimary: await isPrimary(db, caller, userId), pendingEmail: tokens[0] ?? null };
}

/**
 * Edit name, phone, role, permissions, manager and notification settings.
 * A permission change ends the user's sessions.
 */
export async function updateTeamMember(caller: PartnerCaller, input: EditUserInput) {
  return withLockedMember(caller, input.userId, async (tx, before) => {
    const managerId = managerIdFor(input.role, input.managerId);
    const notifications = [...new Set([...input.notifications, "security"])];
    const { isPrimary: targetIsPrimary } = await assertMayActOn(tx, caller, before);
    const after = { role: input.role, permissions: input.permissions };
    const permissionsChanged = !samePermissions(before, after);

    if (permissionsChanged) {
      // Your own name, phone and notifications, yes; your own role or permissions, never.
      if (before.id === caller.userId) throw ValidationError.field("role", OWN_ROLE_OR_PERMISSIONS);
      assertGrantable(caller, input.role, input.permissions, before);
      if (before.role === "partner_admin" && input.role !== "partner_admin") {
        if (targetIsPrimary) {
          throw ValidationError.field("role", `${fullName(before)} is the primary user. Transfer the primary role to another Partner Admin first.`);
        }
        const reports = await activeReportCount(tx, caller, before.id);
        if (reports > 0) {
          throw ValidationError.field(
            "role",
            `${reports} ${reports === 1 ? "person reports" : "people report"} to ${fullName(before)}. Assign them another manager first.`,
          );
        }
      }
    }
    if (managerId !== before.managerId || input.role !== before.role) {
      if (managerId === before.id) throw ValidationError.field("managerId", "Nobody can be their own manager.");
      await assertValidManager(caller, input.role, managerId, tx);
    }

    await tx.user.update({
      where: { id: before.id },
      data: {
        firstName: input.firstName,
        lastName: input.lastName,
        phone: input.phone,
        role: input.role,
        permissions: input.permissions,
        managerId,
        notifications,
      },
    });
    if (permissionsChanged) await endSessions(tx, before.id, "permissions_changed");
    if (permissionsChanged && managesUsers(before) && before.status === "ACTIVE") {
      await assertUserManagerRemains(tx, caller.partnerId, before);
    }
    // A pending email change was allowed against what they held then: someone
    // who can't act on them now must not finish it (decision 0011).
    const held = permissionsOf(before);
    if (permissionsOf(after).some((permission) => !held.includes(permission))) {
      await cancelPendingEmailChanges(tx, before.id);
    }
    const changes = auditDiff(before, { ...input, managerId, notifications }, EDITABLE_FIELDS);
    await recordAudit(tx, caller, { action: "user.updated", target: { type: "user", id: before.id }, changes });
    return { id: before.id, firstName: input.firstName, lastName: input.lastName, permissionsChanged };
  });
}

const permissionsOf = (user: { role: string | null; permissions: readonly string[] }) =>
  effectivePermissions(user.role, user.permissions);

const EDITABLE_FIELDS = ["firstName", "lastName", "phone", "role", "permissions", "managerId", "notifications"];

/** Blocks sign-in and ends every session; keeps everything else. */
export async function disableTeamMember(caller: PartnerCaller, userId: string) {
  return withLockedMember(caller, userId, async (tx, user) => {
    if (user.id === caller.userId) throw new ConflictError("You can't disable your own account.");
    if ((await assertMayActOn(tx, caller, user)).isPrimary) {
      throw new ConflictError(`${fullName(user)} is the primary user and can't be disabled. Transfer the primary role first.`);
    }
    if (user.status === "DISABLED") return user;
    await tx.user.update({ where: { id: user.id }, data: { status: "DISABLED" } });
    await endSessions(tx, user.id, "disabled");
    if (managesUsers(user) && user.status === "ACTIVE") await assertUserManagerRemains(tx, caller.partnerId, user);
    await recordAudit(tx, caller, {
      action: "user.disabled",
      target: { type: "user", id: user.id },
      changes: { status: { from: user.status, to: "DISABLED" } },
    });
    return user;
  });
}

/** Lets a disabled member sign in again (or finish activating, if they never did). */
export async function enableTeamMember(caller: PartnerCaller, userId: string) {
  return withLockedMember(caller, userId, async (tx, user) => {
    await assertMayActOn(tx, caller, user);
    if (user.status !== "DISABLED") return user;
    const status = user.passwordHash ? "ACTIVE" : "INVITED";
    await tx.user.update({ where: { id: user.id }, data: { status } });
    await recordAudit(tx, caller, {
      action: "user.enabled",
      target: { type: "user", id: user.id },
      changes: { status: { from: "DISABLED", to: status } },
    });
    return user;
  });
}

/**
 * Soft delete (lib/accounts/soft-delete.ts): the member leaves the list, is
 * signed out at once and frees their email; Deleted users can restore them
 * within the restore window.
 */
export async function deleteTeamMember(caller: PartnerCaller, userId: string) {
  return withLockedMember(caller, userId, async (tx, user) => {
    if (user.id === caller.userId) throw new ConflictError("You can't delete your own account.");
    if ((await assertMayActOn(tx, caller, user)).isPrimary) {
      throw new ConflictError(`${fullName(user)} is the primary user and can't be deleted. Transfer the primary role first.`);
    }
    const reports = await activeReportCount(tx, caller, user.id);
    if (reports > 0) {
      throw new ConflictError(
        `${reports} ${reports === 1 ? "person reports" : "people report"} to ${fullName(user)}. Assign them another manager before deleting ${user.firstName}.`,
      );
    }
    const deletedAt = await softDeleteAccount(tx, user.id, caller.userId);
    if (managesUsers(user) && user.status === "ACTIVE") await assertUserManagerRemains(tx, caller.partnerId, user);
    await recordAudit(tx, caller, {
      action: "user.deleted",
      target: { type: "user", id: user.id },
      changes: { deletedAt: { from: null, to: deletedAt }, email: { from: user.email, to: null } },
    });
    return user;
  });
}

/** How many the Deleted users tab lists: its label says "Deleted users (2)". */
export async function countDeletedMembers(caller: PartnerCaller, now = new Date()) {
  requirePermission(caller, "users.manage");
  return db.user.count({ where: restorableTeamMembers(caller.partnerId, now) });
}

/** Deleted members still within the restore window, newest first. */
export async function listDeletedMembers(caller: PartnerCaller, now = new Date()) {
  requirePermission(caller, "users.manage");
  const users = await db.user.findMany({
    where: restorableTeamMembers(caller.partnerId, now),
    orderBy: [{ deletedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { ...personFields, role: true, deletedAt: true, deletedById: true },
  });
  const deleters = await db.user.findMany({
    where: { id: { in: [...new Set(users.map((u) => u.deletedById).filter((id): id is string => !!id))] } },
    select: { id: true, firstName: true, lastName: true },
  });
  const names = new Map(deleters.map((d) => [d.id, fullName(d)]));
  return users
    .map((user) => asDeleted(user))
    .map((user) => ({
      ...user,
      deletedByName: user.deletedById ? (names.get(user.deletedById) ?? "Support") : "Unknown",
      daysLeft: restoreDaysLeft(user.deletedAt, now),
    }));
}

export const RESTORE_NEEDS_MANAGER = "Their manager is no longer available. Choose a new manager to restore them.";

/**
 * Brings a deleted member back with role, permissions, manager and settings.
 * Refused when their email now belongs to another active account, and when
 * their manager is gone unless a new one is given.
 */
export async function restoreTeamMember(caller: PartnerCaller, input: RestoreUserInput, now = new Date()) {
  requirePermission(caller, "users.manage");
  const user = await db.user.findFirst({
    where: { id: input.userId, ...restorableTeamMembers(caller.partnerId, now) },
    select: { ...personFields, emailNormalized: true, ...accessFields, managerId: true, deletedAt: true },
  });
  if (!user) throw new NotFoundError("That deleted user doesn't exist or can no longer be restored.");
  // They come back with exactly these permissions, so these are what the ceiling weighs.
  await assertMayActOn(db, caller, user);

  const taken = await db.user.findFirst({ where: { emailNormalized: user.emailNormalized, deletedAt: null }, select: { id: true } });
  if (taken) throw await restoreEmailTaken(user.email, caller.partnerId);

  let managerId = user.managerId;
  if (needsManager(user.role)) {
    if (!managerId || !(await isManagerCandidate(db, caller.partnerId, managerId))) {
      if (!input.managerId) throw ValidationError.field("managerId", RESTORE_NEEDS_MANAGER);
      await assertValidManager(caller, user.role, input.managerId);
      managerId = input.managerId;
    }
  }

  try {
    await db.$transaction(async (tx) => {
      // Someone who can sign in again is told (DESIGN §6); a restored invitee gets a Re-invite instead.
      await restoreAccount(tx, asDeleted(user), caller.partnerId, caller.partnerName ?? "your organization", {
        data: { managerId },
        now,
      });
      await recordAudit(tx, caller, {
        action: "user.restored",
        target: { type: "user", id: user.id },
        changes: {
          deletedAt: { from: user.deletedAt, to: null },
          ...(managerId !== user.managerId ? { managerId: { from: user.managerId, to: managerId } } : {}),
        },
      });
    });
    wakeOutboxWorker();
  } catch (error) {
    // Someone took the address between the check and the update: the index refuses.
    if (isUniqueViolation(error)) throw await restoreEmailTaken(user.email, caller.partnerId);
    throw error;
  }
  return user;
}

async function restoreEmailTaken(email: string, partnerId: string) {
  const error = await emailTakenError(email, partnerId, "userId");
  const message = error.fieldErrors.userId[0];
  return new ConflictError(`Can't restore: ${email} now belongs to another active account. ${message}`);
}

/**
 * Hands a partner's primary role to another of its active Partner Admins, in
 * one transaction that holds the partner lock (lockPartnerTeam), audited. The
 * one way for both callers: the primary user from the team page (partnerId is
 * theirs; the privilege ceiling applies and only the primary user may hand it
 * over) and vendor staff who manage partners (the partner from the console).
 * Another tenant's member is "not found"; handing it to the current primary
 * user changes nothing.
 */
export async function transferPrimaryUser(caller: Caller, input: { userId: string; partnerId?: string }) {
  let partnerId: string;
  let actor: AuditActor = caller;
  if (caller.kind === "STAFF") {
    assertStaff(caller, "partners.manage");
    if (!input.partnerId) throw ValidationError.field("partnerId", "Choose a partner.");
    partnerId = input.partnerId;
    actor = staffActor(caller, partnerId);
  } else {
    if (caller.kind !== "PARTNER" || !caller.partnerId || (input.partnerId && input.partnerId !== caller.partnerId)) {
      throw new NotFoundError(NOT_FOUND);
    }
    requirePermission(caller, "users.manage");
    partnerId = caller.partnerId;
  }
  return db.$transaction(async (tx) => {
    await lockPartnerTeam(tx, partnerId);
    const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { primaryUserId: true } });
    if (!partner) throw new NotFoundError("That partner doesn't exist.");
    const user = await tx.user.findFirst({ where: { id: input.userId, ...liveTeamMembers(partnerId) }, select: memberSelect });
    if (!user) throw new NotFoundError(NOT_FOUND);
    if (caller.kind === "PARTNER") await assertMayActOn(tx, caller as PartnerCaller, user);
    if (partner.primaryUserId === user.id) return user;
    // Handing the role over changes the primary user's account too: only they (or staff) may.
    if (caller.kind === "PARTNER" && partner.primaryUserId !== caller.userId) throw new ForbiddenError(PRIMARY_TRANSFER_ONLY);
    if (!mayBecomePrimary(user)) {
      throw new ConflictError(`${fullName(user)} can't become the primary user: the primary role can only go to an active Partner Admin.`);
    }
    await tx.partner.update({ where: { id: partnerId }, data: { primaryUserId: user.id } });
    // A change of address someone else asked for before they became primary must not finish.
    await cancelPendingEmailChanges(tx, user.id);
    await recordAudit(tx, actor, {
      action: "partner.primary_user_transferred",
      partnerId,
      target: { type: "user", id: user.id },
      changes: { primaryUserId: { from: partner.primaryUserId, to: user.id } },
    });
    return user;
  });
}

/** Mails a reset link to a team member; the admin never sees or sets the password. */
export async function sendResetLinkToMember(caller: PartnerCaller, userId: string) {
  requirePermission(caller, "users.manage");
  const user = await db.user.findFirst({
    where: { id: userId, ...liveTeamMembers(caller.partnerId) },
    select: { ...personFields, partnerId: true, ...accessFields },
  });
  if (!user) throw new NotFoundError(NOT_FOUND);
  await assertMayActOn(db, caller, user);
  await sendPasswordResetOnBehalf(caller, user);
  return user;
}

/** The partner's off switch for the 48-hour invitation reminder. */
export async function setInviteReminders(caller: PartnerCaller, enabled: boolean) {
  requirePermission(caller, "users.manage");
  await db.$transaction(async (tx) => {
    await tx.partner.update({ where: { id: caller.partnerId }, data: { inviteRemindersEnabled: enabled } });
    await recordAudit(tx, caller, {
      action: "partner.invite_reminders_changed",
      target: { type: "partner", id: caller.partnerId },
      changes: { inviteRemindersEnabled: enabled },
    });
  });
}

export async function getTeamSettings(caller: PartnerCaller) {
  const partner = await db.partner.findFirst({
    where: { id: caller.partnerId },
    select: { inviteRemindersEnabled: true, primaryUserId: true },
  });
  if (!partner) throw new NotFoundError();
  return partner;
}


/** The caller's own account, for the "Your account" page (any partner user). */
export async function getOwnAccount(caller: PartnerCaller) {
  const user = await db.user.findFirst({
    where: { id: caller.userId, ...liveTeamMembers(caller.partnerId) },
    select: { ...personFields, notifications: true, tokens: pendingEmailChangeSelect() },
  });
  if (!user) throw new NotFoundError();
  const { tokens, ...rest } = user;
  return { ...rest, pendingEmail: tokens[0] ?? null };
}

/** Anyone chooses which emails they receive; security notices always stay on. */
export async function updateOwnNotifications(caller: PartnerCaller, kinds: readonly NotificationKind[]) {
  const notifications = [...new Set([...kinds, "security"])];
  await db.$transaction(async (tx) => {
    const before = await tx.user.findFirst({ where: { id: caller.userId, partnerId: caller.partnerId, deletedAt: null }, select: { notifications: true } });
    if (!before) throw new NotFoundError();
    await tx.user.update({ where: { id: caller.userId }, data: { notifications } });
    await recordAudit(tx, caller, {
      action: "user.notifications_changed",
      target: { type: "user", id: caller.userId },
      changes: { notifications: { from: before.notifications, to: notifications } },
    });
  });
}
