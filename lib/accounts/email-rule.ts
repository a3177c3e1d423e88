import "server-only";
import { db } from "../db/client.ts";
import { ValidationError } from "../errors.ts";
import { normalizeEmail } from "../validation/fields.ts";

// One email, one active account in the whole portal (DESIGN §2). The
// partial unique index is the real guard; this turns its refusal into a
// message that names the conflict without leaking another tenant's data.

export const EMAIL_IN_OTHER_ORGANIZATION =
  "This email already belongs to an account in another organization. Support can help.";
export const EMAIL_IN_THIS_ORGANIZATION = "This email already belongs to someone in your organization.";

export async function emailTakenError(email: string, partnerId: string | null, field = "email") {
  const holder = await db.user.findFirst({
    where: { emailNormalized: normalizeEmail(email), deletedAt: null },
    select: { partnerId: true, customer: { select: { partnerId: true } } },
  });
  const holderPartner = holder?.partnerId ?? holder?.customer?.partnerId ?? null;
  const sameOrganization = holder !== null && partnerId !== null && holderPartner === partnerId;
  return ValidationError.field(field, sameOrganization ? EMAIL_IN_THIS_ORGANIZATION : EMAIL_IN_OTHER_ORGANIZATION);
}
