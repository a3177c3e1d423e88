import { z } from "zod";
import { emailField, nameField, phoneField } from "../validation/fields.ts";

/** Settings → Organization profile. */
export const UpdateProfileInput = z.object({
  name: nameField("Organization name"),
  contactEmail: z
    .union([z.literal(""), emailField])
    .optional()
    .transform((value) => value || null),
  phone: phoneField,
});
export type UpdateProfileInput = z.output<typeof UpdateProfileInput>;
