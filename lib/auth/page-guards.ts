import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isPartnerCaller, requireCaller, type PartnerCaller } from "./caller.ts";
import { can, type Permission } from "./permissions.ts";

/**
 * For partner pages: not signed in → sign-in page; not a partner user → 404
 * (the page doesn't exist for them); missing permission → 403 page.
 */
export async function requirePartnerPage(permission: Permission): Promise<PartnerCaller> {
  const caller = await requireCaller();
  if (!isPartnerCaller(caller)) notFound();
  if (!can(caller, permission)) forbidden();
  return caller;
}
