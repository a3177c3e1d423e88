"use server";
import { db } from "../db/client.ts";
import { getCaller, isPartnerCaller } from "./caller.ts";

/**
 * For the 403 page (app/forbidden.tsx): the name of the caller's own
 * organization's primary user, whom to ask for a permission; null for anyone
 * who isn't a partner user. Asked by the page only when it is shown, because
 * Next renders forbidden.tsx with every page (decision 0021).
 */
export async function primaryUserToAskAction(): Promise<string | null> {
  const caller = await getCaller();
  if (!caller || !isPartnerCaller(caller)) return null;
  const partner = await db.partner.findFirst({
    where: { id: caller.partnerId },
    select: { primaryUser: { select: { id: true, firstName: true, lastName: true, deletedAt: true } } },
  });
  const primary = partner?.primaryUser;
  if (!primary || primary.deletedAt || primary.id === caller.userId) return null;
  return `${primary.firstName} ${primary.lastName}`;
}
