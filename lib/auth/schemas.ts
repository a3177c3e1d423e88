import { z } from "zod";
import { loginField } from "../validation/fields.ts";

export const INVALID_CREDENTIALS = "The email, username or password is incorrect.";

export const SignInInput = z.object({
  login: loginField,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
});

const newPasswordFields = {
  password: z.string({ error: "Choose a password." }).min(1, "Choose a password.").max(200),
  confirmPassword: z.string({ error: "Type the password again." }).min(1, "Type the password again."),
};

// The one rule for a new password typed twice; its strength is checked by passwordProblem (lib/auth/password.ts).
const confirmationMatches: [(input: { password: string; confirmPassword: string }) => boolean, { path: string[]; message: string }] = [
  (input) => input.password === input.confirmPassword,
  { path: ["confirmPassword"], message: "The passwords don't match." },
];

export const ForgotPasswordInput = z.object({
  login: loginField,
});

export const ActivateInput = z
  .object({
    token: z.string().min(10).max(200),
    ...newPasswordFields,
  })
  .refine(...confirmationMatches);

/** Reset uses the same fields and rules as activation. */
export const ResetPasswordInput = ActivateInput;

/** Changing your own password: the current one first (DESIGN §10), then the new one twice. */
export const ChangePasswordInput = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
    ...newPasswordFields,
  })
  .refine(...confirmationMatches);

export const TokenInput = z.object({ token: z.string().min(10).max(200) });
