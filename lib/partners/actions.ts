"use server";
import { formAction } from "../operations/form.ts";
import {
  addPartnerUserOp,
  createPartnerOp,
  reactivatePartnerOp,
  suspendPartnerOp,
  transferPartnerPrimaryOp,
  updatePartnerOp,
} from "./operations.ts";

// The vendor console's partner forms: thin adapters over lib/partners/operations.ts
// (decision 0018). Wording and where to go next live here; every rule and check
// lives in the operation's domain function.

export const createPartnerAction = formAction(createPartnerOp, {
  revalidate: "/admin/partners",
  redirect: ({ partner }) => `/admin/partners/${partner.id}?created=1`,
});

export const editPartnerAction = formAction(updatePartnerOp, {
  revalidate: (partner) => `/admin/partners/${partner.id}`,
  message: (partner) => `Saved. The partner is now called ${partner.name}.`,
});

export const suspendPartnerAction = formAction(suspendPartnerOp, {
  revalidate: (_result, input) => `/admin/partners/${input.partnerId}`,
  message: () => "The partner is suspended. Its users were signed out and can't sign in until it is reactivated.",
});

export const reactivatePartnerAction = formAction(reactivatePartnerOp, {
  revalidate: (_result, input) => `/admin/partners/${input.partnerId}`,
  message: () => "The partner is active again. Its users can sign in.",
});

export const transferPrimaryUserAction = formAction(transferPartnerPrimaryOp, {
  revalidate: (_user, input) => `/admin/partners/${input.partnerId}`,
  message: (user) => `${user.firstName} ${user.lastName} is now the primary user.`,
});

/** Success shows at the top of the partner's page, so the form redirects there. */
export const addPartnerUserAction = formAction(addPartnerUserOp, {
  revalidate: (_user, input) => `/admin/partners/${input.partnerId}`,
  redirect: (user, input) => `/admin/partners/${input.partnerId}?added=${user.id}`,
});
