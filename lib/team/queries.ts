import "server-only";
import { z } from "zod";
import { db, type Prisma } from "../db/client.ts";
import type { TeamListFilters } from "./schemas.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { requirePermission } from "../auth/permissions.ts";
import { managerCandidates } from "./rules.ts";
import { afterName, BY_NAME, decodeCursor, encodeCursor, NameCursorShape } from "../lists/name-keyset.ts";
import { displayStatus } from "./status.ts";
import { accessFields, personFields } from "../accounts/selects.ts";
import { liveTeamMembers } from "./member-scope.ts";

const TEAM_PAGE_SIZE = 50;

/** The name cursor (lib/lists/name-keyset.ts) plus the last sign-in, for the other sort order. */
const CursorShape = NameCursorShape.extend({ s: z.iso.datetime().nullable() });

const MEMBER_SELECT = {
  ...personFields,
  ...accessFields,
  lastSignInAt: true,
  managerId: true,
} satisfies Prisma.UserSelect;

/**
 * One page of the caller's team: filters (status, role, search) and keyset
 * pagination on the (partnerId, kind, lastName, firstName, id) index — or,
 * sorted by last sign-in, the (partnerId, kind, lastSignInAt, id) one — so a
 * page costs the same at 100,000 members as at ten (DESIGN §12).
 */
export async function listTeamPage(caller: PartnerCaller, filters: Partial<TeamListFilters> = {}, pageSize = TEAM_PAGE_SIZE) {
  requirePermission(caller, "users.view");
  const now = new Date();
  const cursor = decodeCursor(filters.after, CursorShape);
  const sort = filters.sort ?? "name";
  const conditions: Prisma.UserWhereInput[] = [];
  if (filters.status) conditions.push({ status: filters.status.toUpperCase() as "ACTIVE" | "INVITED" | "DISABLED" });
  if (filters.role) conditions.push({ role: filters.role });
  // searchText is lower(first last email), kept by a trigger, with a trigram index.
  if (filters.q) conditions.push({ searchText: { contains: filters.q.toLowerCase() } });
  if (cursor && sort === "name") conditions.push(...afterName(cursor));
  const find = (extra: Prisma.UserWhereInput[], orderBy: Prisma.UserOrderByWithRelationInput[], take: number) =>
    db.user.findMany({
      where: { ...liveTeamMembers(caller.partnerId), AND: [...conditions, ...extra] },
      orderBy,
      take,
      select: MEMBER_SELECT,
    });

  let users: Awaited<ReturnType<typeof find>>;
  if (sort === "name") {
    users = await find([], BY_NAME, pageSize + 1);
  } else {
    // Newest sign-in first, never signed in last, id breaking ties: in two index scans on
    // (partnerId, kind, lastSignInAt, id), signed-in members first, then the rest if the page has room.
    // One query ordered "DESC NULLS LAST" would need an index Prisma's schema can't declare (decision 0020).
    const signedIn: Prisma.UserWhereInput[] = [{ lastSignInAt: { not: null } }];
    if (cursor?.s) {
      const at = new Date(cursor.s);
      signedIn.push({ lastSignInAt: { lte: at } }, { OR: [{ lastSignInAt: { lt: at } }, { lastSignInAt: at, id: { lt: cursor.i } }] });
    }
    users = cursor && !cursor.s ? [] : await find(signedIn, [{ lastSignInAt: "desc" }, { id: "desc" }], pageSize + 1);
    if (users.length <= pageSize) {
      const never: Prisma.UserWhereInput[] = [{ lastSignInAt: null }, ...(cursor && !cursor.s ? [{ id: { lt: cursor.i } }] : [])];
      users = [...users, ...(await find(never, [{ id: "desc" }], pageSize + 1 - users.length))];
    }
  }
  const page = users.slice(0, pageSize);
  const last = page[page.length - 1];
  const extras = await managersAndInvitations(caller, page);
  return {
    members: page.map(({ managerId, ...user }) => {
      const extra = extras.get(user.id);
      const shown = displayStatus({ ...user, invitationExpiresAt: extra?.invitationExpiresAt ?? null }, now);
      const manager = managerId && extra?.managerFirstName != null ? { id: managerId, firstName: extra.managerFirstName, lastName: extra.managerLastName ?? "" } : null;
      return { ...user, manager, displayStatus: shown };
    }),
    nextCursor:
      users.length > pageSize && last
        ? encodeCursor({ l: last.lastName, f: last.firstName, s: last.lastSignInAt?.toISOString() ?? null, i: last.id })
        : null,
  };
}

/**
 * The page's managers' names and the newest unused activation link of its invited members (what
 * `displayStatus` reads, as NEWEST_OPEN_INVITATION selects it), in one query, and none when no row
 * on the page has either: Prisma's nested selects cost a round trip each, about what the page query
 * itself costs (bench/team-list.ts, bench/page-load.ts).
 */
async function managersAndInvitations(caller: PartnerCaller, page: { id: string; status: string; managerId: string | null }[]) {
  const wanted = page.filter((user) => user.managerId || user.status === "INVITED").map((user) => user.id);
  if (wanted.length === 0) return new Map<string, never>();
  const rows = await db.$queryRaw<{ id: string; managerFirstName: string | null; managerLastName: string | null; invitationExpiresAt: Date | null }[]>`
    SELECT u."id", m."firstName" AS "managerFirstName", m."lastName" AS "managerLastName",
      CASE WHEN u."status" = 'INVITED' THEN (
        SELECT t."expiresAt" FROM "UserToken" t
        WHERE t."userId" = u."id" AND t."purpose" = 'ACTIVATION' AND t."usedAt" IS NULL
        ORDER BY t."createdAt" DESC LIMIT 1) END AS "invitationExpiresAt"
    FROM "User" u LEFT JOIN "User" m ON m."id" = u."managerId" AND m."partnerId" = u."partnerId"
    WHERE u."id" = ANY(${wanted}::uuid[]) AND u."partnerId" = ${caller.partnerId}::uuid`;
  return new Map(rows.map((row) => [row.id, row]));
}

/** Partner Admins who can be chosen as someone's manager. */
export async function listManagerCandidates(caller: PartnerCaller) {
  return db.user.findMany({
    where: managerCandidates(caller.partnerId),
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
