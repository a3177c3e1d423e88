import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addPartnerUser } from "@/lib/partners/add-partner-user";
import { createPartner as createPartnerAsStaff, reactivatePartner, suspendPartner, updatePartner } from "@/lib/partners/mutations";
import { transferPrimaryUser } from "@/lib/team/manage";
import { getPartnerDetailOrThrow, listPartnerOptions, listPartners } from "@/lib/partners/queries";
import { AddPartnerUserInput, CreatePartnerInput } from "@/lib/partners/schemas";
import { getAccountOrThrow, searchAccounts } from "@/lib/support/lookup";
import { detachEmail, moveInvitedUser, resendInviteOnBehalf, sendResetLinkOnBehalf } from "@/lib/support/resolve";
import { findLiveSession } from "@/lib/auth/sessions";
import { createSession } from "@/lib/auth/sessions";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { createPartner, createPartnerUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { fieldErrorsOf } from "../support/refusals";
import { PartnerSuspendedSignIn, signInWithPassword } from "@/lib/auth/sign-in";
import { createStaffUser } from "../support/staff-factories";

const addInput = (partnerId: string, overrides: Record<string, unknown> = {}) =>
  AddPartnerUserInput.parse({
    partnerId,
    firstName: "Pat",
    lastName: "Partner",
    email: uniqueEmail("pat"),
    phone: "+44 20 7946 0958",
    role: "sales",
    ...overrides,
  });

describe("the vendor console's boundary", () => {
  it("answers not found to a partner admin for every console function, and changes nothing", async () => {
    const victim = await createPartner();
    const attacker = await createPartner();
    const invited = await createPartnerUser(victim.partner.id, { status: "INVITED", role: "sales" });
    const auditBefore = await db.auditEvent.count();
    const usersBefore = await db.user.count();
    const caller = attacker.caller;
    const attempts: (() => Promise<unknown>)[] = [
      () => listPartners(caller, { page: 1 }),
      () => listPartnerOptions(caller),
      () => getPartnerDetailOrThrow(caller, victim.partner.id),
      () => createPartnerAsStaff(caller, CreatePartnerInput.parse({ name: "Evil", firstName: "E", lastName: "Vil", email: uniqueEmail() })),
      () => updatePartner(caller, { partnerId: victim.partner.id, name: "Renamed" }),
      () => suspendPartner(caller, victim.partner.id, "because I can"),
      () => reactivatePartner(caller, victim.partner.id),
      () => transferPrimaryUser(caller, { partnerId: victim.partner.id, userId: victim.admin.id }),
      () => addPartnerUser(caller, addInput(victim.partner.id)),
      () => searchAccounts(caller, { q: "a", page: 1 }),
      () => getAccountOrThrow(caller, victim.admin.id),
      () => detachEmail(caller, victim.admin.id, "take it over"),
      () => moveInvitedUser(caller, { userId: invited.id, targetPartnerId: attacker.partner.id, role: "sales", reason: "mine now" }),
      () => resendInviteOnBehalf(caller, invited.id),
      () => sendResetLinkOnBehalf(caller, victim.admin.id),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);

    expect(await db.auditEvent.count()).toBe(auditBefore);
    expect(await db.user.count()).toBe(usersBefore);
    expect(await db.partner.findUniqueOrThrow({ where: { id: victim.partner.id } })).toMatchObject({ status: "ACTIVE", name: victim.partner.name });
    expect((await db.user.findUniqueOrThrow({ where: { id: invited.id } })).partnerId).toBe(victim.partner.id);
  });

  it("lets support look and add users (resolving duplicates) but not manage partners", async () => {
    const { caller: support } = await createStaffUser("support");
    const { partner, admin } = await createPartner();
    const nextAdmin = await createPartnerUser(partner.id);
    await expect(getPartnerDetailOrThrow(support, partner.id)).resolves.toMatchObject({ partner: { id: partner.id } });
    await expect(suspendPartner(support, partner.id, "not allowed")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updatePartner(support, { partnerId: partner.id, name: "Renamed" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(transferPrimaryUser(support, { partnerId: partner.id, userId: nextAdmin.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createPartnerAsStaff(support, CreatePartnerInput.parse({ name: "Nope", firstName: "N", lastName: "O", email: uniqueEmail() }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({ status: "ACTIVE", name: partner.name, primaryUserId: admin.id });
    await expect(addPartnerUser(support, addInput(partner.id))).resolves.toMatchObject({ firstName: "Pat" });
  });
});

describe("creating and editing partners", () => {
  it("creates the partner with an invited primary Partner Admin, an activation email and one audit event", async () => {
    const { caller: admin, user: staff } = await createStaffUser("portal_admin");
    const email = uniqueEmail("primary");
    const { partner, user } = await createPartnerAsStaff(
      admin,
      CreatePartnerInput.parse({ name: "Litware Partners", firstName: "Lena", lastName: "Lit", email, phone: "+1 415 555 0100" }),
    );
    const saved = await db.partner.findUniqueOrThrow({ where: { id: partner.id }, include: { primaryUser: true } });
    expect(saved.primaryUser).toMatchObject({ id: user.id, status: "INVITED", role: "partner_admin", phone: "+14155550100" });
    expect(saved.primaryUser?.notifications.sort()).toEqual(["license_changes", "new_orders", "security"]);

    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(mail.template).toBe("activation");
    expect(mail.props).toMatchObject({ partnerName: "Litware Partners" });

    const events = await db.auditEvent.findMany({ where: { partnerId: partner.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "partner.created", actorId: staff.id, onBehalfOf: partner.id });
  });

  it("refuses a primary user whose email is taken, names the holder, and writes nothing", async () => {
    const { caller: owner } = await createStaffUser("portal_owner");
    const other = await createPartner("Holder Partner Ltd");
    const partnersBefore = await db.partner.count();
    const errors = await fieldErrorsOf(
      createPartnerAsStaff(owner, CreatePartnerInput.parse({ name: "Twin", firstName: "T", lastName: "W", email: other.admin.email.toUpperCase() })),
    );
    expect(errors.email[0]).toBe("This email already belongs to Alice Admin, partner user at Holder Partner Ltd, active.");
    expect(await db.partner.count()).toBe(partnersBefore);
  });

  it("lists partners with search, counts and their primary user", async () => {
    const { caller: support } = await createStaffUser("support");
    const tag = crypto.randomUUID().slice(0, 6);
    const { partner, admin } = await createPartner(`Findable ${tag}`);
    await createPartnerUser(partner.id, { role: "sales" });
    const { partners, total } = await listPartners(support, { q: `findable ${tag}`, page: 1 });
    expect(total).toBe(1);
    expect(partners[0]).toMatchObject({ id: partner.id, status: "ACTIVE", primaryUser: { id: admin.id }, _count: { users: 2, customers: 0 } });
  });

  it("renames a partner with an audit event of the change", async () => {
    const { caller: owner } = await createStaffUser("portal_owner");
    const { partner } = await createPartner();
    await updatePartner(owner, { partnerId: partner.id, name: "New Name Inc" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { partnerId: partner.id, action: "partner.updated" } });
    expect(event.changes).toEqual({ name: { from: partner.name, to: "New Name Inc" } });
  });
});

describe("suspending a partner", () => {
  it("ends its users' sessions, refuses their sign-in with the reason, and reactivation lets them back", async () => {
    const { caller: owner } = await createStaffUser("portal_owner");
    const { partner, admin } = await createPartner();
    const other = await createPartner();
    const session = await db.$transaction((tx) => createSession(tx, admin, { ip: null, userAgent: null }));
    const otherSession = await db.$transaction((tx) => createSession(tx, other.admin, { ip: null, userAgent: null }));

    await suspendPartner(owner, partner.id, "Unpaid invoices since September");
    expect(await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({
      status: "SUSPENDED",
      suspendedReason: "Unpaid invoices since September",
    });
    expect(await findLiveSession(session.id)).toBeNull();
    expect(await findLiveSession(otherSession.id)).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { partnerId: partner.id, action: "partner.suspended" } });
    expect(event.changes).toEqual({ reason: { from: null, to: "Unpaid invoices since September" } });

    // The right password learns why; a wrong one still gets the generic refusal.
    const meta = { ip: `10.6.${Math.floor(Math.random() * 250)}.1`, userAgent: "vitest" };
    const refused = await signInWithPassword(admin.email, TEST_PASSWORD, meta).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PartnerSuspendedSignIn);
    expect((refused as PartnerSuspendedSignIn).userMessage).toBe(
      "Your organization's access to Partner Portal is suspended: Unpaid invoices since September. Contact your vendor to restore it.",
    );
    expect(await signInWithPassword(admin.email, "not-the-password-1", meta)).toBeNull();

    await reactivatePartner(owner, partner.id);
    await expect(signInWithPassword(admin.email, TEST_PASSWORD, meta)).resolves.toMatchObject({ userId: admin.id });
    expect((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).status).toBe("ACTIVE");
    // The cut sessions stay cut: reactivation doesn't revive them.
    expect(await findLiveSession(session.id)).toBeNull();
  });
});

describe("transferring the primary user", () => {
  it("accepts only an active Partner Admin of the same partner", async () => {
    const { caller: owner } = await createStaffUser("portal_owner");
    const { partner } = await createPartner();
    const other = await createPartner();
    const invitedAdmin = await createPartnerUser(partner.id, { status: "INVITED" });
    const sales = await createPartnerUser(partner.id, { role: "sales" });
    const nextAdmin = await createPartnerUser(partner.id, { firstName: "Nova" });

    for (const userId of [invitedAdmin.id, sales.id]) {
      const refused = transferPrimaryUser(owner, { partnerId: partner.id, userId });
      await expect(refused).rejects.toBeInstanceOf(ConflictError);
      await expect(refused).rejects.toThrow(/active Partner Admin/);
    }
    // Another partner's admin is not a user of this partner.
    await expect(transferPrimaryUser(owner, { partnerId: partner.id, userId: other.admin.id })).rejects.toBeInstanceOf(NotFoundError);

    await transferPrimaryUser(owner, { partnerId: partner.id, userId: nextAdmin.id });
    expect((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).primaryUserId).toBe(nextAdmin.id);
    expect(await db.auditEvent.count({ where: { partnerId: partner.id, action: "partner.primary_user_transferred" } })).toBe(1);
  });
});

describe("adding a partner user on the partner's behalf", () => {
  it("requires a real phone number with its country code and stores it in E.164", () => {
    expect(addInput(crypto.randomUUID()).phone).toBe("+442079460958");
    const missing = AddPartnerUserInput.safeParse({ ...addInput(crypto.randomUUID()), phone: "" });
    expect(missing.error?.issues[0].message).toMatch(/country code/);
    const fake = AddPartnerUserInput.safeParse({ ...addInput(crypto.randomUUID()), phone: "+1 555 0000" });
    expect(fake.error?.issues[0]).toMatchObject({ path: ["phone"], message: expect.stringMatching(/valid phone number/) });
  });

  it("invites the user into that partner, with the email and an audit event naming staff and partner", async () => {
    const { caller: admin, user: staff } = await createStaffUser("portal_admin");
    const { partner } = await createPartner();
    const input = addInput(partner.id, { role: "account_executive" });
    const user = await addPartnerUser(admin, input);

    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved).toMatchObject({ partnerId: partner.id, kind: "PARTNER", status: "INVITED", role: "account_executive", phone: "+442079460958" });
    // An Account Executive reports to the partner's primary Partner Admin.
    expect(saved.managerId).toBe((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).primaryUserId);
    // Like a team invite, a member added by staff starts with the default notifications.
    expect(saved.notifications.sort()).toEqual(["license_changes", "new_orders", "security"]);
    expect(await db.outboxEmail.count({ where: { to: input.email, template: "activation" } })).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: user.id, action: "user.invited" } });
    expect(event).toMatchObject({ actorId: staff.id, partnerId: partner.id, onBehalfOf: partner.id });
  });

  it("refuses a duplicate and tells support exactly which account holds the address, across tenants", async () => {
    const { caller: admin } = await createStaffUser("portal_admin");
    const { partner } = await createPartner();
    const holderPartner = await createPartner("Wrong Partner GmbH");
    const holder = await createPartnerUser(holderPartner.partner.id, { firstName: "Dana", lastName: "Dupe", status: "INVITED", role: "sales" });

    const errors = await fieldErrorsOf(addPartnerUser(admin, addInput(partner.id, { email: ` ${holder.email.toUpperCase()}` })));
    expect(errors).toEqual({ email: ["This email already belongs to Dana Dupe, partner user at Wrong Partner GmbH, invited."] });
    expect(await db.user.count({ where: { partnerId: partner.id } })).toBe(1);
  });

  it("answers not found for an unknown partner", async () => {
    const { caller: admin } = await createStaffUser("portal_admin");
    await expect(addPartnerUser(admin, addInput(crypto.randomUUID()))).rejects.toBeInstanceOf(NotFoundError);
  });
});
