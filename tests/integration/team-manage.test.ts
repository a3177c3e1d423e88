import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import {
  deleteTeamMember,
  disableTeamMember,
  enableTeamMember,
  listDeletedMembers,
  restoreTeamMember,
  RESTORE_NEEDS_MANAGER,
  sendResetLinkToMember,
  transferPrimaryUser,
  updateTeamMember,
} from "@/lib/team/manage";
import { RestoreUserInput } from "@/lib/team/schemas";
import { inviteTeamMember } from "@/lib/team/invite";
import { InviteUserInput } from "@/lib/team/schemas";
import { listTeamPage } from "@/lib/team/queries";
import { AccountDisabledSignIn, signInWithPassword } from "@/lib/auth/sign-in";
import { findLiveSession } from "@/lib/auth/sessions";
import type { PartnerCaller } from "@/lib/auth/caller";
import { callerFor, createPartner, editInputFor, createPartnerUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { TEST_META } from "../support/request";
import { fieldErrorsOf } from "../support/refusals";

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (error: unknown) => error,
  );
}

const reload = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

describe("editing a team member", () => {
  it("saves name, phone, role, permissions and notifications, audits the change, and ends their sessions", async () => {
    const { partner, caller } = await createPartner();
    const user = await createPartnerUser(partner.id, { role: "sales" });
    const session = await signInWithPassword(user.email, TEST_PASSWORD, TEST_META);
    expect(await findLiveSession(session!.sessionId)).not.toBeNull();

    await updateTeamMember(
      caller,
      editInputFor(user, { firstName: "Renamed", phone: "+1 415 555 0100", role: "read_only", permissions: ["audit.view"], notifications: ["weekly_summary"] }),
    );
    const saved = await reload(user.id);
    expect(saved).toMatchObject({ firstName: "Renamed", phone: "+14155550100", role: "read_only", permissions: ["audit.view"] });
    // Security notices can't be turned off.
    expect(saved.notifications.sort()).toEqual(["security", "weekly_summary"]);
    // The old session stops working on its next request, not at expiry.
    expect(await findLiveSession(session!.sessionId)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.updated", targetId: user.id } });
    expect(audit.changes).toMatchObject({ role: { from: "sales", to: "read_only" } });
  });

  it("keeps sessions when only the name or settings change", async () => {
    const { partner, caller } = await createPartner();
    const user = await createPartnerUser(partner.id, { role: "sales" });
    const session = await signInWithPassword(user.email, TEST_PASSWORD, TEST_META);
    await updateTeamMember(caller, editInputFor(user, { lastName: "Newname" }));
    expect(await findLiveSession(session!.sessionId)).not.toBeNull();
  });

  it("refuses to grant a permission the actor doesn't hold, but lets them remove one they hold", async () => {
    const { partner } = await createPartner();
    const manager = await createPartnerUser(partner.id, { role: null, permissions: ["users.view", "users.manage", "customers.view"] });
    const target = await createPartnerUser(partner.id, { role: null, permissions: ["customers.view", "users.view"] });
    const actor = callerFor(manager);

    const errors = await fieldErrorsOf(updateTeamMember(actor, editInputFor(target, { permissions: ["customers.view", "users.view", "settings.manage"] })));
    expect(errors.permissions[0]).toMatch(/can't grant permissions you don't have: Manage settings/);
    expect((await reload(target.id)).permissions).toEqual(["customers.view", "users.view"]);

    await updateTeamMember(actor, editInputFor(target, { firstName: "Kept" }));
    await updateTeamMember(actor, editInputFor(target, { permissions: ["customers.view"] }));
    expect((await reload(target.id)).permissions).toEqual(["customers.view"]);
    // (A target holding something the actor lacks can't be touched at all: team-privilege-ceiling.test.ts.)
  });

  it("refuses to let anyone remove their own permissions", async () => {
    const { partner, admin, caller } = await createPartner();
    await createPartnerUser(partner.id); // another admin, so "last admin" isn't the reason
    const errors = await fieldErrorsOf(updateTeamMember(caller, editInputFor(admin, { role: "sales" })));
    expect(errors.role[0]).toMatch(/can't change your own role or permissions/);
    expect((await reload(admin.id)).role).toBe("partner_admin");
  });

  it("requires a Partner Admin of the same partner as manager for an Account Executive", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const user = await createPartnerUser(a.partner.id, { role: "sales" });
    expect((await fieldErrorsOf(updateTeamMember(a.caller, editInputFor(user, { role: "account_executive" })))).managerId).toEqual([
      "A Partner Account Executive needs a manager.",
    ]);
    const foreign = await fieldErrorsOf(updateTeamMember(a.caller, editInputFor(user, { role: "account_executive", managerId: b.admin.id })));
    expect(foreign.managerId[0]).toMatch(/Partner Admin of your organization/);
    await updateTeamMember(a.caller, editInputFor(user, { role: "account_executive", managerId: a.admin.id }));
    expect((await reload(user.id)).managerId).toBe(a.admin.id);
  });

  it("refuses to demote a Partner Admin while people report to them", async () => {
    const { partner, caller } = await createPartner();
    const boss = await createPartnerUser(partner.id, { firstName: "Bea", lastName: "Boss" });
    await createPartnerUser(partner.id, { role: "account_executive", managerId: boss.id });
    const errors = await fieldErrorsOf(updateTeamMember(caller, editInputFor(boss, { role: "sales" })));
    expect(errors.role[0]).toMatch(/1 person reports to Bea Boss\. Assign them another manager first/);
  });

  it("answers not found for another partner's member and changes nothing", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const victim = await createPartnerUser(a.partner.id, { role: "sales" });
    await expect(updateTeamMember(b.caller, editInputFor(victim, { firstName: "Hacked" }))).rejects.toBeInstanceOf(NotFoundError);
    expect((await reload(victim.id)).firstName).toBe("Test");
  });
});

describe("the last person who can manage users", () => {
  it("can't be demoted, disabled or deleted by anyone", async () => {
    const { partner, admin } = await createPartner();
    // Someone who manages users through an extra permission, and whose own seat would stay.
    const helper = await createPartnerUser(partner.id, { role: null, permissions: ["users.view", "users.manage"] });
    // The admin's own seat stops counting (disabled directly, as setup): the helper is now the last one.
    await db.user.update({ where: { id: admin.id }, data: { status: "DISABLED" } });
    const error = await rejection(updateTeamMember(callerFor(admin), editInputFor(helper, { permissions: ["users.view"] })));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/last active person who can manage the team/);
    expect((await reload(helper.id)).permissions).toContain("users.manage");
    await expect(disableTeamMember(callerFor(admin), helper.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(deleteTeamMember(callerFor(admin), helper.id)).rejects.toBeInstanceOf(ConflictError);
    expect(await reload(helper.id)).toMatchObject({ status: "ACTIVE", deletedAt: null });
  });

  it("survives two admins demoting each other at the same moment", async () => {
    const { partner } = await createPartner();
    const ann = await createPartnerUser(partner.id, { firstName: "Ann" });
    const bob = await createPartnerUser(partner.id, { firstName: "Bob" });
    // Only Ann and Bob manage users: the primary admin becomes Sales (directly, as setup).
    await db.user.updateMany({ where: { partnerId: partner.id, id: { notIn: [ann.id, bob.id] } }, data: { role: "sales" } });
    // (The primary user stays the former admin, so neither demotion is refused for being the primary.)

    for (let round = 0; round < 5; round++) {
      const demoteBob = editInputFor(await reload(bob.id), { role: "sales" });
      const demoteAnn = editInputFor(await reload(ann.id), { role: "sales" });
      const [first, second] = await Promise.allSettled([
        updateTeamMember(callerFor(ann), demoteBob),
        updateTeamMember(callerFor(bob), demoteAnn),
      ]);
      const managers = await db.user.count({ where: { partnerId: partner.id, role: "partner_admin", deletedAt: null } });
      expect(managers).toBeGreaterThanOrEqual(1);
      expect([first.status, second.status].filter((s) => s === "fulfilled").length).toBeLessThanOrEqual(1);
      // Put things back for the next round.
      await db.user.updateMany({ where: { id: { in: [ann.id, bob.id] } }, data: { role: "partner_admin" } });
    }
  });
});

describe("disable and enable", () => {
  it("blocks sign-in and ends sessions, keeps everything, and enables again", async () => {
    const { partner, caller } = await createPartner();
    const user = await createPartnerUser(partner.id, { role: "sales" });
    const session = await signInWithPassword(user.email, TEST_PASSWORD, TEST_META);
    await disableTeamMember(caller, user.id);
    expect(await findLiveSession(session!.sessionId)).toBeNull();
    await expect(signInWithPassword(user.email, TEST_PASSWORD, TEST_META)).rejects.toBeInstanceOf(AccountDisabledSignIn);
    expect(await reload(user.id)).toMatchObject({ status: "DISABLED", role: "sales" });

    await enableTeamMember(caller, user.id);
    expect(await signInWithPassword(user.email, TEST_PASSWORD, TEST_META)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: { in: ["user.disabled", "user.enabled"] } } })).toBe(2);
  });

  it("refuses to disable yourself or the primary user", async () => {
    const { partner, admin, caller } = await createPartner();
    const other = await createPartnerUser(partner.id);
    expect(((await rejection(disableTeamMember(caller, admin.id))) as Error).message).toMatch(/your own account/);
    expect(((await rejection(disableTeamMember(callerFor(other), admin.id))) as Error).message).toMatch(/primary user/);
    expect((await reload(admin.id)).status).toBe("ACTIVE");
  });
});

describe("delete and restore", () => {
  it("signs the user out at once, frees the email, lists them as deleted, and restores them with everything", async () => {
    const { partner, caller } = await createPartner();
    const user = await createPartnerUser(partner.id, { role: "read_only", permissions: ["audit.view"] });
    await db.user.update({ where: { id: user.id }, data: { notifications: ["security", "weekly_summary"] } });
    const session = await signInWithPassword(user.email, TEST_PASSWORD, TEST_META);

    await deleteTeamMember(caller, user.id);
    expect(await findLiveSession(session!.sessionId)).toBeNull();
    expect((await listTeamPage(caller)).members.map((m) => m.id)).not.toContain(user.id);
    const deleted = await listDeletedMembers(caller);
    expect(deleted.find((d) => d.id === user.id)).toMatchObject({ deletedByName: "Alice Admin", daysLeft: 30 });

    await restoreTeamMember(caller, RestoreUserInput.parse({ userId: user.id }));
    expect(await reload(user.id)).toMatchObject({
      deletedAt: null,
      role: "read_only",
      permissions: ["audit.view"],
      notifications: ["security", "weekly_summary"],
    });
    expect(await signInWithPassword(user.email, TEST_PASSWORD, TEST_META)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: { in: ["user.deleted", "user.restored"] } } })).toBe(2);
    const told = await db.outboxEmail.findMany({ where: { to: user.email, template: "account-restored" } });
    expect(told).toHaveLength(1);
    expect(told[0].props).toMatchObject({ firstName: user.firstName, signInUrl: expect.stringMatching(/\/login$/) });
  });

  it("refuses to restore when the email now belongs to another active account", async () => {
    const { partner, caller } = await createPartner();
    const email = uniqueEmail("reused");
    const user = await createPartnerUser(partner.id, { email, role: "sales" });
    await deleteTeamMember(caller, user.id);
    await inviteTeamMember(caller, InviteUserInput.parse({ firstName: "New", lastName: "Holder", email, role: "sales" }));

    const error = await rejection(restoreTeamMember(caller, RestoreUserInput.parse({ userId: user.id })));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(new RegExp(`Can't restore: ${email} now belongs to another active account`));
    expect((await reload(user.id)).deletedAt).not.toBeNull();
  });

  it("asks for a new manager when the manager is gone", async () => {
    const { partner, caller } = await createPartner();
    const boss = await createPartnerUser(partner.id);
    const ae = await createPartnerUser(partner.id, { role: "account_executive", managerId: boss.id });
    await deleteTeamMember(caller, ae.id);
    await deleteTeamMember(caller, boss.id);

    expect((await fieldErrorsOf(restoreTeamMember(caller, RestoreUserInput.parse({ userId: ae.id })))).managerId).toEqual([RESTORE_NEEDS_MANAGER]);
    await restoreTeamMember(caller, RestoreUserInput.parse({ userId: ae.id, managerId: caller.userId }));
    expect(await reload(ae.id)).toMatchObject({ deletedAt: null, managerId: caller.userId });
  });

  it("refuses to delete a Partner Admin while people report to them, yourself, or the primary user", async () => {
    const { partner, admin, caller } = await createPartner();
    const boss = await createPartnerUser(partner.id, { firstName: "Bea", lastName: "Boss" });
    await createPartnerUser(partner.id, { role: "account_executive", managerId: boss.id });
    expect(((await rejection(deleteTeamMember(caller, boss.id))) as Error).message).toMatch(
      /1 person reports to Bea Boss\. Assign them another manager before deleting Bea/,
    );
    expect(((await rejection(deleteTeamMember(caller, admin.id))) as Error).message).toMatch(/your own account/);
    expect(((await rejection(deleteTeamMember(callerFor(boss), admin.id))) as Error).message).toBe(
      "Only the primary user can change the primary user's account.",
    );
    expect(await db.user.count({ where: { partnerId: partner.id, deletedAt: { not: null } } })).toBe(0);
  });

  it("can't restore after 30 days", async () => {
    const { partner, caller } = await createPartner();
    const user = await createPartnerUser(partner.id, { role: "sales" });
    await deleteTeamMember(caller, user.id);
    await db.user.update({ where: { id: user.id }, data: { deletedAt: new Date(Date.now() - 31 * 24 * 3600_000) } });
    expect((await listDeletedMembers(caller)).map((d) => d.id)).not.toContain(user.id);
    await expect(restoreTeamMember(caller, RestoreUserInput.parse({ userId: user.id }))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("primary user", () => {
  it("transfers to another active Partner Admin, in one audited step", async () => {
    const { partner, admin, caller } = await createPartner();
    const next = await createPartnerUser(partner.id);
    const sales = await createPartnerUser(partner.id, { role: "sales" });
    await expect(transferPrimaryUser(caller, { userId: sales.id })).rejects.toBeInstanceOf(ConflictError);
    await transferPrimaryUser(caller, { userId: next.id });
    expect((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).primaryUserId).toBe(next.id);
    // The former primary can now be deleted by the new one.
    await deleteTeamMember(callerFor(next), admin.id);
    expect(await db.auditEvent.count({ where: { action: "partner.primary_user_transferred", targetId: next.id } })).toBe(1);
  });
});

describe("admin reset link", () => {
  it("mails a reset link to an active member and refuses an invited one", async () => {
    const { partner, caller } = await createPartner();
    const user = await createPartnerUser(partner.id, { role: "sales" });
    await sendResetLinkToMember(caller, user.id);
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "password-reset" } })).toBe(1);
    const invited = await createPartnerUser(partner.id, { status: "INVITED" });
    await expect(sendResetLinkToMember(caller, invited.id)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("team list", () => {
  it("filters by status, role and search and pages with a keyset cursor", async () => {
    const { partner, caller } = await createPartner();
    const tag = uniqueEmail("zz").slice(3, 11);
    for (let i = 0; i < 5; i++) await createPartnerUser(partner.id, { role: "sales", firstName: `Pat${i}`, lastName: `Zed${tag}` });
    await createPartnerUser(partner.id, { role: "read_only", status: "DISABLED", lastName: `Zed${tag}` });
    await createPartnerUser(partner.id, { role: "sales", status: "INVITED", lastName: `Zed${tag}` });

    const search = { q: `zed${tag}` };
    expect((await listTeamPage(caller, search)).members).toHaveLength(7);
    expect((await listTeamPage(caller, { ...search, status: "disabled" })).members).toHaveLength(1);
    const invited = (await listTeamPage(caller, { ...search, status: "invited" })).members;
    expect(invited).toHaveLength(1);
    expect(invited[0].displayStatus.key).toBe("INVITATION_EXPIRED"); // no link at all: shown as Expired, never "invalid"
    expect((await listTeamPage(caller, { ...search, role: "read_only" })).members).toHaveLength(1);

    const first = await listTeamPage(caller, search, 3);
    const second = await listTeamPage(caller, { ...search, after: first.nextCursor! }, 3);
    const third = await listTeamPage(caller, { ...search, after: second.nextCursor! }, 3);
    const ids = [...first.members, ...second.members, ...third.members].map((m) => m.id);
    expect(new Set(ids).size).toBe(7);
    expect(third.nextCursor).toBeNull();

    const bySignIn = await listTeamPage(caller, { ...search, sort: "lastSignIn" }, 4);
    const rest = await listTeamPage(caller, { ...search, sort: "lastSignIn", after: bySignIn.nextCursor! }, 4);
    expect(new Set([...bySignIn.members, ...rest.members].map((m) => m.id)).size).toBe(7);
  });

  it("sorted by last sign-in pages newest first, ties by id, never-signed-in last, across page boundaries", async () => {
    const { partner, caller } = await createPartner();
    const tag = uniqueEmail("ls").slice(3, 11);
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 12, minutes));
    // Two pairs with the same sign-in time, three who never signed in: pages of 2 cross every boundary.
    for (const minutes of [5, 5, 9, 1, 1, null, null, null]) {
      const user = await createPartnerUser(partner.id, { lastName: `Sig${tag}` });
      if (minutes !== null) await db.user.update({ where: { id: user.id }, data: { lastSignInAt: at(minutes) } });
    }
    const expected = (
      await db.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "User" WHERE "partnerId" = ${partner.id}::uuid AND "searchText" LIKE ${`%sig${tag}%`}
        ORDER BY "lastSignInAt" DESC NULLS LAST, "id" DESC`
    ).map((row) => row.id);
    expect(expected).toHaveLength(8);
    for (const size of [2, 3, 5]) {
      const seen: string[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await listTeamPage(caller, { q: `sig${tag}`, sort: "lastSignIn", ...(after && { after }) }, size);
        seen.push(...page.members.map((m) => m.id));
        if (!page.nextCursor) break;
        after = page.nextCursor;
      }
      expect(seen).toEqual(expected);
    }
  });
});

describe("permissions are checked in the domain too", () => {
  it("refuses an email change by someone without users.manage for another user", async () => {
    const { partner } = await createPartner();
    const sales = await createPartnerUser(partner.id, { role: "sales" });
    const other = await createPartnerUser(partner.id, { role: "sales" });
    const { requestEmailChange } = await import("@/lib/auth/email-change");
    await expect(requestEmailChange(callerFor(sales) as PartnerCaller, other.id, uniqueEmail())).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("your own account", () => {
  it("lets any member choose their notifications (security always stays) and ask for a new email", async () => {
    const { partner } = await createPartner();
    const sales = await createPartnerUser(partner.id, { role: "sales" });
    const { updateOwnNotifications, getOwnAccount } = await import("@/lib/team/manage");
    const { requestOwnEmailChange } = await import("@/lib/auth/email-change");
    await updateOwnNotifications(callerFor(sales), ["weekly_summary"]);
    expect((await reload(sales.id)).notifications.sort()).toEqual(["security", "weekly_summary"]);
    const newEmail = uniqueEmail("self");
    await requestOwnEmailChange(callerFor(sales), { newEmail, currentPassword: TEST_PASSWORD });
    expect((await getOwnAccount(callerFor(sales))).pendingEmail?.newEmail).toBe(newEmail);
  });
});

describe("invitations", () => {
  it("give new members the default notifications plus security, or the ones chosen on the form", async () => {
    const { caller } = await createPartner();
    const plain = await inviteTeamMember(caller, InviteUserInput.parse({ firstName: "A", lastName: "B", email: uniqueEmail(), role: "sales" }));
    expect((await reload(plain.id)).notifications.sort()).toEqual(["license_changes", "new_orders", "security"]);
    const chosen = await inviteTeamMember(
      caller,
      InviteUserInput.parse({ firstName: "A", lastName: "B", email: uniqueEmail(), role: "sales", notifications: "security" }),
    );
    expect((await reload(chosen.id)).notifications).toEqual(["security"]);
  });
});
