import "server-only";
import { db, type Prisma } from "../db/client.ts";
import type { TeamListFilters } from "./schemas.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { requirePermission } from "../auth/permissions.ts";

export type TeamMemberRow = Awaited<ReturnType<typeof listTeamPage>>["members"][number];

export const TEAM_PAGE_SIZE = 50;

type Cursor = { l: string; f: string; s: string | null; i: string };

function encodeCursor(cursor: Cursor) {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Cursor;
    if (typeof parsed.i !== "string" || !/^[0-9a-f-]{36}$/i.test(parsed.i)) return null;
    return parsed;
  } catch {
    return null; // a mangled bookmark starts from the first page
  }
}

/**
 * One page of the caller's team: filters (status, role, search) and keyset
 * pagination on the (partnerId, kind, lastName, firstName, id) index, so a
 * page costs the same at 100,000 members as at ten (DESIGN §12).
 */
export async function listTeamPage(caller: PartnerCaller, filters: Partial<TeamListFilters> = {}, pageSize = TEAM_PAGE_SIZE) {
  requirePermission(caller, "users.view");
  const now = new Date();
  const cursor = decodeCursor(filters.after);
  const sort = filters.sort ?? "name";
  const conditions: Prisma.UserWhereInput[] = [];
  if (filters.status) conditions.push({ status: filters.status.toUpperCase() as "ACTIVE" | "INVITED" | "DISABLED" });
  if (filters.role) conditions.push({ role: filters.role });
  // searchText is lower(first last email), kept by a trigger, with a trigram index.
  if (filters.q) conditions.push({ searchText: { contains: filters.q.toLowerCase() } });
  if (cursor && sort === "name") {
    // The OR alone makes Postgres filter the whole tenant; the redundant
    // lower bound lets it start the index scan at the cursor (bench/team-list.ts).
    conditions.push({ lastName: { gte: cursor.l } });
    conditions.push({
      OR: [
        { lastName: { gt: cursor.l } },
        { lastName: cursor.l, firstName: { gt: cursor.f } },
        { lastName: cursor.l, firstName: cursor.f, id: { gt: cursor.i } },
      ],
    });
  }
  if (cursor && sort === "lastSignIn") {
    // Newest sign-in first, never-signed-in last; id breaks ties.
    conditions.push(
      cursor.s
        ? {
            OR: [
              { lastSignInAt: { lt: new Date(cursor.s) } },
              { lastSignInAt: new Date(cursor.s), id: { lt: cursor.i } },
              { lastSignInAt: null },
            ],
          }
        : { lastSignInAt: null, id: { lt: cursor.i } },
    );
  }
  const orderBy: Prisma.UserOrderByWithRelationInput[] =
    sort === "name"
      ? [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }]
      : [{ lastSignInAt: { sort: "desc", nulls: "last" } }, { id: "desc" }];

  const users = await db.user.findMany({
    where: { partnerId: caller.partnerId, kind: "PARTNER", deletedAt: null, AND: conditions },
    orderBy,
    take: pageSize + 1,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      role: true,
      permissions: true,
      status: true,
      lastSignInAt: true,
      manager: { select: { id: true, firstName: true, lastName: true } },
      tokens: {
        where: { purpose: "ACTIVATION", usedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { expiresAt: true },
      },
    },
  });
  const page = users.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    members: page.map(({ tokens, ...user }) => ({
      ...user,
      invitationExpiresAt: user.status === "INVITED" ? (tokens[0]?.expiresAt ?? null) : null,
      invitationExpired: user.status === "INVITED" && (!tokens[0] || tokens[0].expiresAt <= now),
    })),
    nextCursor:
      users.length > pageSize && last
        ? encodeCursor({ l: last.lastName, f: last.firstName, s: last.lastSignInAt?.toISOString() ?? null, i: last.id })
        : null,
  };
}

/** The first page of the team, sorted by name. */
export async function listTeamMembers(caller: PartnerCaller) {
  return (await listTeamPage(caller, {}, 200)).members;
}

/** Partner Admins who can be chosen as someone's manager. */
export async function listManagerCandidates(caller: PartnerCaller) {
  return db.user.findMany({
    where: { partnerId: caller.partnerId, kind: "PARTNER", deletedAt: null, role: "partner_admin", status: { not: "DISABLED" } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, firstName: true, lastName: true },
  });
}
