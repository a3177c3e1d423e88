import { z } from "zod";
import { loginField } from "../validation/fields.ts";
import { currentPasswordField, newPasswordField, signInPasswordField } from "./password-rules.ts";

export const INVALID_CREDENTIALS = "The email, username or password is incorrect.";

export const SignInInput = z.object({
  login: loginField,
  password: signInPasswordField,
});

const newPasswordFields = {
  password: newPasswordField,
  confirmPassword: z.string({ error: "Type the password again." }).min(1, "Type the password again."),
};

// The one rule for a new password typed twice; its fields and lengths are lib/auth/password-rules.ts, its strength passwordProblem (lib/auth/password.ts).
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
    currentPassword: currentPasswordField,
    ...newPasswordFields,
  })
  .refine(...confirmationMatches);

export const TokenInput = z.object({ token: z.string().min(10).max(200) });
