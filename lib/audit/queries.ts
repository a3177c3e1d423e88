import "server-only";
import { z } from "zod";
import { db, type Prisma } from "../db/client.ts";
import { AUDIT_ACTIONS, type AuditAction } from "./actions.ts";
import { choice, cleanText, dateFilter, firstValue, numericCursor, optionalId, readSearchParams, searchText, type RawSearchParams } from "../http/params.ts";
import { personFields } from "../accounts/selects.ts";

// Reading the audit log (DESIGN §8): a partner's own events for its users with
// audit.view, every event for vendor staff. Newest first, keyset-paginated
// on the id so a page costs the same at any depth.

const AUDIT_PAGE_SIZE = 50;

/** Filters as they arrive in the query string; every one optional (read with lib/http/params). */
export const AuditFilters = z.object({
  /** Email (or part of it) of who acted, or part of an API key's name. */
  actor: searchText(200),
  /** One action of the catalog (lib/audit/actions.ts), picked from a list; anything else is ignored. */
  action: choice(Object.keys(AUDIT_ACTIONS) as AuditAction[]),
  /** The id of the changed thing (a user, customer …). */
  target: searchText(200),
  from: dateFilter,
  to: dateFilter,
  /** Vendor staff only: one partner's events. */
  partnerId: optionalId,
  /** Keyset cursor: events older than this id. */
  before: numericCursor,
});
export type AuditFilters = z.output<typeof AuditFilters>;

const FILTER_KEYS = ["partnerId", "actor", "action", "target", "from", "to"] as const;
export type AuditFilterValues = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/**
 * Reads the filters of an audit page's query string. A filter that doesn't
 * parse (a date) is reported next to its field and ignored; the others still
 * apply. `values` are the filters as typed (cleaned of control characters and
 * cut), to refill the form and page links.
 */
export function readAuditFilters(search: RawSearchParams) {
  const values: AuditFilterValues = {};
  for (const key of FILTER_KEYS) {
    const value = cleanText(firstValue(search[key]) ?? "", 200);
    if (value) values[key] = value;
  }
  const { values: filters, problems } = readSearchParams(search, AuditFilters);
  return { filters: filters as AuditFilters, values, problems };
}

export type AuditScope = { partnerId: string } | "all";

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

export async function listAuditEvents(scope: AuditScope, filters: AuditFilters, pageSize = AUDIT_PAGE_SIZE) {
  const partnerId = scope === "all" ? filters.partnerId : scope.partnerId;
  const actorIds = filters.actor ? await actorIdsMatching(filters.actor, partnerId) : undefined;
  const where: Prisma.AuditEventWhereInput = {
    ...(partnerId ? { partnerId } : {}),
    ...(filters.actor
      ? { OR: [{ actorId: { in: actorIds } }, { actorApiKeyId: { not: null }, actorLabel: { contains: filters.actor, mode: "insensitive" as const } }] }
      : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.target ? { targetId: filters.target } : {}),
    ...(filters.from || filters.to ? { at: { ...(filters.from && { gte: filters.from }), ...(filters.to && { lt: endOfDay(filters.to) }) } } : {}),
    ...(filters.before ? { id: { lt: filters.before } } : {}),
  };
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: {
      id: true,
      at: true,
      actorId: true,
      actorApiKeyId: true,
      actorLabel: true,
      onBehalfOf: true,
      partnerId: true,
      action: true,
      targetType: true,
      targetId: true,
      changes: true,
      ip: true,
    },
  });
  const page = rows.slice(0, pageSize);
  const people = await namesOf(page.flatMap((row) => [row.actorId, row.targetType === "user" ? row.targetId : null]));
  return {
    events: page.map(({ actorApiKeyId, actorLabel, ...row }) => ({
      ...row,
      id: row.id.toString(),
      actor: actorApiKeyId ? apiKeyActor(actorApiKeyId, actorLabel) : row.actorId ? (people.get(row.actorId) ?? null) : null,
      targetUser: row.targetType === "user" && row.targetId ? (people.get(row.targetId) ?? null) : null,
    })),
    nextCursor: rows.length > pageSize ? page[page.length - 1].id.toString() : null,
  };
}

/** Who acted, as the log shows it. */
export type AuditActorView = { name: string; email: string | null };

/** An API call's actor: the key, by the name it had when it acted (recorded with the event). */
function apiKeyActor(apiKeyId: string, label: string | null): AuditActorView {
  return { name: `API key: ${label ?? apiKeyId.slice(0, 8)}`, email: null };
}

/** Accounts whose email contains `text`, limited to the partner's own people (plus staff) when scoped. */
async function actorIdsMatching(text: string, partnerId: string | undefined) {
  const users = await db.user.findMany({
    where: {
      emailNormalized: { contains: text.toLowerCase() },
      ...(partnerId ? { OR: [{ partnerId }, { kind: "STAFF" }] } : {}),
    },
    select: { id: true },
    take: 500,
  });
  return users.map((user) => user.id);
}

async function namesOf(ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => !!id && /^[0-9a-f-]{36}$/i.test(id)))];
  if (unique.length === 0) return new Map<string, AuditActorView>();
  const users = await db.user.findMany({
    where: { id: { in: unique } },
    select: personFields,
  });
  return new Map<string, AuditActorView>(users.map((user) => [user.id, { name: `${user.firstName} ${user.lastName}`, email: user.email }]));
}

function endOfDay(date: Date) {
  return new Date(date.getTime() + 24 * 3600_000);
}
