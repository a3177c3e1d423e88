// The rules for a password a person chooses (DESIGN §10), in one place: the
// lengths, the hint forms show, and the zod fields of every form that takes a
// password. Pure data, safe in the browser too; the strength check that needs
// the common-password list is passwordProblem (lib/auth/password.ts), built on
// these lengths.
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** Shown under every "new password" field. */
export const NEW_PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. Common passwords are refused.`;

/** A password being chosen: present and not absurdly long here; its strength is passwordProblem's. */
export const newPasswordField = z.string({ error: "Choose a password." }).min(1, "Choose a password.").max(MAX_PASSWORD_LENGTH);

/** The current password, asked before a change to one's own account. */
export const currentPasswordField = z
  .string({ error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(MAX_PASSWORD_LENGTH);

/** A password typed to sign in. */
export const signInPasswordField = z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH);
