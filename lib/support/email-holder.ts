import "server-only";
import { db } from "../db/client.ts";
import { ValidationError } from "../errors.ts";
import { normalizeEmail } from "../validation/fields.ts";

// Support sees across tenants (DESIGN §7): unlike a partner admin, it is told
// exactly which account holds an address, so it can resolve the duplicate.

export const EMAIL_HELD_PREFIX = "This email already belongs to";

const KIND_LABELS = { STAFF: "vendor staff", PARTNER: "partner user", CUSTOMER: "customer user" } as const;
const STATUS_LABELS = { INVITED: "invited", ACTIVE: "active", DISABLED: "disabled" } as const;

async function findEmailHolder(email: string) {
  return db.user.findFirst({
    where: { emailNormalized: normalizeEmail(email), deletedAt: null },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      kind: true,
      status: true,
      partner: { select: { name: true } },
      customer: { select: { name: true, partner: { select: { name: true } } } },
    },
  });
}

/** The field error naming the account that holds `email`: who, what kind, which tenant, status. */
export async function emailHeldError(email: string, field = "email") {
  const holder = await findEmailHolder(email);
  if (!holder) return ValidationError.field(field, "This email was just taken by another account. Try again.");
  const tenant =
    holder.kind === "STAFF"
      ? "Acme vendor staff"
      : holder.kind === "CUSTOMER"
        ? `${holder.customer?.name ?? "a customer"} (customer of ${holder.customer?.partner.name ?? "a partner"})`
        : (holder.partner?.name ?? "no partner");
  return ValidationError.field(
    field,
    `${EMAIL_HELD_PREFIX} ${holder.firstName} ${holder.lastName}, ${KIND_LABELS[holder.kind]} at ${tenant}, ${STATUS_LABELS[holder.status]}.`,
  );
}
