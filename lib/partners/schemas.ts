import { z } from "zod";
import { PARTNER_ROLE_KEYS } from "../auth/permissions.ts";
import { emailField, multiLineString, nameField, phoneField, singleLineString } from "../validation/fields.ts";

// Vendor console forms about partners (DESIGN §7). Staff name the partner in
// the form: they may act on every partner, and the domain functions load it
// by id (unknown id → not found).

/** Phone with country code, required: validated for its country, stored in E.164. */
const requiredPhoneField = singleLineString("Enter a phone number with its country code, like +1 415 555 0100.")
  .trim()
  .min(1, "Enter a phone number with its country code, like +1 415 555 0100.")
  .transform((value, context) => {
    const parsed = phoneField.safeParse(value);
    if (parsed.success && parsed.data) return parsed.data;
    context.addIssue({ code: "custom", message: parsed.error?.issues[0]?.message ?? "Enter a valid phone number." });
    return z.NEVER;
  });

const partnerId = z.uuid({ error: "Unknown partner." });
const partnerName = singleLineString("Enter the partner's name.")
  .trim()
  .min(2, "Enter the partner's name.")
  .max(120, "The name must be at most 120 characters.");
const reason = multiLineString("Give a reason: it is recorded in the audit log.")
  .trim()
  .min(5, "Give a reason of at least 5 characters: it is recorded in the audit log.")
  .max(500, "The reason must be at most 500 characters.");

export const PartnerRoleInput = z.enum(PARTNER_ROLE_KEYS, { error: "Choose a role." });

export const CreatePartnerInput = z.object({
  name: partnerName,
  firstName: nameField("First name"),
  lastName: nameField("Last name"),
  email: emailField,
  phone: phoneField,
});
export type CreatePartnerInput = z.output<typeof CreatePartnerInput>;

export const EditPartnerInput = z.object({ partnerId, name: partnerName });
export type EditPartnerInput = z.output<typeof EditPartnerInput>;

export const SuspendPartnerInput = z.object({ partnerId, reason });
export const PartnerIdInput = z.object({ partnerId });

export const TransferPrimaryInput = z.object({
  partnerId,
  userId: z.uuid({ error: "Choose the new primary user." }),
});

export const AddPartnerUserInput = z.object({
  partnerId: z.uuid({ error: "Choose a partner." }),
  firstName: nameField("First name"),
  lastName: nameField("Last name"),
  email: emailField,
  phone: requiredPhoneField,
  role: PartnerRoleInput,
});
export type AddPartnerUserInput = z.output<typeof AddPartnerUserInput>;


export { reason as ReasonField };
