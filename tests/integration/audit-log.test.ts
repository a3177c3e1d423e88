import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AuditFilters, listAuditEvents } from "@/lib/audit/queries";
import { deleteTeamMember, disableTeamMember, updateTeamMember } from "@/lib/team/manage";
import { EditUserInput } from "@/lib/team/schemas";
import { createPartner, createPartnerUser } from "../support/factories";

describe("audit log", () => {
  it("records every team change for the partner, filterable and paginated, and never for another partner", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const user = await createPartnerUser(a.partner.id, { role: "sales" });
    await updateTeamMember(
      a.caller,
      EditUserInput.parse({ userId: user.id, firstName: "Audited", lastName: "User", role: "read_only", permissions: [], notifications: [] }),
    );
    await disableTeamMember(a.caller, user.id);
    await deleteTeamMember(a.caller, user.id);
    await createPartnerUser(b.partner.id).then((other) => disableTeamMember(b.caller, other.id));

    const scope = { partnerId: a.caller.partnerId };
    const all = await listAuditEvents(scope, AuditFilters.parse({ target: user.id }));
    expect(all.events.map((e) => e.action)).toEqual(["user.deleted", "user.disabled", "user.updated"]);
    expect(all.events[0].actor?.email).toBe(a.admin.email);

    const byAction = await listAuditEvents(scope, AuditFilters.parse({ action: "user.disabled" }));
    expect(byAction.events.every((e) => e.partnerId === a.partner.id)).toBe(true);
    expect(byAction.events).toHaveLength(1);

    const byActor = await listAuditEvents(scope, AuditFilters.parse({ actor: b.admin.email }));
    expect(byActor.events).toHaveLength(0);

    const page1 = await listAuditEvents(scope, AuditFilters.parse({ target: user.id }), 2);
    const page2 = await listAuditEvents(scope, AuditFilters.parse({ target: user.id, before: page1.nextCursor! }), 2);
    expect([...page1.events, ...page2.events].map((e) => e.action)).toEqual(all.events.map((e) => e.action));
  });

  it("refuses to update or delete an event (append-only in the database)", async () => {
    const { caller, partner } = await createPartner();
    const user = await createPartnerUser(partner.id, { role: "sales" });
    await disableTeamMember(caller, user.id);
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: user.id } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
  });
});
