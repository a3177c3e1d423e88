import { z } from "zod";
import { parsePhoneNumberWithError } from "libphonenumber-js/max";

// Field schemas shared by every form and the API, so each rule and its
// message lives in one place.

export const nameField = (label: string) =>
  z
    .string({ error: `Enter a ${label.toLowerCase()}.` })
    .trim()
    .min(1, `Enter a ${label.toLowerCase()}.`)
    .max(100, `${label} must be at most 100 characters.`);

export const emailField = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "Email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Optional phone with country code, stored in E.164 (DESIGN §2). */
export const phoneField = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    try {
      const phone = parsePhoneNumberWithError(value);
      if (!phone.isValid()) throw new Error("invalid");
      return phone.number as string;
    } catch {
      context.addIssue({
        code: "custom",
        message: "Enter a valid phone number with its country code, like +1 415 555 0100.",
      });
      return z.NEVER;
    }
  });

/** Checkbox groups arrive as a string, several strings or nothing. */
export const checkboxList = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.enum(values)),
  );

export const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : null));
