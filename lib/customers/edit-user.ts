import "server-only";
import { db } from "../db/client.ts";
import { auditDiff, recordAudit } from "../audit/record.ts";
import { NotFoundError } from "../errors.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { requirePermission } from "../auth/permissions.ts";
import { queueEmailChange } from "../auth/email-change.ts";
import { pendingEmailChangeSelect } from "../auth/user-tokens.ts";
import type { EditCustomerUserInput } from "./schemas.ts";
import { customerUserRow } from "./customer-users.ts";
import { liveCustomerUsers } from "./user-scope.ts";

// One customer user: the edit page, name and phone, and the sign-in email
// (confirmed through a link, the team members' flow: lib/auth/email-change.ts).
// Every query names the caller's partner and the customer: another tenant's
// user, or a user of another customer, is "not found". Customer users hold no
// permissions, so customers.manage is all it takes to act on one (DESIGN §3).

const NOT_FOUND = "That user doesn't exist.";

const scoped = (caller: PartnerCaller, customerId: string, userId: string) => ({ id: userId, ...liveCustomerUsers(caller, customerId) });

/** One customer user for their page: details, licenses, a pending email change, whether they have signed in. */
export async function getCustomerUserOrThrow(caller: PartnerCaller, customerId: string, userId: string) {
  requirePermission(caller, "customers.view");
  const user = await db.user.findFirst({
    where: scoped(caller, customerId, userId),
    select: {
      ...customerUserRow,
      licenses: { select: { subscription: { select: { productId: true, product: { select: { name: true } } } } } },
      tokens: pendingEmailChangeSelect(),
    },
  });
  if (!user) throw new NotFoundError(NOT_FOUND);
  const { tokens, licenses, ...rest } = user;
  return {
    ...rest,
    productIds: licenses.map((l) => l.subscription.productId),
    productNames: licenses.map((l) => l.subscription.product.name).sort(),
    pendingEmail: tokens[0] ?? null,
  };
}

/** Edits a customer user's name and phone; audited with what changed. */
export async function updateCustomerUser(caller: PartnerCaller, input: EditCustomerUserInput) {
  requirePermission(caller, "customers.manage");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findFirst({
      where: scoped(caller, input.customerId, input.userId),
      select: { id: true, firstName: true, lastName: true, phone: true },
    });
    if (!before) throw new NotFoundError(NOT_FOUND);
    const after = { firstName: input.firstName, lastName: input.lastName, phone: input.phone };
    await tx.user.update({ where: { id: before.id }, data: after });
    await recordAudit(tx, caller, {
      action: "customer_user.updated",
      target: { type: "user", id: before.id },
      changes: { customerId: input.customerId, ...auditDiff(before, after) },
    });
    return { id: before.id, ...after };
  });
}

/**
 * Changes a customer user's sign-in email the way a team member's changes: a
 * link to the new address, a notice to the old one, nothing changes until the
 * link is used (lib/auth/email-change.ts).
 */
export async function requestCustomerUserEmailChange(caller: PartnerCaller, input: { customerId: string; userId: string; newEmail: string }) {
  requirePermission(caller, "customers.manage");
  const where = scoped(caller, input.customerId, input.userId);
  const user = await db.user.findFirst({ where, select: { id: true, firstName: true, email: true, emailNormalized: true } });
  if (!user) throw new NotFoundError(NOT_FOUND);
  return queueEmailChange(caller, user, input.newEmail, async (tx) => {
    // Deleted meanwhile: no link for an account that's gone.
    if ((await tx.user.count({ where })) !== 1) throw new NotFoundError(NOT_FOUND);
  });
}
