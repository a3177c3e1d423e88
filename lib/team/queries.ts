import "server-only";
import { db } from "../db/client.ts";
import type { PartnerCaller } from "../auth/caller.ts";

export type TeamMemberRow = Awaited<ReturnType<typeof listTeamMembers>>[number];

/** The caller's team, scoped to their partner. */
export async function listTeamMembers(caller: PartnerCaller) {
  const users = await db.user.findMany({
    where: { partnerId: caller.partnerId, kind: "PARTNER", deletedAt: null },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      role: true,
      permissions: true,
      status: true,
      lastSignInAt: true,
      manager: { select: { firstName: true, lastName: true } },
      tokens: {
        where: { purpose: "ACTIVATION", usedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { expiresAt: true },
      },
    },
  });
  const now = new Date();
  return users.map(({ tokens, ...user }) => ({
    ...user,
    invitationExpiresAt: user.status === "INVITED" ? (tokens[0]?.expiresAt ?? null) : null,
    invitationExpired: user.status === "INVITED" && (!tokens[0] || tokens[0].expiresAt <= now),
  }));
}

/** Partner Admins who can be chosen as someone's manager. */
export async function listManagerCandidates(caller: PartnerCaller) {
  return db.user.findMany({
    where: { partnerId: caller.partnerId, kind: "PARTNER", deletedAt: null, role: "partner_admin", status: { not: "DISABLED" } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, firstName: true, lastName: true },
  });
}
