import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { purgeDeletedUsers, sendInvitationExpiredNotices, sendInviteReminders } from "@/lib/team/jobs";
import { inviteTeamMember } from "@/lib/team/invite";
import { deleteTeamMember } from "@/lib/team/manage";
import { InviteUserInput } from "@/lib/team/schemas";
import { activateAccount } from "@/lib/auth/activation";
import { createPartner, createPartnerUser, uniqueEmail } from "../support/factories";
import { TEST_META } from "../support/request";
import { latestLinkToken } from "../support/outbox";

const HOUR = 3600_000;
const invite = (email = uniqueEmail("inv")) => InviteUserInput.parse({ firstName: "Ivy", lastName: "Invitee", email, role: "sales" });

describe("purging deleted users", () => {
  it("removes members deleted more than 30 days ago, keeps their audit trail, and is idempotent", async () => {
    const { partner, caller } = await createPartner();
    const old = await createPartnerUser(partner.id, { role: "sales" });
    const recent = await createPartnerUser(partner.id, { role: "sales" });
    await deleteTeamMember(caller, old.id);
    await deleteTeamMember(caller, recent.id);
    await db.user.update({ where: { id: old.id }, data: { deletedAt: new Date(Date.now() - 31 * 24 * HOUR) } });

    await purgeDeletedUsers();
    expect(await db.user.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.user.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await db.auditEvent.count({ where: { targetId: old.id, action: "user.deleted" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: old.id, action: "user.purged" } })).toBe(1);

    await Promise.all([purgeDeletedUsers(), purgeDeletedUsers()]);
    expect(await db.auditEvent.count({ where: { targetId: old.id, action: "user.purged" } })).toBe(1);
  });
});

describe("invitation reminders", () => {
  it("go once to invitees who haven't activated after 48 hours, unless the partner switched them off", async () => {
    const a = await createPartner();
    const b = await createPartner();
    await db.partner.update({ where: { id: b.partner.id }, data: { inviteRemindersEnabled: false } });
    const due = await inviteTeamMember(a.caller, invite());
    const fresh = await inviteTeamMember(a.caller, invite());
    const optedOut = await inviteTeamMember(b.caller, invite());
    await db.user.updateMany({ where: { id: { in: [due.id, optedOut.id] } }, data: { createdAt: new Date(Date.now() - 49 * HOUR) } });

    await Promise.all([sendInviteReminders(), sendInviteReminders()]);
    await sendInviteReminders();
    expect(await db.outboxEmail.count({ where: { to: due.email, template: "invite-reminder" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: fresh.email, template: "invite-reminder" } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { to: optedOut.email, template: "invite-reminder" } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: due.id } })).inviteReminderSentAt).not.toBeNull();
  });
});

describe("admin notifications", () => {
  it("tell opted-in user managers when an invitation is accepted", async () => {
    const { partner, caller, admin } = await createPartner();
    await db.user.update({ where: { id: admin.id }, data: { notifications: ["security", "invitation_accepted"] } });
    // Another Partner Admin (manages users) who chose only the expiry notice.
    const notOptedIn = await createPartnerUser(partner.id, { role: "partner_admin" });
    await db.user.update({ where: { id: notOptedIn.id }, data: { notifications: ["security", "invitation_expired"] } });
    const user = await inviteTeamMember(caller, invite());
    await activateAccount(await latestLinkToken(user.email, "activation"), "a perfectly good passphrase", TEST_META);

    const notices = await db.outboxEmail.findMany({ where: { template: "invitation-status", props: { path: ["inviteeEmail"], equals: user.email } } });
    expect(notices.map((n) => n.to)).toEqual([admin.email]);
    expect(notices[0].props).toMatchObject({ event: "accepted", inviteeName: "Ivy Invitee" });
    expect(await db.outboxEmail.count({ where: { to: notOptedIn.email, template: "invitation-status" } })).toBe(0);
  });

  it("tell opted-in user managers once when an invitation expires unused", async () => {
    const { caller, admin } = await createPartner();
    await db.user.update({ where: { id: admin.id }, data: { notifications: ["security", "invitation_expired"] } });
    const user = await inviteTeamMember(caller, invite());
    const still = await inviteTeamMember(caller, invite());
    await db.userToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - HOUR) } });

    await sendInvitationExpiredNotices();
    await sendInvitationExpiredNotices();
    const notices = await db.outboxEmail.findMany({ where: { to: admin.email, template: "invitation-status" } });
    expect(notices).toHaveLength(1);
    expect(notices[0].props).toMatchObject({ event: "expired", inviteeEmail: user.email });
    // The invitation whose link still works is not reported, and still gets reported once its link runs out.
    expect(notices.map((n) => (n.props as { inviteeEmail: string }).inviteeEmail)).not.toContain(still.email);
    await db.userToken.updateMany({ where: { userId: still.id }, data: { expiresAt: new Date(Date.now() - HOUR) } });
    await sendInvitationExpiredNotices();
    const after = await db.outboxEmail.findMany({ where: { to: admin.email, template: "invitation-status" }, orderBy: { createdAt: "asc" } });
    expect(after.map((n) => (n.props as { inviteeEmail: string }).inviteeEmail)).toEqual([user.email, still.email]);
  });
});
