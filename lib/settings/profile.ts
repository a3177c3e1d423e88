import "server-only";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { NotFoundError } from "../errors.ts";
import { requirePermission } from "../auth/permissions.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import type { UpdateProfileInput } from "./schemas.ts";

const profileSelect = { id: true, name: true, contactEmail: true, phone: true } as const;

/** The caller's partner profile, for Settings. */
export async function getPartnerProfile(caller: PartnerCaller) {
  requirePermission(caller, "settings.manage");
  const partner = await db.partner.findFirst({ where: { id: caller.partnerId }, select: profileSelect });
  if (!partner) throw new NotFoundError();
  return partner;
}

/** Edits the caller's partner profile; the audit event lists what changed. */
export async function updatePartnerProfile(caller: PartnerCaller, input: UpdateProfileInput) {
  requirePermission(caller, "settings.manage");
  return db.$transaction(async (tx) => {
    const before = await tx.partner.findFirst({ where: { id: caller.partnerId }, select: profileSelect });
    if (!before) throw new NotFoundError();
    const after = await tx.partner.update({
      where: { id: caller.partnerId },
      data: { name: input.name, contactEmail: input.contactEmail, phone: input.phone },
      select: profileSelect,
    });
    const changes = Object.fromEntries(
      (["name", "contactEmail", "phone"] as const)
        .filter((field) => before[field] !== after[field])
        .map((field) => [field, { from: before[field], to: after[field] }]),
    );
    await recordAudit(tx, caller, { action: "partner.profile_updated", target: { type: "partner", id: caller.partnerId }, changes });
    return after;
  });
}
