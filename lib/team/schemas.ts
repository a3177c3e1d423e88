import { z } from "zod";
import { PARTNER_PERMISSIONS, PARTNER_ROLE_KEYS } from "../auth/permissions.ts";
import { checkboxList, emailField, nameField, phoneField } from "../validation/fields.ts";

export const InviteUserInput = z
  .object({
    firstName: nameField("First name"),
    lastName: nameField("Last name"),
    email: emailField,
    phone: phoneField,
    role: z
      .union([z.enum(PARTNER_ROLE_KEYS as [string, ...string[]]), z.literal("")])
      .optional()
      .transform((role) => role || null),
    permissions: checkboxList(PARTNER_PERMISSIONS),
    managerId: z
      .union([z.uuid({ error: "Choose a manager from the list." }), z.literal("")])
      .optional()
      .transform((id) => id || null),
  })
  .refine((input) => input.role !== null || input.permissions.length > 0, {
    // A permission is required, never skipped (DESIGN §3, §4).
    path: ["permissions"],
    message: "Choose a role or at least one permission.",
    // Checked even when other fields are wrong, so every error shows at once.
    when: (payload) => payload.issues.every((issue) => issue.path?.[0] !== "role" && issue.path?.[0] !== "permissions"),
  });

export type InviteUserInput = z.output<typeof InviteUserInput>;

export const UserIdInput = z.object({ userId: z.uuid({ error: "Unknown user." }) });
