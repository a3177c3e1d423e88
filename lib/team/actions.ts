"use server";
import { formAction } from "../operations/form.ts";
import {
  changeMemberEmail,
  deleteUser,
  disableUser,
  enableUser,
  inviteUser,
  requestMyEmailChange,
  resendInviteOp,
  restoreUser,
  sendPasswordReset,
  setReminders,
  transferPrimary,
  updateMyNotifications,
  updateUser,
} from "./operations.ts";
import { inviteConfirmation } from "./invite-summary.ts";

// The team's server actions: thin adapters over lib/team/operations.ts
// (decision 0018). Wording of confirmations and where to go next live here;
// every rule and check lives in the operation's domain function.

export const inviteUserAction = formAction(inviteUser, {
  revalidate: "/team",
  data: (user) => ({ id: user.id }),
  // Repeats what was granted (role, permissions, manager), so a wrong choice is seen at once (decision 0025).
  message: (user, input) => inviteConfirmation(user, input),
});

export const resendInviteAction = formAction(resendInviteOp, {
  revalidate: "/team",
  data: (user) => ({ id: user.id }),
  message: (user) => `A new invitation was sent to ${user.email}. Earlier links no longer work.`,
});

export const updateUserAction = formAction(updateUser, {
  revalidate: (user) => ["/team", `/team/${user.id}`],
  data: (user) => ({ id: user.id }),
  message: (user) =>
    user.permissionsChanged
      ? `Saved. ${user.firstName}'s new permissions apply from their next click (they sign in again).`
      : `Saved changes to ${user.firstName} ${user.lastName}.`,
});

export const disableUserAction = formAction(disableUser, {
  revalidate: (user) => ["/team", `/team/${user.id}`],
  data: (user) => ({ id: user.id }),
  message: (user) => `${user.firstName} ${user.lastName} is disabled and can't sign in.`,
});

export const enableUserAction = formAction(enableUser, {
  revalidate: (user) => ["/team", `/team/${user.id}`],
  data: (user) => ({ id: user.id }),
  message: (user) => `${user.firstName} ${user.lastName} is enabled again.`,
});

export const deleteUserAction = formAction(deleteUser, {
  revalidate: "/team",
  redirect: (user) => `/team?notice=user-deleted&id=${user.id}`,
});

export const restoreUserAction = formAction(restoreUser, {
  revalidate: ["/team", "/team/deleted"],
  redirect: (user) => `/team?notice=user-restored&id=${user.id}`,
});

export const transferPrimaryAction = formAction(transferPrimary, {
  revalidate: (user) => ["/team", `/team/${user.id}`],
  data: (user) => ({ id: user.id }),
  message: (user) => `${user.firstName} ${user.lastName} is now the primary user.`,
});

export const sendResetLinkAction = formAction(sendPasswordReset, {
  data: (user) => ({ id: user.id }),
  message: (user) => `A password reset link was sent to ${user.email}. It works once, for an hour.`,
});

export const requestEmailChangeAction = formAction(changeMemberEmail, {
  revalidate: (_change, input) => `/team/${input.userId}`,
  data: (change) => ({ id: change.id }),
  message: (change) =>
    `A confirmation link was sent to ${change.newEmail}. The sign-in email changes when it is confirmed; ${change.email} was told.`,
});

export const setInviteRemindersAction = formAction(setReminders, {
  revalidate: "/team",
  message: ({ enabled }) => (enabled ? "Invitation reminders are on." : "Invitation reminders are off."),
});

export const updateMyNotificationsAction = formAction(updateMyNotifications, {
  revalidate: "/team/me",
  message: () => "Your email notification settings are saved.",
});

export const requestMyEmailChangeAction = formAction(requestMyEmailChange, {
  revalidate: "/team/me",
  data: (change) => ({ id: change.id }),
  message: (change) =>
    `We sent a confirmation link to ${change.newEmail}. Your sign-in email changes when you open it; ${change.email} was told.`,
});
