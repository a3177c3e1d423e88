import "server-only";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { NotFoundError } from "../errors.ts";
import { managerFor } from "../support/resolve.ts";
import { createInvitedUser } from "../team/invite.ts";
import { assertMayPlacePartnerUser, assertStaff, staffActor } from "../support/staff-access.ts";
import { createHoldingEmail } from "../support/email-holder.ts";
import type { Caller } from "../auth/caller.ts";
import type { StaffPermission } from "../auth/permissions.ts";
import type { AddPartnerUserInput } from "./schemas.ts";

export const ADD_PARTNER_USER_PERMISSIONS: StaffPermission[] = ["partners.manage", "accounts.resolve"];

/**
 * Vendor staff add a team member to a partner on its behalf (DESIGN §7): an
 * Invited user in that partner and an activation email, in one transaction.
 */
export async function addPartnerUser(caller: Caller, input: AddPartnerUserInput) {
  // Support may too: inviting a freed address to the right partner is how a duplicate gets resolved (DESIGN §7).
  assertStaff(caller, ADD_PARTNER_USER_PERMISSIONS);
  // ...but only staff who manage partners may create a Partner Admin (DESIGN §10).
  assertMayPlacePartnerUser(caller, input.role);
  const partner = await db.partner.findUnique({
    where: { id: input.partnerId },
    select: { id: true, name: true, primaryUser: { select: { id: true, role: true, status: true, deletedAt: true } } },
  });
  if (!partner) throw new NotFoundError("That partner doesn't exist.");
  // An Account Executive reports to a Partner Admin: staff don't know the team, so the primary user it is.
  const managerId = managerFor(input.role, partner.primaryUser);
  return createHoldingEmail(input.email, async (tx) => {
    const created = await createInvitedUser(
      tx,
      { kind: "PARTNER", partnerId: partner.id, firstName: input.firstName, lastName: input.lastName, email: input.email, phone: input.phone, role: input.role, managerId },
      // The email comes from the portal team, not a named staff member the invitee doesn't know.
      { userId: caller.userId, partnerName: partner.name },
    );
    await recordAudit(tx, staffActor(caller, partner.id), {
      action: "user.invited",
      partnerId: partner.id,
      target: { type: "user", id: created.id },
      changes: { email: input.email, role: input.role, phone: input.phone, byVendorStaff: true },
    });
    return created;
  });
}
