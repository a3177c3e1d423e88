import { z } from "zod";
import { parsePhoneNumberWithError } from "libphonenumber-js/max";

// Field schemas shared by every form and the API, so each rule and its
// message lives in one place.

/**
 * C0 control characters and DEL. None belongs in a single-line field, and
 * PostgreSQL refuses NUL in text outright (error 22021), so every text field
 * refuses them with a message next to the field instead of failing later.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTERS_MESSAGE = "Remove the control characters from this field.";

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** A single-line string: refuses control characters (before trimming, so a trailing NUL or tab is not silently kept or dropped). */
export const singleLineString = (error?: string) =>
  z.string(error ? { error } : undefined).refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE);

export const nameField = (label: string) =>
  singleLineString(`Enter a ${label.toLowerCase()}.`)
    .trim()
    .min(1, `Enter a ${label.toLowerCase()}.`)
    .max(100, `${label} must be at most 100 characters.`);

export const emailField = singleLineString("Enter an email address.")
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "Email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Optional phone with country code, stored in E.164 (DESIGN §2). */
export const phoneField = singleLineString()
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

/** Checkbox groups arrive as a string, several strings or nothing; each choice is kept once (a hand-made form may repeat it). */
export const checkboxList = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? [...new Set(value)] : [value]),
    z.array(z.enum(values)),
  );

export const optionalString = singleLineString()
  .trim()
  .optional()
  .transform((value) => (value ? value : null));

/** What a person signs in with, or asks a reset link for: an email address or a username. */
export const loginField = singleLineString("Enter your email or username.")
  .trim()
  .min(1, "Enter your email or username.")
  .max(254, "That is too long for an email address or username.");

/** Text that may span lines (a reason, a note): line breaks and tabs allowed, every other control character refused. */
export const multiLineString = (error?: string) =>
  z.string(error ? { error } : undefined).refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), CONTROL_CHARACTERS_MESSAGE);
