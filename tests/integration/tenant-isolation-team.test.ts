import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { resendInvite } from "@/lib/team/invite";
import {
  deleteTeamMember,
  disableTeamMember,
  enableTeamMember,
  getTeamMemberOrThrow,
  listDeletedMembers,
  restoreTeamMember,
  sendResetLinkToMember,
  transferPrimaryUser,
  updateTeamMember,
} from "@/lib/team/manage";
import { listTeamPage } from "@/lib/team/queries";
import { listPartnerAuditEvents } from "@/lib/team/audit-log";
import { requestEmailChange } from "@/lib/auth/email-change";
import { AuditFilters } from "@/lib/audit/queries";
import { EditUserInput, RestoreUserInput } from "@/lib/team/schemas";
import { createPartner, createPartnerUser, uniqueEmail } from "../support/factories";

// Partner B's admin calls everything of the team issue with partner A's ids:
// each answers "not found" and partner A's data stays exactly as it was.
describe("tenant isolation of team management", () => {
  it("answers not found to another partner's ids and changes nothing", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const active = await createPartnerUser(a.partner.id, { role: "sales" });
    const invited = await createPartnerUser(a.partner.id, { status: "INVITED" });
    const disabled = await createPartnerUser(a.partner.id, { status: "DISABLED" });
    const otherAdmin = await createPartnerUser(a.partner.id);
    const deleted = await createPartnerUser(a.partner.id, { role: "sales" });
    await deleteTeamMember(a.caller, deleted.id);

    const snapshot = async () => ({
      users: await db.user.findMany({ where: { partnerId: a.partner.id }, orderBy: { id: "asc" } }),
      partner: await db.partner.findUniqueOrThrow({ where: { id: a.partner.id } }),
      tokens: await db.userToken.count({ where: { user: { partnerId: a.partner.id } } }),
      outbox: await db.outboxEmail.count({ where: { to: { in: [active.email, invited.email, disabled.email, otherAdmin.email, deleted.email] } } }),
      audit: await db.auditEvent.count({ where: { partnerId: a.partner.id } }),
    });
    const before = await snapshot();

    const attempts: [string, () => Promise<unknown>][] = [
      ["view member", () => getTeamMemberOrThrow(b.caller, active.id)],
      [
        "edit",
        () =>
          updateTeamMember(
            b.caller,
            EditUserInput.parse({ userId: active.id, firstName: "X", lastName: "Y", role: "partner_admin", notifications: [] }),
          ),
      ],
      ["resend invite", () => resendInvite(b.caller, invited.id)],
      ["disable", () => disableTeamMember(b.caller, active.id)],
      ["enable", () => enableTeamMember(b.caller, disabled.id)],
      ["delete", () => deleteTeamMember(b.caller, active.id)],
      ["restore", () => restoreTeamMember(b.caller, RestoreUserInput.parse({ userId: deleted.id }))],
      ["transfer primary", () => transferPrimaryUser(b.caller, { userId: otherAdmin.id })],
      ["send reset link", () => sendResetLinkToMember(b.caller, active.id)],
      ["change email", () => requestEmailChange(b.caller, active.id, uniqueEmail("steal"))],
    ];
    for (const [name, attempt] of attempts) {
      const error = await attempt().then(() => null, (e: unknown) => e);
      expect(error, name).toBeInstanceOf(NotFoundError);
    }

    // Lists and the audit log never show A's people or events to B.
    const aIds = new Set(before.users.map((u) => u.id));
    expect((await listTeamPage(b.caller, {})).members.some((m) => aIds.has(m.id))).toBe(false);
    expect((await listTeamPage(b.caller, { q: active.email })).members).toHaveLength(0);
    expect((await listDeletedMembers(b.caller)).some((m) => aIds.has(m.id))).toBe(false);
    const audit = await listPartnerAuditEvents(b.caller, AuditFilters.parse({ target: deleted.id }));
    expect(audit.events).toHaveLength(0);

    expect(await snapshot()).toEqual(before);
  });
});
