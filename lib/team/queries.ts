import "server-only";
import { z } from "zod";
import { hasControlCharacters } from "../validation/fields.ts";
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

const CursorShape = z.object({
  l: z.string().max(200).refine((value) => !hasControlCharacters(value)),
  f: z.string().max(200).refine((value) => !hasControlCharacters(value)),
  s: z.iso.datetime().nullable(),
  i: z.uuid(),
});

/** A cursor the app wrote, or null (a mangled bookmark starts from the first page): nothing unparsed reaches the query. */
function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed = CursorShape.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
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

/**
 * The name a notice on the team page shows after a delete or restore
 * (`/team?notice=user-deleted&id=…`): looked up here, in the caller's tenant,
 * never taken as text from the URL. Null when the id isn't one of the
 * caller's team members in the state the notice describes.
 */
export async function getTeamNoticeName(caller: PartnerCaller, id: string, notice: "user-deleted" | "user-restored") {
  requirePermission(caller, "users.view");
  const user = await db.user.findFirst({
    where: { id, partnerId: caller.partnerId, kind: "PARTNER", deletedAt: notice === "user-deleted" ? { not: null } : null },
    select: { firstName: true, lastName: true },
  });
  return user ? `${user.firstName} ${user.lastName}` : null;
}
