import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isPartnerCaller, requireCaller, type PartnerCaller } from "./caller.ts";
import { can, type Permission } from "./permissions.ts";

export { idOrNotFound, orNotFound } from "../http/page.ts";

/**
 * For partner pages: not signed in → sign-in page; not a partner user → 404
 * (the page doesn't exist for them); missing a permission → 403 page. Given
 * several permissions, the page needs every one (placing an order needs
 * orders.create and customers.view, decision 0015).
 */
export async function requirePartnerPage(permission: Permission | readonly Permission[]): Promise<PartnerCaller> {
  const caller = await requireCaller();
  if (!isPartnerCaller(caller)) notFound();
  const allOf: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  if (!allOf.every((p) => can(caller, p))) forbidden();
  return caller;
}
