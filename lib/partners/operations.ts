import "server-only";
import { operation } from "../operations/define.ts";
import { ADD_PARTNER_USER_PERMISSIONS, addPartnerUser } from "./add-partner-user.ts";
import { createPartner, reactivatePartner, suspendPartner, updatePartner } from "./mutations.ts";
import { transferPrimaryUser } from "../team/manage.ts";
import { AddPartnerUserInput, CreatePartnerInput, EditPartnerInput, PartnerIdInput, SuspendPartnerInput, TransferPrimaryInput } from "./schemas.ts";

// Partner lifecycle in the vendor console (DESIGN §7, decision 0018): the forms
// under app/admin/partners are adapters over these. Staff only: a partner or
// customer user gets "not found", staff without the permission a 403; the
// domain functions check both again, and the Partner Admin ceiling (DESIGN §10).

export const createPartnerOp = operation({
  name: "partners.create",
  summary: "Create a partner and invite its primary user (a Partner Admin).",
  input: CreatePartnerInput,
  access: { staff: "partners.manage" },
  audit: "partner.created",
  run: (staff, input) => createPartner(staff, input),
});

export const updatePartnerOp = operation({
  name: "partners.update",
  summary: "Rename a partner.",
  input: EditPartnerInput,
  access: { staff: "partners.manage" },
  audit: "partner.updated",
  run: (staff, input) => updatePartner(staff, input),
});

export const suspendPartnerOp = operation({
  name: "partners.suspend",
  summary: "Suspend a partner: its users are signed out and refused at sign-in, with the reason.",
  input: SuspendPartnerInput,
  access: { staff: "partners.manage" },
  audit: "partner.suspended",
  run: (staff, { partnerId, reason }) => suspendPartner(staff, partnerId, reason),
});

export const reactivatePartnerOp = operation({
  name: "partners.reactivate",
  summary: "Reactivate a suspended partner.",
  input: PartnerIdInput,
  access: { staff: "partners.manage" },
  audit: "partner.reactivated",
  run: (staff, { partnerId }) => reactivatePartner(staff, partnerId),
});

export const transferPartnerPrimaryOp = operation({
  name: "partners.transferPrimary",
  summary: "Make another active Partner Admin of the partner its primary user.",
  input: TransferPrimaryInput,
  access: { staff: "partners.manage" },
  audit: "partner.primary_user_transferred",
  run: (staff, { partnerId, userId }) => transferPrimaryUser(staff, { partnerId, userId }),
});

export const addPartnerUserOp = operation({
  name: "partners.addUser",
  summary: "Invite a user into a partner on its behalf (only staff who manage partners may add a Partner Admin).",
  input: AddPartnerUserInput,
  // Support too (accounts.resolve): inviting a freed address to the right partner resolves a duplicate.
  access: { staff: ADD_PARTNER_USER_PERMISSIONS },
  audit: "user.invited",
  run: (staff, input) => addPartnerUser(staff, input),
});

export const PARTNER_OPERATIONS = [createPartnerOp, updatePartnerOp, suspendPartnerOp, reactivatePartnerOp, transferPartnerPrimaryOp, addPartnerUserOp];
