import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPartnerDetailOrThrow } from "@/lib/partners/queries";
import { getAccountOrThrow, searchAccounts } from "@/lib/support/lookup";
import { listTeamPage } from "@/lib/team/queries";
import { countDeletedMembers, listDeletedMembers } from "@/lib/team/manage";
import { countDeletedCustomerUsers, listDeletedCustomerUsers } from "@/lib/customers/customer-users";
import { inviteTeamMember } from "@/lib/team/invite";
import { inviteConfirmation } from "@/lib/team/invite-summary";
import { InviteUserInput } from "@/lib/team/schemas";
import { createPartner, createPartnerUser, uniqueEmail } from "../support/factories";
import { createStaffUser } from "../support/staff-factories";
import { createCustomerUser, createCustomerWithSubscription } from "../support/customer-factories";

// Decision 0025, on a real database: the vendor console and the partner's Team
// page show the same status and offer Re-invite for the same people; the
// Deleted users tabs count what they list; the invite confirmation repeats
// what was granted.

async function invitee(partnerId: string, lastName: string, linkExpiresInMs: number | null) {
  const user = await createPartnerUser(partnerId, { firstName: "Ivy", lastName, status: "INVITED", role: "sales" });
  if (linkExpiresInMs !== null) {
    await db.userToken.create({
      data: { userId: user.id, purpose: "ACTIVATION", tokenHash: `t-${user.id}`, expiresAt: new Date(Date.now() + linkExpiresInMs) },
    });
  }
  return user;
}

describe("display status", () => {
  it("is the same on the Team page, the vendor console's partner page and the account lookup", async () => {
    const { partner, caller } = await createPartner();
    const { caller: support } = await createStaffUser("support");
    const expired = await invitee(partner.id, `Expired${partner.id.slice(0, 6)}`, -3600_000);
    const pending = await invitee(partner.id, `Pending${partner.id.slice(0, 6)}`, 3600_000);
    const linkless = await invitee(partner.id, `Linkless${partner.id.slice(0, 6)}`, null);
    const disabled = await createPartnerUser(partner.id, { status: "DISABLED", role: "sales" });

    const team = new Map((await listTeamPage(caller)).members.map((m) => [m.id, m.displayStatus]));
    const console = new Map((await getPartnerDetailOrThrow(support, partner.id)).team.map((m) => [m.id, m.displayStatus]));
    for (const user of [expired, pending, linkless, disabled]) {
      const lookup = (await getAccountOrThrow(support, user.id)).account.displayStatus;
      expect(console.get(user.id), user.lastName).toEqual(team.get(user.id));
      expect(lookup, user.lastName).toEqual(team.get(user.id));
    }
    expect(console.get(expired.id)).toMatchObject({ label: "Invitation expired", inviteAction: "Re-invite" });
    expect(console.get(linkless.id)).toMatchObject({ label: "Invitation expired", inviteAction: "Re-invite" });
    expect(console.get(pending.id)).toMatchObject({ label: "Invited", inviteAction: "Resend invite" });
    expect(console.get(disabled.id)).toMatchObject({ label: "Disabled", inviteAction: null });

    const found = await searchAccounts(support, { q: expired.email, page: 1 });
    expect(found.accounts.map((a) => a.displayStatus.label)).toEqual(["Invitation expired"]);
  });
});

describe("Deleted users counts", () => {
  it("count exactly who the tab lists, in the caller's tenant only", async () => {
    const { partner, caller } = await createPartner();
    const other = await createPartner();
    const now = new Date();
    const recent = await createPartnerUser(partner.id, { role: "sales" });
    const purged = await createPartnerUser(partner.id, { role: "sales" });
    const elsewhere = await createPartnerUser(other.partner.id, { role: "sales" });
    await db.user.update({ where: { id: recent.id }, data: { deletedAt: new Date(now.getTime() - 86400_000) } });
    await db.user.update({ where: { id: purged.id }, data: { deletedAt: new Date(now.getTime() - 40 * 86400_000) } });
    await db.user.update({ where: { id: elsewhere.id }, data: { deletedAt: now } });
    expect(await countDeletedMembers(caller, now)).toBe(1);
    expect((await listDeletedMembers(caller, now)).length).toBe(1);

    const { customer } = await createCustomerWithSubscription(partner.id, 3);
    for (let i = 0; i < 2; i++) {
      const user = await createCustomerUser(customer);
      await db.user.update({ where: { id: user.id }, data: { deletedAt: now } });
    }
    await createCustomerUser(customer);
    expect(await countDeletedCustomerUsers(caller, customer.id, now)).toBe(2);
    expect((await listDeletedCustomerUsers(caller, customer.id, now)).length).toBe(2);
    // Another tenant's customer id counts nothing of it.
    expect(await countDeletedCustomerUsers(other.caller, customer.id, now)).toBe(0);
  });
});

describe("invite confirmation", () => {
  it("repeats the role, permissions and the manager actually saved", async () => {
    const { caller, admin } = await createPartner();
    const input = InviteUserInput.parse({
      firstName: "Ada",
      lastName: "Lovelace",
      email: uniqueEmail("ada"),
      role: "account_executive",
      managerId: admin.id,
      permissions: [],
    });
    const user = await inviteTeamMember(caller, input);
    expect(inviteConfirmation(user, input)).toContain(
      "As Partner Account Executive, reporting to Alice Admin. They can: View customers, Manage customers, Manage licenses, Place orders.",
    );
    expect(user.id).toBeTruthy();
  });
});
