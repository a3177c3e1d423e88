import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { PARTNER_ROLE_KEYS } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { callerFor, createPartner, createPartnerUser } from "../support/factories";
import { AUTHORIZATION_MATRIX } from "./authorization-matrix";

describe("authorization matrix", () => {
  it("covers every partner role in every row", () => {
    for (const row of AUTHORIZATION_MATRIX) expect(Object.keys(row.expect).sort()).toEqual([...PARTNER_ROLE_KEYS].sort());
  });

  for (const row of AUTHORIZATION_MATRIX) {
    for (const role of PARTNER_ROLE_KEYS) {
      it(`${row.action} as ${role}: ${row.expect[role]}`, async () => {
        const { partner, admin, caller: adminCaller } = await createPartner();
        const actorUser =
          role === "partner_admin"
            ? admin
            : await createPartnerUser(partner.id, { role, managerId: role === "account_executive" ? admin.id : null });
        const actor = callerFor(actorUser, partner.name);
        const ctx = { partnerId: partner.id, admin: adminCaller, actor, member: (o?: Parameters<typeof createPartnerUser>[1]) => createPartnerUser(partner.id, o) };

        if (row.expect[role] === "allowed") {
          await expect(row.run(ctx)).resolves.not.toThrow();
        } else {
          const auditBefore = await db.auditEvent.count({ where: { partnerId: partner.id, actorId: actor.userId } });
          await expect(row.run(ctx)).rejects.toBeInstanceOf(ForbiddenError);
          // A refusal writes nothing in the actor's name.
          expect(await db.auditEvent.count({ where: { partnerId: partner.id, actorId: actor.userId } })).toBe(auditBefore);
        }
      });
    }
  }
});
