"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ok } from "../actions/form-state.ts";
import { partnerAction, publicAction } from "../actions/form-action.ts";
import { isPartnerCaller, requireCaller, type PartnerCaller } from "../auth/caller.ts";
import { NotFoundError } from "../errors.ts";
import type { FormState } from "../actions/form-state.ts";
import type { z } from "zod";
import { requestEmailChange } from "../auth/email-change.ts";
import { inviteTeamMember, resendInvite } from "./invite.ts";
import {
  deleteTeamMember,
  disableTeamMember,
  enableTeamMember,
  restoreTeamMember,
  sendResetLinkToMember,
  setInviteReminders,
  transferPrimaryUser,
  updateOwnNotifications,
  updateTeamMember,
} from "./manage.ts";
import {
  ChangeEmailInput,
  EditUserInput,
  InviteRemindersInput,
  InviteUserInput,
  OwnEmailChangeInput,
  OwnNotificationsInput,
  RestoreUserInput,
  UserIdInput,
} from "./schemas.ts";

/** For what every signed-in partner user may do to their own account: no permission needed. */
function ownAccountAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, caller: PartnerCaller) => Promise<FormState<T>>) {
  return publicAction(schema, async (input) => {
    const caller = await requireCaller();
    if (!isPartnerCaller(caller)) throw new NotFoundError();
    return handler(input, caller);
  });
}

export const inviteUserAction = partnerAction(InviteUserInput, "users.manage", async (input, caller) => {
  const user = await inviteTeamMember(caller, input);
  revalidatePath("/team");
  return ok(
    { id: user.id },
    `Invitation sent to ${user.email}. ${user.firstName} appears in the team list as Invited until they activate.`,
  );
});

export const resendInviteAction = partnerAction(UserIdInput, "users.manage", async ({ userId }, caller) => {
  const user = await resendInvite(caller, userId);
  revalidatePath("/team");
  return ok({ id: user.id }, `A new invitation was sent to ${user.email}. Earlier links no longer work.`);
});

export const updateUserAction = partnerAction(EditUserInput, "users.manage", async (input, caller) => {
  const user = await updateTeamMember(caller, input);
  revalidatePath("/team");
  revalidatePath(`/team/${user.id}`);
  return ok(
    { id: user.id },
    user.permissionsChanged
      ? `Saved. ${user.firstName}'s new permissions apply from their next click (they sign in again).`
      : `Saved changes to ${user.firstName} ${user.lastName}.`,
  );
});

export const disableUserAction = partnerAction(UserIdInput, "users.manage", async ({ userId }, caller) => {
  const user = await disableTeamMember(caller, userId);
  revalidatePath("/team");
  revalidatePath(`/team/${userId}`);
  return ok({ id: user.id }, `${user.firstName} ${user.lastName} is disabled and can't sign in.`);
});

export const enableUserAction = partnerAction(UserIdInput, "users.manage", async ({ userId }, caller) => {
  const user = await enableTeamMember(caller, userId);
  revalidatePath("/team");
  revalidatePath(`/team/${userId}`);
  return ok({ id: user.id }, `${user.firstName} ${user.lastName} is enabled again.`);
});

export const deleteUserAction = partnerAction(UserIdInput, "users.manage", async ({ userId }, caller) => {
  const user = await deleteTeamMember(caller, userId);
  revalidatePath("/team");
  redirect(`/team?deleted=${encodeURIComponent(`${user.firstName} ${user.lastName}`)}`);
});

export const restoreUserAction = partnerAction(RestoreUserInput, "users.manage", async (input, caller) => {
  const user = await restoreTeamMember(caller, input);
  revalidatePath("/team");
  revalidatePath("/team/deleted");
  redirect(`/team?restored=${encodeURIComponent(`${user.firstName} ${user.lastName}`)}`);
});

export const transferPrimaryAction = partnerAction(UserIdInput, "users.manage", async ({ userId }, caller) => {
  const user = await transferPrimaryUser(caller, userId);
  revalidatePath("/team");
  revalidatePath(`/team/${userId}`);
  return ok({ id: user.id }, `${user.firstName} ${user.lastName} is now the primary user.`);
});

export const sendResetLinkAction = partnerAction(UserIdInput, "users.manage", async ({ userId }, caller) => {
  const user = await sendResetLinkToMember(caller, userId);
  return ok({ id: user.id }, `A password reset link was sent to ${user.email}. It works once, for an hour.`);
});

export const requestEmailChangeAction = partnerAction(ChangeEmailInput, "users.manage", async ({ userId, newEmail }, caller) => {
  const change = await requestEmailChange(caller, userId, newEmail);
  revalidatePath(`/team/${userId}`);
  return ok(
    { id: change.id },
    `A confirmation link was sent to ${change.newEmail}. The sign-in email changes when it is confirmed; ${change.email} was told.`,
  );
});

export const setInviteRemindersAction = partnerAction(InviteRemindersInput, "users.manage", async ({ enabled }, caller) => {
  await setInviteReminders(caller, enabled);
  revalidatePath("/team");
  return ok(undefined, enabled ? "Invitation reminders are on." : "Invitation reminders are off.");
});

export const updateMyNotificationsAction = ownAccountAction(OwnNotificationsInput, async ({ notifications }, caller) => {
  await updateOwnNotifications(caller, notifications);
  revalidatePath("/team/me");
  return ok(undefined, "Your email notification settings are saved.");
});

export const requestMyEmailChangeAction = ownAccountAction(OwnEmailChangeInput, async ({ newEmail }, caller) => {
  const change = await requestEmailChange(caller, caller.userId, newEmail);
  revalidatePath("/team/me");
  return ok(
    { id: change.id },
    `We sent a confirmation link to ${change.newEmail}. Your sign-in email changes when you open it; ${change.email} was told.`,
  );
});
