"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "../actions/form-state.ts";
import { publicAction } from "../actions/form-action.ts";
import { requireCaller } from "../auth/caller.ts";
import { changeOwnPassword } from "./change-password.ts";

const ChangePasswordInput = z
  .object({
    password: z.string({ error: "Choose a password." }).min(1, "Choose a password.").max(200),
    confirmPassword: z.string({ error: "Type the password again." }).min(1, "Type the password again."),
  })
  .refine((input) => input.password === input.confirmPassword, { path: ["confirmPassword"], message: "The passwords don't match." });

// Any signed-in user (customer users above all): the caller comes from the session.
export const changeOwnPasswordAction = publicAction(ChangePasswordInput, async ({ password }): Promise<FormState> => {
  const caller = await requireCaller();
  await changeOwnPassword(caller, password);
  // The dashboard already says "Your password was changed. Other sessions have been signed out."
  redirect("/?passwordReset=1");
});
