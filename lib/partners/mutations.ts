import "server-only";
import { db, type Tx } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { ConflictError, NotFoundError } from "../errors.ts";
import { createInvitedUser } from "../team/invite.ts";
import { assertStaff, staffActor } from "../support/staff-access.ts";
import { createHoldingEmail } from "../support/email-holder.ts";
import type { Caller } from "../auth/caller.ts";
import { endSessions } from "../auth/sessions.ts";
import type { CreatePartnerInput, EditPartnerInput } from "./schemas.ts";

// Partner lifecycle in the vendor console. Each change: one transaction, one
// audit event that names the staff member and belongs to the partner's trail.
// Handing the primary role over is lib/team/manage.ts transferPrimaryUser,
// the same function the primary user calls from the team page.

/** A partner and its primary user (Invited Partner Admin), with the activation email. */
export async function createPartner(caller: Caller, input: CreatePartnerInput) {
  assertStaff(caller, "partners.manage");
  return createHoldingEmail(input.email, (tx) => createPartnerInTransaction(tx, caller, input));
}

/**
 * The writes of createPartner in the caller's transaction: the partner, its
 * primary user (through createInvitedUser, with the activation email in the
 * outbox) and the audit event. The bulk import (import.ts) calls this once per
 * row inside its one transaction. Checks the caller again; the caller words a
 * unique violation of the email and wakes the outbox worker after commit.
 */
export async function createPartnerInTransaction(tx: Tx, caller: Caller, input: CreatePartnerInput) {
  assertStaff(caller, "partners.manage");
  const partner = await tx.partner.create({ data: { name: input.name }, select: { id: true, name: true } });
  const user = await createInvitedUser(
    tx,
    { kind: "PARTNER", partnerId: partner.id, firstName: input.firstName, lastName: input.lastName, email: input.email, phone: input.phone, role: "partner_admin" },
    { userId: caller.userId, partnerName: partner.name },
  );
  await tx.partner.update({ where: { id: partner.id }, data: { primaryUserId: user.id } });
  await recordAudit(tx, staffActor(caller, partner.id), {
    action: "partner.created",
    partnerId: partner.id,
    target: { type: "partner", id: partner.id },
    changes: { name: partner.name, primaryUserId: user.id, primaryUserEmail: user.email },
  });
  return { partner, user };
}

export async function updatePartner(caller: Caller, input: EditPartnerInput) {
  assertStaff(caller, "partners.manage");
  return db.$transaction(async (tx) => {
    const before = await tx.partner.findUnique({ where: { id: input.partnerId }, select: { id: true, name: true } });
    if (!before) throw new NotFoundError("That partner doesn't exist.");
    if (before.name === input.name) return before;
    const partner = await tx.partner.update({ where: { id: before.id }, data: { name: input.name }, select: { id: true, name: true } });
    await recordAudit(tx, staffActor(caller, partner.id), {
      action: "partner.updated",
      partnerId: partner.id,
      target: { type: "partner", id: partner.id },
      changes: { name: { from: before.name, to: partner.name } },
    });
    return partner;
  });
}

/**
 * Suspends a partner: every user of it is refused at sign-in with the reason,
 * and live sessions stop on their next request (lib/auth/sessions.ts).
 */
export async function suspendPartner(caller: Caller, partnerId: string, reason: string) {
  assertStaff(caller, "partners.manage");
  return db.$transaction(async (tx) => {
    const { count } = await tx.partner.updateMany({
      where: { id: partnerId, status: "ACTIVE" },
      data: { status: "SUSPENDED", suspendedReason: reason, suspendedAt: new Date() },
    });
    if (count === 0) {
      const exists = await tx.partner.findUnique({ where: { id: partnerId }, select: { id: true } });
      if (!exists) throw new NotFoundError("That partner doesn't exist.");
      throw new ConflictError("This partner is already suspended.");
    }
    // Sessions are cut now, not only refused later: a reactivation mustn't revive them.
    await endSessions(tx, { partnerId }, "partner_suspended");
    await recordAudit(tx, staffActor(caller, partnerId), {
      action: "partner.suspended",
      partnerId,
      target: { type: "partner", id: partnerId },
      changes: { reason },
    });
  });
}

export async function reactivatePartner(caller: Caller, partnerId: string) {
  assertStaff(caller, "partners.manage");
  return db.$transaction(async (tx) => {
    const { count } = await tx.partner.updateMany({
      where: { id: partnerId, status: "SUSPENDED" },
      data: { status: "ACTIVE", suspendedReason: null, suspendedAt: null },
    });
    if (count === 0) {
      const exists = await tx.partner.findUnique({ where: { id: partnerId }, select: { id: true } });
      if (!exists) throw new NotFoundError("That partner doesn't exist.");
      throw new ConflictError("This partner is not suspended.");
    }
    await recordAudit(tx, staffActor(caller, partnerId), {
      action: "partner.reactivated",
      partnerId,
      target: { type: "partner", id: partnerId },
    });
  });
}
