import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addPartnerUser } from "@/lib/partners/add-partner-user";
import { AddPartnerUserInput } from "@/lib/partners/schemas";
import { getAccountOrThrow, searchAccounts } from "@/lib/support/lookup";
import { detachEmail, moveInvitedUser, resendInviteOnBehalf, sendResetLinkOnBehalf } from "@/lib/support/resolve";
import { DetachEmailInput, MoveInvitedUserInput } from "@/lib/support/schemas";
import { inviteTeamMember } from "@/lib/team/invite";
import { InviteUserInput } from "@/lib/team/schemas";
import { createSession, findLiveSession } from "@/lib/auth/sessions";
import { describeActivationLink } from "@/lib/auth/activation";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { InviteStaffInput, inviteStaff, listStaff, setStaffDisabled } from "@/lib/support/staff-members";
import { createPartner, createPartnerUser, uniqueEmail } from "../support/factories";
import { createStaffUser } from "../support/staff-factories";
import { assignablePartnerRoles, mayMovePartnerUser } from "@/lib/support/staff-access";
import { latestEmail, latestLinkToken, linkToken } from "../support/outbox";

describe("account lookup", () => {
  it("finds accounts of every kind, tenant and status, deleted ones included", async () => {
    const { caller: support } = await createStaffUser("support");
    const tag = crypto.randomUUID().slice(0, 8);
    const a = await createPartner(`Lookup A ${tag}`);
    const b = await createPartner(`Lookup B ${tag}`);
    const invited = await createPartnerUser(a.partner.id, { email: `zed.${tag}@a.example`, status: "INVITED", role: "sales" });
    const deleted = await createPartnerUser(b.partner.id, { email: `zed.${tag}@b.example` });
    await db.user.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const { user: staff } = await createStaffUser("portal_admin", { email: `zed.${tag}@acme.example` });

    const { accounts, total } = await searchAccounts(support, { q: `ZED.${tag}`, page: 1 });
    expect(total).toBe(3);
    const byId = new Map(accounts.map((account) => [account.id, account]));
    expect(byId.get(invited.id)).toMatchObject({ status: "INVITED", kind: "PARTNER", tenant: { label: `Lookup A ${tag}` } });
    expect(byId.get(deleted.id)?.deletedAt).not.toBeNull();
    expect(byId.get(deleted.id)?.tenant.label).toBe(`Lookup B ${tag}`);
    expect(byId.get(staff.id)).toMatchObject({ kind: "STAFF", tenant: { label: "Vendor staff" } });
  });
});

describe("detaching an email", () => {
  it("shows the previous email and reason of a detachment audited before the { from, to } shape", async () => {
    // Audit events are append-only: one written before the shape keeps its bare values and must still read.
    const { caller: support } = await createStaffUser("support");
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id);
    const earlier = uniqueEmail("earlier");
    await db.auditEvent.create({
      data: { action: "user.email_detached", targetType: "user", targetId: user.id, partnerId: partner.id, changes: { previousEmail: earlier, reason: "Duplicate" } },
    });
    expect((await getAccountOrThrow(support, user.id)).detachment).toMatchObject({ previousEmail: earlier, reason: "Duplicate" });
  });

  it("requires a reason", () => {
    const parsed = DetachEmailInput.safeParse({ userId: crypto.randomUUID(), reason: "  " });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["reason"], message: expect.stringMatching(/reason/) });
  });

  it("replaces the address, disables and signs out the account, kills its links, and frees the address for the right partner", async () => {
    const { caller: support, user: supportUser } = await createStaffUser("support");
    const { caller: portalAdmin } = await createStaffUser("portal_admin");
    const wrong = await createPartner();
    const right = await createPartner();
    const email = uniqueEmail("Moved.Person");
    const wrongUser = await inviteTeamMember(wrong.caller, InviteUserInput.parse({ firstName: "Mo", lastName: "Ved", email, role: "sales" }));
    const activeElsewhere = await createPartnerUser(wrong.partner.id);
    const session = await db.$transaction((tx) => createSession(tx, activeElsewhere, { ip: null, userAgent: null }));
    const oldLink = await latestLinkToken(email, "activation");

    await detachEmail(support, wrongUser.id, "Belongs to the right partner's employee");
    const detached = await db.user.findUniqueOrThrow({ where: { id: wrongUser.id } });
    expect(detached).toMatchObject({
      email: `detached+${wrongUser.id}@invalid`,
      emailNormalized: `detached+${wrongUser.id}@invalid`,
      status: "DISABLED",
    });
    expect(await describeActivationLink(oldLink)).toBeNull();
    const liveTokens = await db.userToken.count({ where: { userId: wrongUser.id, usedAt: null, expiresAt: { gt: new Date() } } });
    expect(liveTokens).toBe(0);

    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: wrongUser.id, action: "user.email_detached" } });
    expect(event).toMatchObject({ actorId: supportUser.id, partnerId: wrong.partner.id, onBehalfOf: wrong.partner.id });
    expect(event.changes).toMatchObject({ reason: { to: "Belongs to the right partner's employee" }, previousEmail: { to: email } });
    expect((await getAccountOrThrow(support, wrongUser.id)).detachment).toMatchObject({ previousEmail: email });

    // Signing an active account out.
    await detachEmail(support, activeElsewhere.id, "Duplicate of another account");
    expect(await findLiveSession(session.id)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: activeElsewhere.id } })).sessionVersion).toBe(1);

    const invited = await addPartnerUser(
      portalAdmin,
      AddPartnerUserInput.parse({ partnerId: right.partner.id, firstName: "Mo", lastName: "Ved", email, phone: "+1 415 555 0100", role: "sales" }),
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({ partnerId: right.partner.id, email });
    await expect(detachEmail(support, wrongUser.id, "again, please")).rejects.toBeInstanceOf(ConflictError);
  });

  it("never acts on staff above the actor's role, nor on one's own account, so a Portal Owner always remains", async () => {
    const { caller: support } = await createStaffUser("support");
    const { caller: owner, user: ownerUser } = await createStaffUser("portal_owner");
    const { user: admin } = await createStaffUser("portal_admin");
    const { user: otherOwner } = await createStaffUser("portal_owner");
    const { user: otherSupport } = await createStaffUser("support");

    await expect(detachEmail(support, admin.id, "I want their address")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(detachEmail(support, ownerUser.id, "I want their address")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(sendResetLinkOnBehalf(support, ownerUser.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(detachEmail(owner, ownerUser.id, "leaving the company")).rejects.toBeInstanceOf(ConflictError);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).status).toBe("ACTIVE");

    await detachEmail(support, otherSupport.id, "Same level is allowed");
    await detachEmail(owner, otherOwner.id, "A second owner account by mistake");
    expect((await db.user.findUniqueOrThrow({ where: { id: otherOwner.id } })).status).toBe("DISABLED");
    expect((await db.user.findUniqueOrThrow({ where: { id: ownerUser.id } })).status).toBe("ACTIVE");
  });

  it("keeps a Portal Owner when two owners disable each other at the same moment", async () => {
    // Every other owner of this worker's database is disabled first, so these two are the last.
    await db.user.updateMany({ where: { kind: "STAFF", role: "portal_owner", status: "ACTIVE" }, data: { status: "DISABLED" } });
    const a = await createStaffUser("portal_owner");
    const b = await createStaffUser("portal_owner");
    const results = await Promise.allSettled([
      setStaffDisabled(a.caller, b.user.id, true),
      setStaffDisabled(b.caller, a.user.id, true),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await db.user.count({ where: { kind: "STAFF", role: "portal_owner", status: "ACTIVE" } })).toBe(1);
  });
});

describe("moving an invited user to the right partner", () => {
  it("moves them with the target's role, no extras, no manager, and a fresh link that replaces the old one", async () => {
    const { caller: support, user: supportUser } = await createStaffUser("support");
    const wrong = await createPartner();
    const right = await createPartner("Right Partner Co");
    const user = await inviteTeamMember(
      wrong.caller,
      InviteUserInput.parse({ firstName: "Ina", lastName: "Vited", email: uniqueEmail("ina"), role: "account_executive", managerId: wrong.admin.id, permissions: ["users.view"] }),
    );
    const firstLink = await latestLinkToken(user.email, "activation");

    const input = MoveInvitedUserInput.parse({ userId: user.id, targetPartnerId: right.partner.id, role: "sales", reason: "Invited to the wrong partner" });
    await moveInvitedUser(support, input);

    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      partnerId: right.partner.id,
      role: "sales",
      permissions: [],
      managerId: null,
      status: "INVITED",
    });
    expect(await describeActivationLink(firstLink)).toBeNull();
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(2);
    const fresh = await latestEmail(user.email, "activation");
    expect(fresh.props).toMatchObject({ partnerName: "Right Partner Co" });
    expect(await describeActivationLink(linkToken(fresh))).not.toBeNull();

    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: user.id, action: "user.moved_to_partner" } });
    expect(event).toMatchObject({ actorId: supportUser.id, partnerId: wrong.partner.id });
    expect(event.changes).toMatchObject({ reason: { to: "Invited to the wrong partner" }, toPartnerId: { to: right.partner.id } });
  });

  it("refuses users who already activated, and unknown partners", async () => {
    const { caller: support } = await createStaffUser("support");
    const wrong = await createPartner();
    const right = await createPartner();
    const active = await createPartnerUser(wrong.partner.id, { role: "sales" });
    await expect(
      moveInvitedUser(support, { userId: active.id, targetPartnerId: right.partner.id, role: "sales", reason: "wrong partner" }),
    ).rejects.toBeInstanceOf(ConflictError);
    const invited = await createPartnerUser(wrong.partner.id, { role: "sales", status: "INVITED" });
    const error = await moveInvitedUser(support, { userId: invited.id, targetPartnerId: crypto.randomUUID(), role: "sales", reason: "wrong partner" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((await db.user.findUniqueOrThrow({ where: { id: active.id } })).partnerId).toBe(wrong.partner.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: invited.id } })).partnerId).toBe(wrong.partner.id);
  });
});

describe("who may create or move in a Partner Admin", () => {
  const addAdmin = (partnerId: string, email = uniqueEmail("pa")) =>
    AddPartnerUserInput.parse({ partnerId, firstName: "Paula", lastName: "Admin", email, phone: "+1 415 555 0100", role: "partner_admin" });
  const onlyManagers = /Only vendor staff who manage partners \(a Portal Admin or Owner\) can add or move in a Partner Admin/;

  it("refuses support adding a Partner Admin (the form doesn't offer it) and lets a Portal Admin", async () => {
    const { caller: support, user: supportUser } = await createStaffUser("support");
    const { caller: portalAdmin } = await createStaffUser("portal_admin");
    const { partner } = await createPartner();
    expect(assignablePartnerRoles(support)).toEqual(["account_executive", "sales", "read_only"]);
    expect(assignablePartnerRoles(portalAdmin)).toContain("partner_admin");

    const input = addAdmin(partner.id);
    const error = await addPartnerUser(support, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toMatch(onlyManagers);
    expect(await db.user.count({ where: { emailNormalized: input.email.toLowerCase() } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { to: input.email } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: supportUser.id } })).toBe(0);
    // Support still adds the other roles.
    await addPartnerUser(support, AddPartnerUserInput.parse({ ...input, email: uniqueEmail("sales"), role: "sales" }));

    const added = await addPartnerUser(portalAdmin, input);
    expect(await db.user.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({ partnerId: partner.id, role: "partner_admin", status: "INVITED" });
  });

  it("refuses support moving an invitation in as a Partner Admin, or moving a Partner Admin's invitation at all; a Portal Admin may", async () => {
    const { caller: support } = await createStaffUser("support");
    const { caller: portalAdmin } = await createStaffUser("portal_admin");
    const wrong = await createPartner();
    const right = await createPartner();
    const invitedSales = await createPartnerUser(wrong.partner.id, { role: "sales", status: "INVITED" });
    const invitedAdmin = await createPartnerUser(wrong.partner.id, { role: "partner_admin", status: "INVITED" });
    const invitedWithAdminExtras = await createPartnerUser(wrong.partner.id, { role: "sales", permissions: ["settings.manage"], status: "INVITED" });
    const move = (userId: string, role: string) => MoveInvitedUserInput.parse({ userId, targetPartnerId: right.partner.id, role, reason: "Invited to the wrong partner" });

    for (const attempt of [move(invitedSales.id, "partner_admin"), move(invitedAdmin.id, "sales"), move(invitedWithAdminExtras.id, "sales")]) {
      const error = await moveInvitedUser(support, attempt).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as Error).message).toMatch(/only vendor staff who manage partners/i);
    }
    for (const user of [invitedSales, invitedAdmin, invitedWithAdminExtras]) {
      expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ partnerId: wrong.partner.id, role: user.role });
      expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(0);
    }
    expect(mayMovePartnerUser(support, invitedAdmin)).toBe(false);
    expect(mayMovePartnerUser(support, invitedSales)).toBe(true);

    await moveInvitedUser(portalAdmin, move(invitedAdmin.id, "partner_admin"));
    await moveInvitedUser(portalAdmin, move(invitedSales.id, "partner_admin"));
    expect(await db.user.findUniqueOrThrow({ where: { id: invitedAdmin.id } })).toMatchObject({ partnerId: right.partner.id, role: "partner_admin" });
    expect(await db.user.findUniqueOrThrow({ where: { id: invitedSales.id } })).toMatchObject({ partnerId: right.partner.id, role: "partner_admin" });
  });
});

describe("helping a user on their behalf", () => {
  it("resends an invite and sends a reset link, audited as the staff member", async () => {
    const { caller: support, user: supportUser } = await createStaffUser("support");
    const { partner } = await createPartner();
    const invited = await createPartnerUser(partner.id, { role: "sales", status: "INVITED" });
    const active = await createPartnerUser(partner.id, { role: "sales" });

    await resendInviteOnBehalf(support, invited.id);
    expect(await db.outboxEmail.count({ where: { to: invited.email, template: "invite-resent" } })).toBe(1);
    await sendResetLinkOnBehalf(support, active.id);
    expect(await db.outboxEmail.count({ where: { to: active.email, template: "password-reset" } })).toBe(1);
    const events = await db.auditEvent.findMany({ where: { actorId: supportUser.id, partnerId: partner.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["user.invite_resent", "user.password_reset_sent"]);
    expect(events.every((e) => e.onBehalfOf === partner.id)).toBe(true);

    await expect(resendInviteOnBehalf(support, active.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(sendResetLinkOnBehalf(support, invited.id)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("managing vendor staff", () => {
  it("only Portal Owners invite, disable and enable staff; nobody disables themselves", async () => {
    const { caller: owner, user: ownerUser } = await createStaffUser("portal_owner");
    const { caller: portalAdmin } = await createStaffUser("portal_admin");
    const { caller: support } = await createStaffUser("support");
    const { caller: partnerAdmin } = await createPartner();
    const { user: otherOwner } = await createStaffUser("portal_owner");
    const input = InviteStaffInput.parse({ firstName: "Nico", lastName: "New", email: uniqueEmail("nico"), role: "support" });

    await expect(inviteStaff(partnerAdmin, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteStaff(portalAdmin, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setStaffDisabled(support, otherOwner.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.user.count({ where: { emailNormalized: input.email.toLowerCase() } })).toBe(0);

    const invited = await inviteStaff(owner, input);
    expect(await db.user.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({ kind: "STAFF", role: "support", status: "INVITED", partnerId: null, notifications: [] });
    expect(await db.outboxEmail.count({ where: { to: input.email, template: "activation" } })).toBe(1);
    expect(await listStaff(owner)).toEqual(expect.arrayContaining([expect.objectContaining({ id: invited.id, status: "INVITED" })]));

    await expect(setStaffDisabled(owner, ownerUser.id, true)).rejects.toBeInstanceOf(ConflictError);
    const session = await db.$transaction((tx) => createSession(tx, otherOwner, { ip: null, userAgent: null }));
    await setStaffDisabled(owner, otherOwner.id, true);
    expect(await findLiveSession(session.id)).toBeNull();
    await setStaffDisabled(owner, otherOwner.id, false);
    expect((await db.user.findUniqueOrThrow({ where: { id: otherOwner.id } })).status).toBe("ACTIVE");
    expect(await db.auditEvent.count({ where: { targetId: otherOwner.id, actorId: ownerUser.id, action: { startsWith: "staff." } } })).toBe(2);
  });
});
