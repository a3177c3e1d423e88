"use server";
import { getCaller } from "./caller.ts";
import { formAction } from "../operations/form.ts";
import { runOperation } from "../operations/run.ts";
import { RESET_REQUESTED_MESSAGE } from "./password-reset.ts";
import {
  activateOp,
  changeOwnPasswordOp,
  confirmEmailChangeOp,
  forgotPasswordOp,
  requestActivationLinkOp,
  resetPasswordOp,
  signInOp,
  signOutOp,
} from "./operations.ts";

// Sign-in, activation, password reset and own-password forms: adapters over
// lib/auth/operations.ts (decision 0018). Wording and where to go next only.

export const signInAction = formAction(signInOp, { redirect: () => "/" });

/** The header's sign-out button posts no fields: `<form action={signOutAction}>`. */
export async function signOutAction() {
  await runOperation(signOutOp, {}, await getCaller());
}

export const activateAccountAction = formAction(activateOp, { redirect: () => "/?welcome=1" });

export const requestNewActivationLinkAction = formAction(requestActivationLinkOp, {
  message: () => "If this invitation is still pending, a new link is on its way. Check your inbox.",
});

export const forgotPasswordAction = formAction(forgotPasswordOp, { message: () => RESET_REQUESTED_MESSAGE });

export const resetPasswordAction = formAction(resetPasswordOp, { redirect: () => "/?passwordReset=1" });

// The dashboard already says "Your password was changed. Other sessions have been signed out."
export const changeOwnPasswordAction = formAction(changeOwnPasswordOp, { redirect: () => "/?passwordReset=1" });

export const confirmEmailChangeAction = formAction(confirmEmailChangeOp, {
  data: ({ email }) => ({ email }),
  message: ({ email }) => `Your sign-in email is now ${email}. Sign in again with it.`,
});
