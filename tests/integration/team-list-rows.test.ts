import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listTeamPage } from "@/lib/team/queries";
import { createPartner, createPartnerUser } from "../support/factories";

// The Team list's rows carry each member's manager and, for invitees, when their newest unused
// activation link runs out — read for the whole page in one query (lib/team/queries.ts).
describe("team list rows", () => {
  it("name each member's manager and date each invitee's newest unused link, and nothing of another tenant", async () => {
    const { partner, caller, admin } = await createPartner();
    const other = await createPartner();
    const reporter = await createPartnerUser(partner.id, { lastName: "Reporter", role: "account_executive", managerId: admin.id });
    const invitee = await createPartnerUser(partner.id, { lastName: "Invitee", status: "INVITED", role: "sales" });
    const soon = new Date(Date.now() + 3600_000);
    const later = new Date(Date.now() + 7200_000);
    await db.userToken.createMany({
      data: [
        // An older link, a used one and a password-reset one don't count: the newest unused activation link does.
        { userId: invitee.id, purpose: "ACTIVATION", tokenHash: `a-${invitee.id}`, expiresAt: later, createdAt: new Date(Date.now() - 60_000) },
        { userId: invitee.id, purpose: "ACTIVATION", tokenHash: `b-${invitee.id}`, expiresAt: soon },
        { userId: invitee.id, purpose: "ACTIVATION", tokenHash: `c-${invitee.id}`, expiresAt: new Date(Date.now() + 9_000_000), usedAt: new Date(), createdAt: new Date(Date.now() + 1000) },
        { userId: invitee.id, purpose: "PASSWORD_RESET", tokenHash: `d-${invitee.id}`, expiresAt: new Date(Date.now() + 9_000_000), createdAt: new Date(Date.now() + 2000) },
      ],
    });
    // A member of another partner pointing at this admin (impossible through the app) shows no manager.
    await createPartnerUser(other.partner.id, { lastName: "Foreign", managerId: admin.id });

    const rows = new Map((await listTeamPage(caller)).members.map((m) => [m.id, m]));
    expect(rows.get(reporter.id)?.manager).toEqual({ id: admin.id, firstName: admin.firstName, lastName: admin.lastName });
    expect(rows.get(invitee.id)).toMatchObject({ manager: null, displayStatus: { key: "INVITED", invitationExpiresAt: soon } });
    expect(rows.get(invitee.id)?.displayStatus.label).toBe("Invited");
    expect(rows.get(admin.id)).toMatchObject({ manager: null, displayStatus: { key: "ACTIVE", invitationExpiresAt: null } });
    expect([...rows.values()].some((m) => m.lastName === "Foreign")).toBe(false);

    await db.userToken.updateMany({ where: { userId: invitee.id, expiresAt: soon }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const again = (await listTeamPage(caller)).members.find((m) => m.id === invitee.id);
    expect(again?.displayStatus).toMatchObject({ label: "Invitation expired", inviteAction: "Re-invite" });
  });
});
