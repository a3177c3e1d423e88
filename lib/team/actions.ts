"use server";
import { revalidatePath } from "next/cache";
import { ok } from "../actions/form-state.ts";
import { partnerAction } from "../actions/form-action.ts";
import { inviteTeamMember, resendInvite } from "./invite.ts";
import { InviteUserInput, UserIdInput } from "./schemas.ts";

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
