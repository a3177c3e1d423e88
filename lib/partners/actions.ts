"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ok } from "../actions/form-state.ts";
import { staffAction } from "../actions/staff-action.ts";
import { ADD_PARTNER_USER_PERMISSIONS, addPartnerUser } from "./add-partner-user.ts";
import { createPartner, reactivatePartner, suspendPartner, transferPrimaryUser, updatePartner } from "./mutations.ts";
import { AddPartnerUserInput, CreatePartnerInput, EditPartnerInput, PartnerIdInput, SuspendPartnerInput, TransferPrimaryInput } from "./schemas.ts";

export const createPartnerAction = staffAction(CreatePartnerInput, "partners.manage", async (input, staff) => {
  const { partner } = await createPartner(staff, input);
  revalidatePath("/admin/partners");
  redirect(`/admin/partners/${partner.id}?created=1`);
});

export const editPartnerAction = staffAction(EditPartnerInput, "partners.manage", async (input, staff) => {
  const partner = await updatePartner(staff, input);
  revalidatePath(`/admin/partners/${partner.id}`);
  return ok(undefined, `Saved. The partner is now called ${partner.name}.`);
});

export const suspendPartnerAction = staffAction(SuspendPartnerInput, "partners.manage", async ({ partnerId, reason }, staff) => {
  await suspendPartner(staff, partnerId, reason);
  revalidatePath(`/admin/partners/${partnerId}`);
  return ok(undefined, "The partner is suspended. Its users were signed out and can't sign in until it is reactivated.");
});

export const reactivatePartnerAction = staffAction(PartnerIdInput, "partners.manage", async ({ partnerId }, staff) => {
  await reactivatePartner(staff, partnerId);
  revalidatePath(`/admin/partners/${partnerId}`);
  return ok(undefined, "The partner is active again. Its users can sign in.");
});

export const transferPrimaryUserAction = staffAction(TransferPrimaryInput, "partners.manage", async ({ partnerId, userId }, staff) => {
  const user = await transferPrimaryUser(staff, partnerId, userId);
  revalidatePath(`/admin/partners/${partnerId}`);
  return ok(undefined, `${user.firstName} ${user.lastName} is now the primary user.`);
});

/** Success shows at the top of the partner's page (issue 6), so the form redirects there. */
export const addPartnerUserAction = staffAction(AddPartnerUserInput, ADD_PARTNER_USER_PERMISSIONS, async (input, staff) => {
  const user = await addPartnerUser(staff, input);
  revalidatePath(`/admin/partners/${input.partnerId}`);
  redirect(`/admin/partners/${input.partnerId}?added=${user.id}`);
});
