import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { runOperation } from "@/lib/operations/run";
import type { AnyOperation } from "@/lib/operations/define";
import * as team from "@/lib/team/operations";
import { listDeletedMembers } from "@/lib/team/manage";
import { listTeamPage } from "@/lib/team/queries";
import { listPartnerAuditEvents } from "@/lib/team/audit-log";
import { AuditFilters } from "@/lib/audit/queries";
import { createPartner, createPartnerUser, uniqueEmail } from "../support/factories";

// Partner B's admin calls everything of the team issue with partner A's ids,
// through the operations as the forms and /api/v1 call them: each answers
// "not found" and partner A's data stays exactly as it was. The lists are
// read as the team pages read them.
describe("tenant isolation of team management", () => {
  it("answers not found to another partner's ids and changes nothing", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const active = await createPartnerUser(a.partner.id, { role: "sales" });
    const invited = await createPartnerUser(a.partner.id, { status: "INVITED" });
    const disabled = await createPartnerUser(a.partner.id, { status: "DISABLED" });
    const otherAdmin = await createPartnerUser(a.partner.id);
    const deleted = await createPartnerUser(a.partner.id, { role: "sales" });
    await runOperation(team.deleteUser, { userId: deleted.id }, a.caller);

    const snapshot = async () => ({
      users: await db.user.findMany({ where: { partnerId: a.partner.id }, orderBy: { id: "asc" } }),
      partner: await db.partner.findUniqueOrThrow({ where: { id: a.partner.id } }),
      tokens: await db.userToken.count({ where: { user: { partnerId: a.partner.id } } }),
      outbox: await db.outboxEmail.count({ where: { to: { in: [active.email, invited.email, disabled.email, otherAdmin.email, deleted.email] } } }),
      audit: await db.auditEvent.count({ where: { partnerId: a.partner.id } }),
    });
    const before = await snapshot();

    const attempts: [string, AnyOperation, object][] = [
      ["view member", team.getMember, { userId: active.id }],
      ["edit", team.updateUser, { userId: active.id, firstName: "X", lastName: "Y", role: "partner_admin", notifications: [] }],
      ["resend invite", team.resendInviteOp, { userId: invited.id }],
      ["disable", team.disableUser, { userId: active.id }],
      ["enable", team.enableUser, { userId: disabled.id }],
      ["delete", team.deleteUser, { userId: active.id }],
      ["restore", team.restoreUser, { userId: deleted.id }],
      ["transfer primary", team.transferPrimary, { userId: otherAdmin.id }],
      ["send reset link", team.sendPasswordReset, { userId: active.id }],
      ["change email", team.changeMemberEmail, { userId: active.id, newEmail: uniqueEmail("steal") }],
    ];
    for (const [name, op, input] of attempts) {
      const error = await runOperation(op, input, b.caller).then(() => null, (e: unknown) => e);
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
