// The vendor console and own-account forms as operations (decision 0018):
// who may run each one is decided by runOperation before any input is read,
// and the domain rules (the Partner Admin ceiling, ranks) still hold through it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runOperation } from "@/lib/operations/run";
import { OPERATIONS } from "@/lib/operations/registry";
import type { AnyOperation } from "@/lib/operations/define";
import { STAFF_PERMISSIONS, type StaffPermission } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import {
  addPartnerUserOp,
  createPartnerOp,
  PARTNER_OPERATIONS,
  reactivatePartnerOp,
  suspendPartnerOp,
  transferPartnerPrimaryOp,
  updatePartnerOp,
} from "@/lib/partners/operations";
import { disableStaffOp, enableStaffOp, inviteStaffOp, moveInvitedUserOp, SUPPORT_OPERATIONS } from "@/lib/support/operations";
import { changeOwnPasswordOp } from "@/lib/auth/operations";
import { PARTNER_ADMIN_NEEDS_PARTNERS_MANAGE } from "@/lib/support/staff-access";
import { WRONG_CURRENT_PASSWORD } from "@/lib/auth/change-password";
import { callerFor, createPartner, createPartnerUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { createStaffUser } from "../support/staff-factories";

const VENDOR_OPERATIONS = [...PARTNER_OPERATIONS, ...SUPPORT_OPERATIONS] as AnyOperation[];

const permissionsOf = (op: AnyOperation): StaffPermission[] => {
  const access = op.access as { staff: StaffPermission | readonly StaffPermission[] };
  return typeof access.staff === "string" ? [access.staff] : [...access.staff];
};

async function auditCount(action: string, targetId: string) {
  return db.auditEvent.count({ where: { action, targetId } });
}

describe("vendor operations: access", () => {
  it("are registered, staff-only, and offered to no API key", () => {
    for (const op of VENDOR_OPERATIONS) {
      expect(OPERATIONS, op.name).toContain(op);
      expect("staff" in op.access, op.name).toBe(true);
      expect(op.http, op.name).toBeUndefined();
    }
  });

  it("a partner or customer user gets 404, staff without the permission 403, before any input is read", async () => {
    const { caller: partnerAdmin } = await createPartner();
    const customerUser = { ...partnerAdmin, kind: "CUSTOMER" as const };
    const { caller: support } = await createStaffUser("support");
    const { caller: owner } = await createStaffUser("portal_owner");
    for (const op of VENDOR_OPERATIONS) {
      await expect(runOperation(op, {}, null), op.name).rejects.toBeInstanceOf(UnauthenticatedError);
      await expect(runOperation(op, { bogus: true }, partnerAdmin), op.name).rejects.toBeInstanceOf(NotFoundError);
      await expect(runOperation(op, { bogus: true }, customerUser), op.name).rejects.toBeInstanceOf(NotFoundError);
      // Every vendor permission but the ones this operation accepts.
      const required = permissionsOf(op);
      const without = { ...owner, permissions: STAFF_PERMISSIONS.filter((p) => !required.includes(p)) };
      await expect(runOperation(op, { bogus: true }, without), op.name).rejects.toBeInstanceOf(ForbiddenError);
      // Holding it, the same post is a validation error instead.
      await expect(runOperation(op, { bogus: true }, owner), op.name).rejects.toBeInstanceOf(ValidationError);
    }
    // Support lacks partners.manage and staff.manage: the partner lifecycle and staff management are 403 for it.
    for (const op of [createPartnerOp, updatePartnerOp, suspendPartnerOp, reactivatePartnerOp, transferPartnerPrimaryOp, inviteStaffOp, disableStaffOp, enableStaffOp]) {
      await expect(runOperation(op as AnyOperation, {}, support), op.name).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("support can't create a Partner Admin through partners.addUser, only other roles; a Portal Admin can", async () => {
    const { caller: support } = await createStaffUser("support");
    const { caller: admin } = await createStaffUser("portal_admin");
    const { partner } = await createPartner();
    const input = (role: string) => ({ partnerId: partner.id, firstName: "Nia", lastName: "New", email: uniqueEmail("add"), phone: "+1 415 555 0100", role });

    const refused = await runOperation(addPartnerUserOp, input("partner_admin"), support).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as Error).message).toBe(PARTNER_ADMIN_NEEDS_PARTNERS_MANAGE);
    expect(await db.user.count({ where: { partnerId: partner.id, role: "partner_admin", status: "INVITED" } })).toBe(0);

    const sales = await runOperation(addPartnerUserOp, input("sales"), support);
    expect(await db.user.findUnique({ where: { id: sales.id }, select: { partnerId: true, role: true, status: true } })).toEqual({
      partnerId: partner.id,
      role: "sales",
      status: "INVITED",
    });
    expect(await auditCount("user.invited", sales.id)).toBe(1);

    const partnerAdmin = await runOperation(addPartnerUserOp, input("partner_admin"), admin);
    expect(await auditCount("user.invited", partnerAdmin.id)).toBe(1);

    // Moving an invitation into a Partner Admin role is the same ceiling.
    const other = await createPartner();
    const moved = await runOperation(moveInvitedUserOp, { userId: sales.id, targetPartnerId: other.partner.id, role: "partner_admin", reason: "Wrong partner." }, support).catch(
      (e: unknown) => e,
    );
    expect(moved).toBeInstanceOf(ForbiddenError);
  });
});

describe("vendor operations: what a successful run does", () => {
  it("the partner lifecycle runs through the operations and records each documented audit action", async () => {
    const { caller: admin } = await createStaffUser("portal_admin");
    const email = uniqueEmail("primary");
    const { partner, user } = await runOperation(createPartnerOp, { name: "Ops Partner", firstName: "Pia", lastName: "Primary", email, phone: "" }, admin);
    expect(await auditCount(createPartnerOp.audit as string, partner.id)).toBe(1);
    expect(await db.partner.findUnique({ where: { id: partner.id }, select: { primaryUserId: true } })).toEqual({ primaryUserId: user.id });

    const renamed = await runOperation(updatePartnerOp, { partnerId: partner.id, name: "Ops Partner Renamed" }, admin);
    expect(renamed.name).toBe("Ops Partner Renamed");
    expect(await auditCount(updatePartnerOp.audit as string, partner.id)).toBe(1);

    await runOperation(suspendPartnerOp, { partnerId: partner.id, reason: "Unpaid invoices." }, admin);
    expect(await auditCount(suspendPartnerOp.audit as string, partner.id)).toBe(1);
    await runOperation(reactivatePartnerOp, { partnerId: partner.id }, admin);
    expect(await auditCount(reactivatePartnerOp.audit as string, partner.id)).toBe(1);

    // An unknown partner is "not found", a bad reason a field error.
    await expect(runOperation(reactivatePartnerOp, { partnerId: crypto.randomUUID() }, admin)).rejects.toBeInstanceOf(NotFoundError);
    const short = await runOperation(suspendPartnerOp, { partnerId: partner.id, reason: "no" }, admin).catch((e: unknown) => e);
    expect((short as ValidationError).fieldErrors.reason).toBeDefined();
  });

  it("staff management: an owner invites and disables staff; results carry no password hash", async () => {
    const { caller: owner } = await createStaffUser("portal_owner");
    const invited = await runOperation(inviteStaffOp, { firstName: "Sam", lastName: "Support", email: uniqueEmail("staff"), role: "support" }, owner);
    expect(await auditCount("staff.invited", invited.id)).toBe(1);

    const { user: active } = await createStaffUser("support");
    const disabled = await runOperation(disableStaffOp, { userId: active.id }, owner);
    expect(Object.keys(disabled).sort()).toEqual(["email", "firstName", "id", "lastName"]);
    expect(await db.user.findUnique({ where: { id: active.id }, select: { status: true } })).toEqual({ status: "DISABLED" });
    expect(await auditCount("staff.disabled", active.id)).toBe(1);
    await runOperation(enableStaffOp, { userId: active.id }, owner);
    expect(await auditCount("staff.enabled", active.id)).toBe(1);
  });
});

describe("own-account operations", () => {
  it("auth.changePassword: any signed-in account, never an API key; the account is the caller's", async () => {
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id, { role: "sales" });
    const caller = callerFor(user);
    await expect(runOperation(changeOwnPasswordOp, { currentPassword: TEST_PASSWORD, password: "x", confirmPassword: "x" }, null)).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    const viaKey = { ...caller, apiKeyId: crypto.randomUUID(), apiKeyName: "ci" };
    await expect(runOperation(changeOwnPasswordOp, {}, viaKey)).rejects.toBeInstanceOf(NotFoundError);

    const wrong = await runOperation(changeOwnPasswordOp, { currentPassword: "not it at all", password: "A fresh passphrase 42", confirmPassword: "A fresh passphrase 42" }, caller).catch(
      (e: unknown) => e,
    );
    expect((wrong as ValidationError).fieldErrors.currentPassword).toEqual([WRONG_CURRENT_PASSWORD]);

    const staff = await createStaffUser("support");
    await runOperation(changeOwnPasswordOp, { currentPassword: TEST_PASSWORD, password: "A fresh passphrase 42", confirmPassword: "A fresh passphrase 42" }, staff.caller);
    expect(await db.auditEvent.count({ where: { action: changeOwnPasswordOp.audit as string, actorId: staff.user.id } })).toBe(1);
  });
});
