// Matrix fixtures (authorization-matrix.fixtures.ts) for the vendor console
// (partners, support, staff) and the sign-in / own-account operations: valid
// input on fresh data, so an "allowed" cell means the operation succeeded.
// Staff operations act on the cell's partner (or its people), so a refused
// cell's "nothing changed" covers what they would have changed.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { issueUserToken } from "@/lib/auth/user-tokens";
import { runOperation } from "@/lib/operations/run";
import { suspendPartnerOp } from "@/lib/partners/operations";
import type { TokenPurpose } from "@/lib/db/generated/enums";
import { createPartner, createPartnerUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { createStaffUser } from "../support/staff-factories";
import type { Fixture, FixtureContext } from "./authorization-matrix.fixtures";

const NEW_PASSWORD = "A fresh passphrase 42";
const REASON = "Matrix check: recorded in the audit log.";

const member = (ctx: FixtureContext, status: "ACTIVE" | "INVITED" = "ACTIVE") =>
  createPartnerUser(ctx.partner.partner.id, { role: "sales", status });

/** A link of `purpose` for a fresh member of the cell's partner, as the emails carry it. */
async function linkFor(ctx: FixtureContext, purpose: TokenPurpose, status: "ACTIVE" | "INVITED", extra: { newEmail?: string } = {}) {
  const user = await member(ctx, status);
  const { token } = await db.$transaction((tx) => issueUserToken(tx, user.id, purpose, 3600_000, extra));
  return { user, token };
}

export const VENDOR_FIXTURES: Record<string, Fixture> = {
  "partners.create": async () => ({ name: `Matrix Partner ${randomUUID().slice(0, 8)}`, firstName: "Mona", lastName: "Matrix", email: uniqueEmail("mx-partner") }),
  "partners.update": async (ctx) => ({ partnerId: ctx.partner.partner.id, name: `Renamed ${randomUUID().slice(0, 8)}` }),
  "partners.suspend": async (ctx) => ({ partnerId: ctx.partner.partner.id, reason: REASON }),
  "partners.reactivate": async (ctx) => {
    const owner = await createStaffUser("portal_owner");
    await runOperation(suspendPartnerOp, { partnerId: ctx.partner.partner.id, reason: REASON }, owner.caller);
    return { partnerId: ctx.partner.partner.id };
  },
  "partners.transferPrimary": async (ctx) => ({
    partnerId: ctx.partner.partner.id,
    userId: (await createPartnerUser(ctx.partner.partner.id, { role: "partner_admin" })).id,
  }),
  // Below Partner Admin: support may add it too (only staff who manage partners add a Partner Admin).
  "partners.addUser": async (ctx) => ({
    partnerId: ctx.partner.partner.id,
    firstName: "Ada",
    lastName: "Added",
    email: uniqueEmail("mx-added"),
    phone: "+44 20 7946 0958",
    role: "sales",
  }),
  "support.detachEmail": async (ctx) => ({ userId: (await member(ctx)).id, reason: REASON }),
  "support.moveInvitedUser": async (ctx) => ({
    userId: (await member(ctx, "INVITED")).id,
    targetPartnerId: (await createPartner()).partner.id,
    role: "sales",
    reason: REASON,
  }),
  "support.resendInvite": async (ctx) => ({ userId: (await member(ctx, "INVITED")).id }),
  "support.sendResetLink": async (ctx) => ({ userId: (await member(ctx)).id }),
  "staff.invite": async () => ({ firstName: "Sam", lastName: "Staff", email: uniqueEmail("mx-staff"), role: "support" }),
  "staff.disable": async () => ({ userId: (await createStaffUser("support")).user.id }),
  "staff.enable": async () => {
    const { user } = await createStaffUser("support");
    await db.user.update({ where: { id: user.id }, data: { status: "DISABLED" } });
    return { userId: user.id };
  },

  "auth.signIn": async (ctx) => ({ login: (await member(ctx)).email, password: TEST_PASSWORD }),
  "auth.signOut": async () => ({}),
  "auth.activate": async (ctx) => ({ token: (await linkFor(ctx, "ACTIVATION", "INVITED")).token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
  // "Send a new link" from an expired one.
  "auth.requestActivationLink": async (ctx) => {
    const { user, token } = await linkFor(ctx, "ACTIVATION", "INVITED");
    await db.userToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    return { token };
  },
  "auth.forgotPassword": async (ctx) => ({ login: (await member(ctx)).email }),
  "auth.resetPassword": async (ctx) => ({ token: (await linkFor(ctx, "PASSWORD_RESET", "ACTIVE")).token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
  // Your own password: the actor's current one (every signed-in caller of the matrix has TEST_PASSWORD).
  "auth.changePassword": async () => ({ currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
  "auth.confirmEmailChange": async (ctx) => ({ token: (await linkFor(ctx, "EMAIL_CHANGE", "ACTIVE", { newEmail: uniqueEmail("mx-confirmed") })).token }),
};
