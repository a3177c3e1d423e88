import "server-only";
import { numberedPage } from "../lists/numbered-page.ts";
import { db, type Prisma } from "../db/client.ts";
import { NotFoundError } from "../errors.ts";
import { AuditFilters, listAuditEvents } from "../audit/queries.ts";
import { assertStaff } from "../support/staff-access.ts";
import type { Caller } from "../auth/caller.ts";
import { displayStatus, NEWEST_OPEN_INVITATION, newestOpenInvitation } from "../team/status.ts";
import { liveTeamMembers } from "../team/member-scope.ts";
import { accessFields, personFields } from "../accounts/selects.ts";

const PARTNERS_PAGE_SIZE = 25;

/** Every partner, for vendor staff: name search and numbered pages. */
export async function listPartners(caller: Caller, { q, page }: { q?: string; page: number }) {
  assertStaff(caller, "partners.view");
  const where: Prisma.PartnerWhereInput = q ? { name: { contains: q, mode: "insensitive" } } : {};
  const { rows: partners, ...pages } = await numberedPage(page, PARTNERS_PAGE_SIZE, {
    count: () => db.partner.count({ where }),
    rows: (window) =>
      db.partner.findMany({
        where,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        ...window,
        select: {
          id: true,
          name: true,
          status: true,
          createdAt: true,
          primaryUser: { select: personFields },
          _count: { select: { customers: true, users: { where: { kind: "PARTNER", deletedAt: null } } } },
        },
      }),
  });
  return { partners, ...pages };
}

/** One partner with its team, customers and latest audit events. */
export async function getPartnerDetailOrThrow(caller: Caller, partnerId: string) {
  assertStaff(caller, "partners.view");
  const partner = await db.partner.findUnique({
    where: { id: partnerId },
    select: {
      id: true,
      name: true,
      status: true,
      suspendedReason: true,
      suspendedAt: true,
      primaryUserId: true,
      createdAt: true,
    },
  });
  if (!partner) throw new NotFoundError("That partner doesn't exist.");
  const [team, customers, customerCount, audit] = await Promise.all([
    db.user.findMany({
      where: liveTeamMembers(partnerId),
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      take: 200,
      select: { ...personFields, ...accessFields, lastSignInAt: true, tokens: NEWEST_OPEN_INVITATION },
    }),
    db.customer.findMany({
      where: { partnerId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 50,
      select: { id: true, number: true, name: true, type: true, contactEmail: true, _count: { select: { users: { where: { deletedAt: null } } } } },
    }),
    db.customer.count({ where: { partnerId } }),
    listAuditEvents({ partnerId }, AuditFilters.parse({}), 10),
  ]);
  const now = new Date();
  const members = team.map(({ tokens, ...user }) => ({
    ...user,
    displayStatus: displayStatus({ ...user, invitationExpiresAt: newestOpenInvitation(tokens) }, now),
  }));
  return { partner, team: members, customers, customerCount, audit: audit.events };
}

/** Partner names for choosers (move an invited user, invite a freed address). */
export async function listPartnerOptions(caller: Caller) {
  assertStaff(caller, "partners.view");
  return db.partner.findMany({
    where: { status: "ACTIVE" },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
    select: { id: true, name: true },
  });
}

/** Every partner's name, suspended ones too (audit filters and labels). */
export async function listPartnerNames(caller: Caller) {
  assertStaff(caller, ["partners.view", "audit.view.all"]);
  return db.partner.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take: 2000, select: { id: true, name: true } });
}
