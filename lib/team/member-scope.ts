import "server-only";
import type { Prisma } from "../db/client.ts";
import { restorableDeletedAt } from "../accounts/soft-delete.ts";

// Which team members a query may reach: the partner accounts of one tenant
// (DESIGN §1, §3). Every query of team members starts from one of these, so
// another tenant's member, or a customer user, is "not found". Add the query's
// own conditions next to it:
//   where: { id: userId, ...liveTeamMembers(caller.partnerId) }

const ofTeam = (partnerId: string) => ({ partnerId, kind: "PARTNER" }) satisfies Prisma.UserWhereInput;

/** The partner's team members that aren't deleted. */
export const liveTeamMembers = (partnerId: string) => ({ ...ofTeam(partnerId), deletedAt: null }) satisfies Prisma.UserWhereInput;

/** The partner's deleted team members that can still be restored (lib/accounts/soft-delete.ts). */
export const restorableTeamMembers = (partnerId: string, now = new Date()) =>
  ({ ...ofTeam(partnerId), deletedAt: restorableDeletedAt(now) }) satisfies Prisma.UserWhereInput;
