"use server";
import { formAction } from "../operations/form.ts";
import { disableStaffOp, enableStaffOp, inviteStaffOp } from "./operations.ts";

// The vendor console's staff page (app/admin/staff): adapters over
// lib/support/operations.ts (decision 0018). Wording only.

export const inviteStaffAction = formAction(inviteStaffOp, {
  revalidate: "/admin/staff",
  message: (user) => `Invitation sent to ${user.email}.`,
});

export const disableStaffAction = formAction(disableStaffOp, {
  revalidate: "/admin/staff",
  message: (user) => `${user.firstName} ${user.lastName} is disabled and signed out.`,
});

export const enableStaffAction = formAction(enableStaffOp, {
  revalidate: "/admin/staff",
  message: (user) => `${user.firstName} ${user.lastName} can sign in again.`,
});
