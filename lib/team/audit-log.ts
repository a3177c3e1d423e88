import "server-only";
import { listAuditEvents, type AuditFilters } from "../audit/queries.ts";
import { requirePermission } from "../auth/permissions.ts";
import type { PartnerCaller } from "../auth/caller.ts";

/** The partner's own audit log, for holders of audit.view (DESIGN §8). */
export async function listPartnerAuditEvents(caller: PartnerCaller, filters: AuditFilters) {
  requirePermission(caller, "audit.view");
  return listAuditEvents({ partnerId: caller.partnerId }, filters);
}
