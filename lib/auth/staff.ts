import "server-only";
import { forbidden, notFound } from "next/navigation";
import { requireCaller } from "./caller.ts";
import { can, type StaffPermission } from "./permissions.ts";
import { isStaffCaller, type StaffCaller } from "../support/staff-access.ts";

export type { StaffCaller } from "../support/staff-access.ts";

/**
 * For /admin pages: not signed in → sign-in page; not vendor staff → 404 (the
 * console doesn't exist for them); missing permission → 403 page. Forms go
 * through operations (`access: { staff }`, lib/operations/run.ts), not this.
 */
export async function requireStaffPage(permission?: StaffPermission | StaffPermission[]): Promise<StaffCaller> {
  const caller = await requireCaller();
  if (!isStaffCaller(caller)) notFound();
  const anyOf = permission === undefined ? [] : Array.isArray(permission) ? permission : [permission];
  if (anyOf.length > 0 && !anyOf.some((p) => can(caller, p))) forbidden();
  return caller;
}

