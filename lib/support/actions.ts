"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ok } from "../actions/form-state.ts";
import { staffAction } from "../actions/staff-action.ts";
import { detachEmail, moveInvitedUser, resendInviteOnBehalf, sendResetLinkOnBehalf } from "./resolve.ts";
import { DetachEmailInput, MoveInvitedUserInput, UserIdInput } from "./schemas.ts";

export const detachEmailAction = staffAction(DetachEmailInput, "accounts.resolve", async ({ userId, reason }, staff) => {
  await detachEmail(staff, userId, reason);
  revalidatePath(`/admin/accounts/${userId}`);
  // The account page then offers "Invite to partner…" for the freed address.
  redirect(`/admin/accounts/${userId}?detached=1`);
});

export const moveInvitedUserAction = staffAction(MoveInvitedUserInput, "accounts.resolve", async (input, staff) => {
  const user = await moveInvitedUser(staff, input);
  revalidatePath(`/admin/accounts/${input.userId}`);
  return ok(undefined, `${user.firstName} ${user.lastName} now belongs to ${user.partnerName}. A new invitation went to ${user.email}; earlier links no longer work.`);
});

export const resendInviteOnBehalfAction = staffAction(UserIdInput, "accounts.resolve", async ({ userId }, staff) => {
  const user = await resendInviteOnBehalf(staff, userId);
  revalidatePath(`/admin/accounts/${userId}`);
  return ok(undefined, `A new invitation was sent to ${user.email}. Earlier links no longer work.`);
});

export const sendResetLinkAction = staffAction(UserIdInput, "accounts.resolve", async ({ userId }, staff) => {
  const user = await sendResetLinkOnBehalf(staff, userId);
  return ok(undefined, `A password reset link was sent to ${user.email}.`);
});
