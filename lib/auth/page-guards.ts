import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isPartnerCaller, requireCaller, type PartnerCaller } from "./caller.ts";
import { mayOpenPage, type PartnerPage } from "./page-access.ts";

/**
 * For partner pages, given the page's own route ("/team/[id]"): not signed in
 * → sign-in page; not a partner user → 404 (the page doesn't exist for them);
 * missing any permission the route needs in lib/auth/page-access.ts → 403
 * page, which reads the same table to name what is missing (decision 0025).
 */
export async function requirePartnerPage(page: PartnerPage): Promise<PartnerCaller> {
  const caller = await requireCaller();
  if (!isPartnerCaller(caller)) notFound();
  if (!mayOpenPage(caller, page)) forbidden();
  return caller;
}
