"use server";
import { revalidatePath } from "next/cache";
import { ok } from "../actions/form-state.ts";
import { staffAction } from "../actions/staff-action.ts";
import { InviteStaffInput, inviteStaff, setStaffDisabled, StaffMemberInput } from "./staff-members.ts";

export const inviteStaffAction = staffAction(InviteStaffInput, "staff.manage", async (input, staff) => {
  const user = await inviteStaff(staff, input);
  revalidatePath("/admin/staff");
  return ok(undefined, `Invitation sent to ${user.email}.`);
});

export const disableStaffAction = staffAction(StaffMemberInput, "staff.manage", async ({ userId }, staff) => {
  const user = await setStaffDisabled(staff, userId, true);
  revalidatePath("/admin/staff");
  return ok(undefined, `${user.firstName} ${user.lastName} is disabled and signed out.`);
});

export const enableStaffAction = staffAction(StaffMemberInput, "staff.manage", async ({ userId }, staff) => {
  const user = await setStaffDisabled(staff, userId, false);
  revalidatePath("/admin/staff");
  return ok(undefined, `${user.firstName} ${user.lastName} can sign in again.`);
});
