import "server-only";
import { db } from "../db/client.ts";
import { ValidationError } from "../errors.ts";
import { normalizeEmail } from "../validation/fields.ts";
import { consumeRateLimit, type RateLimitPolicy } from "../security/rate-limit.ts";

// One email, one active account in the whole portal (DESIGN §2). The
// partial unique index is the real guard; this turns its refusal into a
// message that names the conflict without leaking another tenant's data.

// Says neither which organization nor which kind of account holds the address (DESIGN §10); worded in
// lib/support-contact.ts, which also turns it into a "Contact support" link in the form (decision 0021).
export { EMAIL_IN_OTHER_ORGANIZATION } from "../support-contact.ts";
import { EMAIL_IN_OTHER_ORGANIZATION } from "../support-contact.ts";
export const EMAIL_IN_THIS_ORGANIZATION = "This email already belongs to someone in your organization.";

/**
 * Answers "this address is held outside your organization" that a partner's
 * people may get per hour, whichever path asks (a CSV import check, adding a
 * customer user, inviting, restoring, changing an email): far more than a
 * partner meets in its own work, far fewer than an enumeration needs
 * (decision 0013). Past it the path is refused with RateLimitedError.
 */
export const EMAIL_CONFLICTS_POLICY = { name: "email-conflicts:partner", limit: 500, windowSeconds: 3600 } satisfies RateLimitPolicy;

/** Counts `count` answers about addresses held outside `partnerId`'s organization; throws RateLimitedError past the limit. */
export async function countOutsideConflicts(partnerId: string | null, count: number) {
  if (partnerId === null) return; // vendor staff see who holds an address anyway
  for (let i = 0; i < count; i++) await consumeRateLimit(EMAIL_CONFLICTS_POLICY, partnerId);
}

export async function emailTakenError(email: string, partnerId: string | null, field = "email") {
  const holder = await db.user.findFirst({
    where: { emailNormalized: normalizeEmail(email), deletedAt: null },
    select: { partnerId: true, customer: { select: { partnerId: true } } },
  });
  const holderPartner = holder?.partnerId ?? holder?.customer?.partnerId ?? null;
  // Every "held elsewhere" answer counts, so the one-by-one forms can't enumerate what the import limit bounds.
  if (holderPartner !== partnerId) await countOutsideConflicts(partnerId, 1);
  return ValidationError.conflict(field, emailTakenMessage(holder ? holderPartner : undefined, partnerId));
}

/**
 * What `partnerId`'s people are told when an address is held by an account of
 * `holderPartnerId` (null: vendor staff; undefined: holder unknown). The one
 * message for inviting one by one and for the bulk check of a CSV import.
 */
export function emailTakenMessage(holderPartnerId: string | null | undefined, partnerId: string | null): string {
  const sameOrganization = holderPartnerId !== undefined && partnerId !== null && holderPartnerId === partnerId;
  return sameOrganization ? EMAIL_IN_THIS_ORGANIZATION : EMAIL_IN_OTHER_ORGANIZATION;
}
