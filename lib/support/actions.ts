"use server";
import { formAction } from "../operations/form.ts";
import { detachEmailOp, moveInvitedUserOp, resendInviteOnBehalfOp, sendResetLinkOnBehalfOp } from "./operations.ts";

// The vendor console's support forms (app/admin/accounts): adapters over
// lib/support/operations.ts (decision 0018). Wording only.

export const detachEmailAction = formAction(detachEmailOp, {
  revalidate: (_user, input) => `/admin/accounts/${input.userId}`,
  // The account page then offers "Invite to partner…" for the freed address.
  redirect: (_user, input) => `/admin/accounts/${input.userId}?detached=1`,
});

export const moveInvitedUserAction = formAction(moveInvitedUserOp, {
  revalidate: (_user, input) => `/admin/accounts/${input.userId}`,
  message: (user) =>
    `${user.firstName} ${user.lastName} now belongs to ${user.partnerName}. A new invitation went to ${user.email}; earlier links no longer work.`,
});

export const resendInviteOnBehalfAction = formAction(resendInviteOnBehalfOp, {
  revalidate: (_user, input) => `/admin/accounts/${input.userId}`,
  message: (user) => `A new invitation was sent to ${user.email}. Earlier links no longer work.`,
});

export const sendResetLinkAction = formAction(sendResetLinkOnBehalfOp, {
  message: (user) => `A password reset link was sent to ${user.email}.`,
});
