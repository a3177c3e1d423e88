// Rules that used to be written twice and now live in one place each
// (decision 0027): the primary-user transfer, who may be a manager, delete /
// restore / purge of both kinds of account, ending sessions, the audit shape
// and writer, and the temporary-password gate of the operation layer.
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { createSession, findLiveSession } from "@/lib/auth/sessions";
import { transferPrimaryUser, deleteTeamMember, disableTeamMember, listDeletedMembers, restoreTeamMember, updateTeamMember } from "@/lib/team/manage";
import { inviteTeamMember } from "@/lib/team/invite";
import { listManagerCandidates } from "@/lib/team/queries";
import { requestEmailChange } from "@/lib/auth/email-change";
import { deleteCustomerUsers, listDeletedCustomerUsers, purgeDeletedCustomerUsers, restoreCustomerUsers } from "@/lib/customers/customer-users";
import { importCustomerUsers } from "@/lib/customers/import";
import { createCustomer as createCustomerAsPartner } from "@/lib/customers/customers";
import { CustomerInput } from "@/lib/customers/schemas";
import { EditUserInput, InviteUserInput } from "@/lib/team/schemas";
import { runOperation } from "@/lib/operations/run";
import { listMembers } from "@/lib/team/operations";
import { changeOwnPasswordOp } from "@/lib/auth/operations";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { callerFor, createPartner, createPartnerUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { createStaffUser } from "../support/staff-factories";
import { createCustomerUser, createCustomerWithSubscription } from "../support/customer-factories";

const DAY = 86_400_000;
const sessionFor = (user: { id: string; sessionVersion: number }) =>
  db.$transaction((tx) => createSession(tx, user, { ip: null, userAgent: null }));
const sessionRow = (id: string) => db.session.findUniqueOrThrow({ where: { id }, select: { revokedAt: true, revokedReason: true } });

describe("handing over the primary role: one function for the team page and the vendor console", () => {
  it("waits for the partner lock, refuses what isn't an active Partner Admin with a conflict, and voids a pending email change", async () => {
    const { caller: owner } = await createStaffUser("portal_owner");
    const { partner, caller } = await createPartner();
    const sales = await createPartnerUser(partner.id, { role: "sales" });
    const next = await createPartnerUser(partner.id, { firstName: "Nova" });

    // Same refusal, same class, whoever asks.
    await expect(transferPrimaryUser(owner, { partnerId: partner.id, userId: sales.id })).rejects.toBeInstanceOf(ConflictError);
    await expect(transferPrimaryUser(caller, { userId: sales.id })).rejects.toBeInstanceOf(ConflictError);

    // Someone asked to move Nova's address before she became primary: that change must not finish.
    await requestEmailChange(caller, next.id, uniqueEmail("moved"));

    // A team change in flight holds the partner lock and demotes Nova: the console's transfer waits for it,
    // then sees her as she is after it (not a stale Partner Admin) and refuses.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const demotion = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Partner" WHERE "id" = ${partner.id}::uuid FOR UPDATE`;
      locked();
      await held;
      await tx.user.update({ where: { id: next.id }, data: { role: "sales" } });
    });
    await lockTaken;
    const racing = transferPrimaryUser(owner, { partnerId: partner.id, userId: next.id }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 400));
    release();
    await demotion;
    expect(await racing).toBeInstanceOf(ConflictError);
    expect((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).primaryUserId).toBe(caller.userId);

    await db.user.update({ where: { id: next.id }, data: { role: "partner_admin" } });
    await transferPrimaryUser(owner, { partnerId: partner.id, userId: next.id });
    expect((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).primaryUserId).toBe(next.id);
    expect(await db.userToken.count({ where: { userId: next.id, purpose: "EMAIL_CHANGE", expiresAt: { gt: new Date() } } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { partnerId: partner.id, action: "partner.primary_user_transferred" } });
    expect(event).toMatchObject({ targetId: next.id, changes: { primaryUserId: { from: caller.userId, to: next.id } } });
  });
});

describe("who may be a manager: one rule", () => {
  it("offers and accepts active and invited Partner Admins, never a disabled one, also when restoring", async () => {
    const { partner, caller } = await createPartner();
    const invitedAdmin = await createPartnerUser(partner.id, { status: "INVITED", firstName: "Ivy" });
    const disabledAdmin = await createPartnerUser(partner.id, { status: "DISABLED", firstName: "Dora" });
    const sales = await createPartnerUser(partner.id, { role: "sales", firstName: "Sam" });

    const offered = (await listManagerCandidates(caller)).map((m) => m.id).sort();
    expect(offered).toEqual([caller.userId, invitedAdmin.id].sort());

    const invite = (managerId: string) =>
      inviteTeamMember(caller, InviteUserInput.parse({ firstName: "Ann", lastName: "Exec", email: uniqueEmail("ae"), role: "account_executive", managerId }));
    for (const refused of [disabledAdmin.id, sales.id]) {
      const error = await invite(refused).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.managerId[0]).toMatch(/Partner Admin/);
    }
    const ae = await invite(invitedAdmin.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: ae.id } })).managerId).toBe(invitedAdmin.id);

    // Editing: moving the AE under the disabled admin is refused next to the field.
    const edit = await updateTeamMember(
      caller,
      EditUserInput.parse({ userId: ae.id, firstName: "Ann", lastName: "Exec", role: "account_executive", managerId: disabledAdmin.id }),
    ).catch((e: unknown) => e);
    expect((edit as ValidationError).fieldErrors.managerId[0]).toMatch(/Partner Admin/);

    // Restoring: their manager is disabled now, so a new one is needed.
    await db.user.update({ where: { id: ae.id }, data: { managerId: disabledAdmin.id, deletedAt: new Date(), status: "ACTIVE" } });
    const restore = await restoreTeamMember(caller, { userId: ae.id, managerId: null }).catch((e: unknown) => e);
    expect((restore as ValidationError).fieldErrors.managerId).toBeDefined();
  });
});

describe("delete, restore and purge: one module for team members and customer users", () => {
  it("deleting a customer user ends their sessions and links; the purge writes an audit event", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const user = await createCustomerUser(customer);
    const session = await sessionFor(user);
    const link = await db.userToken.create({
      data: { userId: user.id, purpose: "PASSWORD_RESET", tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 3600_000) },
    });

    await deleteCustomerUsers(caller, customer.id, [user.id]);
    expect(await findLiveSession(session.id)).toBeNull();
    expect(await sessionRow(session.id)).toMatchObject({ revokedAt: expect.any(Date), revokedReason: "deleted" });
    expect((await db.userToken.findUniqueOrThrow({ where: { id: link.id } })).expiresAt.getTime()).toBeLessThanOrEqual(Date.now());

    // The same window for both kinds: 29 days after deletion, one day left for each.
    const member = await createPartnerUser(partner.id, { role: "sales" });
    await deleteTeamMember(caller, member.id);
    const longAgo = new Date(Date.now() - 29 * DAY);
    await db.user.updateMany({ where: { id: { in: [user.id, member.id] } }, data: { deletedAt: longAgo } });
    expect((await listDeletedCustomerUsers(caller, customer.id)).find((u) => u.id === user.id)?.daysLeft).toBe(1);
    expect((await listDeletedMembers(caller)).find((u) => u.id === member.id)?.daysLeft).toBe(1);

    // Past the window: neither can be restored, and the purge leaves an event for each.
    await db.user.updateMany({ where: { id: { in: [user.id, member.id] } }, data: { deletedAt: new Date(Date.now() - 31 * DAY) } });
    await expect(restoreCustomerUsers(caller, customer.id, [user.id])).rejects.toThrow(/can no longer be restored/);
    await purgeDeletedCustomerUsers();
    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(await db.auditEvent.findFirst({ where: { action: "customer_user.purged", targetId: user.id } })).toMatchObject({
      partnerId: partner.id,
      actorId: null,
    });
  });
});

describe("ending sessions: one way", () => {
  it("disabling a member ends their sessions at once, with the reason", async () => {
    const { partner, caller } = await createPartner();
    const member = await createPartnerUser(partner.id, { role: "sales" });
    const session = await sessionFor(member);
    expect(await findLiveSession(session.id)).not.toBeNull();
    await disableTeamMember(caller, member.id);
    expect(await findLiveSession(session.id)).toBeNull();
    expect(await sessionRow(session.id)).toMatchObject({ revokedAt: expect.any(Date), revokedReason: "disabled" });
  });

  it("changing your own password keeps this session and ends the others", async () => {
    const { partner } = await createPartner();
    const member = await createPartnerUser(partner.id, { role: "sales" });
    const here = await sessionFor(member);
    const elsewhere = await sessionFor(member);
    const caller = { ...callerFor(member), sessionId: here.id };
    const password = "a brand new passphrase 93";
    await runOperation(changeOwnPasswordOp, { currentPassword: TEST_PASSWORD, password, confirmPassword: password }, caller);
    expect(await findLiveSession(here.id)).not.toBeNull();
    expect(await findLiveSession(elsewhere.id)).toBeNull();
    expect(await sessionRow(elsewhere.id)).toMatchObject({ revokedReason: "password_changed" });
  });
});

describe("audit events: one shape, one writer", () => {
  it("stores every change as { field: { from, to } }, the import's events included", async () => {
    const { partner, caller } = await createPartner();
    const { customer, product } = await createCustomerWithSubscription(partner.id, 5);
    await createCustomerAsPartner(caller, CustomerInput.parse({ type: "COMPANY", companyName: "Shape Co", contactEmail: uniqueEmail("c") }));
    const member = await createPartnerUser(partner.id, { role: "sales" });
    await updateTeamMember(caller, EditUserInput.parse({ userId: member.id, firstName: "Renamed", lastName: "User", role: "read_only" }));
    await deleteTeamMember(caller, member.id);
    await restoreTeamMember(caller, { userId: member.id, managerId: null });
    const email = uniqueEmail("imported");
    const csv = `First name,Last name,Email,Phone,Licenses\nIda,Imported,${email},,${product.code}\n`;
    const { credentials } = await importCustomerUsers(caller, customer.id, csv, { validOnly: false });

    const events = await db.auditEvent.findMany({ where: { partnerId: partner.id, changes: { not: undefined } }, select: { action: true, changes: true } });
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (const event of events) {
      if (event.changes === null) continue;
      for (const [field, change] of Object.entries(event.changes as Record<string, unknown>)) {
        expect(change !== null && typeof change === "object" ? Object.keys(change).sort() : change, `${event.action}.${field}`).toEqual(["from", "to"]);
      }
    }
    const imported = await db.auditEvent.findFirstOrThrow({ where: { action: "customer_user.imported", targetId: credentials[0].userId } });
    expect(imported).toMatchObject({ actorId: caller.userId, partnerId: partner.id, ip: caller.ip });
    expect(imported.changes).toMatchObject({ email: { from: null, to: email }, line: { from: null, to: 2 } });
  });
});

describe("a temporary password must be changed first: checked for every operation", () => {
  it("refuses any operation but changing the password, then lets the user in", async () => {
    const { partner } = await createPartner();
    const member = await createPartnerUser(partner.id);
    await db.user.update({ where: { id: member.id }, data: { mustChangePassword: true } });
    const caller = { ...callerFor(member), mustChangePassword: true };

    const refused = await runOperation(listMembers, {}, caller).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as ForbiddenError).message).toMatch(/temporary password/);

    const password = "another new passphrase 71";
    await runOperation(changeOwnPasswordOp, { currentPassword: TEST_PASSWORD, password, confirmPassword: password }, caller);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).mustChangePassword).toBe(false);
    await expect(runOperation(listMembers, {}, { ...caller, mustChangePassword: false })).resolves.toBeDefined();
  });
});
