"use server";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { ok, type FormState } from "../actions/form-state.ts";
import { publicAction } from "../actions/form-action.ts";
import { activateAccount, requestNewActivationLink } from "./activation.ts";
import { RateLimitedSignIn, signIn, signOut } from "./next-auth.ts";
import { getRequestMeta } from "./request-meta.ts";
import { PartnerSuspendedSignIn } from "./sign-in.ts";
import {
  ActivateInput,
  ChangePasswordInput,
  ForgotPasswordInput,
  INVALID_CREDENTIALS,
  ResetPasswordInput,
  SignInInput,
  TokenInput,
} from "./schemas.ts";
import { requestPasswordReset, RESET_REQUESTED_MESSAGE, resetPassword } from "./password-reset.ts";
import { confirmEmailChange } from "./email-change.ts";
import { requireCaller } from "./caller.ts";
import { changeOwnPassword } from "./change-password.ts";

export const signInAction = publicAction(SignInInput, async ({ login, password }): Promise<FormState> => {
  try {
    await signIn("credentials", { login, password, redirect: false });
  } catch (error) {
    if (error instanceof RateLimitedSignIn) return { ok: false, formError: error.userMessage, values: { login } };
    if (error instanceof PartnerSuspendedSignIn) return { ok: false, formError: error.userMessage, values: { login } };
    if (error instanceof AuthError) return { ok: false, formError: INVALID_CREDENTIALS, values: { login } };
    throw error;
  }
  redirect("/");
});

export async function signOutAction() {
  // signOut's event revokes the server-side session (lib/auth/next-auth.ts).
  await signOut({ redirectTo: "/login?signedOut=1" });
}

export const activateAccountAction = publicAction(ActivateInput, async ({ token, password }): Promise<FormState> => {
  const { email } = await activateAccount(token, password, await getRequestMeta());
  await signIn("credentials", { login: email, password, redirect: false });
  redirect("/?welcome=1");
});

export const requestNewActivationLinkAction = publicAction(TokenInput, async ({ token }) => {
  await requestNewActivationLink(token, await getRequestMeta());
  return ok(undefined, "If this invitation is still pending, a new link is on its way. Check your inbox.");
});

export const forgotPasswordAction = publicAction(ForgotPasswordInput, async ({ login }) => {
  await requestPasswordReset(login, await getRequestMeta());
  return ok(undefined, RESET_REQUESTED_MESSAGE);
});

export const resetPasswordAction = publicAction(ResetPasswordInput, async ({ token, password }): Promise<FormState> => {
  const { email } = await resetPassword(token, password, await getRequestMeta());
  await signIn("credentials", { login: email, password, redirect: false });
  redirect("/?passwordReset=1");
});

// Any signed-in user (partner user, customer user, staff): the account comes from the session, never the form.
export const changeOwnPasswordAction = publicAction(ChangePasswordInput, async ({ currentPassword, password }): Promise<FormState> => {
  const caller = await requireCaller();
  await changeOwnPassword(caller, { currentPassword, password });
  // The dashboard already says "Your password was changed. Other sessions have been signed out."
  redirect("/?passwordReset=1");
});

export const confirmEmailChangeAction = publicAction(TokenInput, async ({ token }) => {
  const { email } = await confirmEmailChange(token, await getRequestMeta());
  return ok({ email }, `Your sign-in email is now ${email}. Sign in again with it.`);
});
