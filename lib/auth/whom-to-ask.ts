"use server";
import { z } from "zod";
import { db } from "../db/client.ts";
import { getCaller, isPartnerCaller } from "./caller.ts";
import { permissionsNeededFor, type PermissionNeeded } from "./page-access.ts";

export type ForbiddenDetails = {
  /** The caller's own organization's primary user, whom to ask; null for anyone else. */
  primaryUser: string | null;
  /** Of the permissions the refused page needs (lib/auth/page-access.ts), those the caller lacks. */
  missing: PermissionNeeded[];
};

const Path = z.string().max(2048);

/**
 * For the 403 page (app/forbidden.tsx), asked only when it is shown, because
 * Next renders forbidden.tsx with every page (decision 0021): whom to ask, and
 * which of the page's permissions the caller lacks (decision 0025). The path
 * only selects a row of the page table; nothing of it is echoed.
 */
export async function forbiddenDetailsAction(path: unknown): Promise<ForbiddenDetails> {
  const caller = await getCaller();
  if (!caller || !isPartnerCaller(caller)) return { primaryUser: null, missing: [] };
  const parsed = Path.safeParse(path);
  const missing = parsed.success ? permissionsNeededFor(parsed.data, caller) : [];
  const partner = await db.partner.findFirst({
    where: { id: caller.partnerId },
    select: { primaryUser: { select: { id: true, firstName: true, lastName: true, deletedAt: true } } },
  });
  const primary = partner?.primaryUser;
  const primaryUser = !primary || primary.deletedAt || primary.id === caller.userId ? null : `${primary.firstName} ${primary.lastName}`;
  return { primaryUser, missing };
}
