import "server-only";
import { db, type Tx } from "../db/client.ts";
import { isUniqueViolation, ValidationError } from "../errors.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
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

/**
 * Vendor staff create an account holding `email` (a partner with its primary user, a partner user, a staff member):
 * `create` runs in one transaction, the outbox worker is woken for its activation email after commit, and an
 * address already in use is the field error naming its holder.
 */
export async function createHoldingEmail<T>(email: string, create: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    const created = await db.$transaction(create);
    wakeOutboxWorker();
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) throw await emailHeldError(email);
    throw error;
  }
}
