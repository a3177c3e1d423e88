import { z } from "zod";

export const INVALID_CREDENTIALS = "The email, username or password is incorrect.";

export const SignInInput = z.object({
  login: z.string({ error: "Enter your email or username." }).trim().min(1, "Enter your email or username.").max(254),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
});

const newPasswordFields = {
  password: z.string({ error: "Choose a password." }).min(1, "Choose a password.").max(200),
  confirmPassword: z.string({ error: "Type the password again." }).min(1, "Type the password again."),
};

export const ForgotPasswordInput = z.object({
  login: z.string({ error: "Enter your email or username." }).trim().min(1, "Enter your email or username.").max(254),
});

export const ActivateInput = z
  .object({
    token: z.string().min(10).max(200),
    ...newPasswordFields,
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords don't match.",
  });

/** Reset uses the same fields and rules as activation. */
export const ResetPasswordInput = ActivateInput;

export const TokenInput = z.object({ token: z.string().min(10).max(200) });
