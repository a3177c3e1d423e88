import "server-only";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors.ts";
import {
  can,
  effectivePermissions,
  PARTNER_ROLE_KEYS,
  PARTNER_ROLES,
  type PartnerRoleKey,
  type StaffPermission,
  type StaffRoleKey,
} from "../auth/permissions.ts";
import type { Caller } from "../auth/caller.ts";
import type { AuditActor } from "../audit/record.ts";
import type { Tx } from "../db/client.ts";

// Vendor-console access, as plain functions of the caller so every domain
// function of the console checks it again (pages and actions check first).

export type StaffCaller = Caller & { kind: "STAFF"; partnerId: null };

export function isStaffCaller(caller: Caller): caller is StaffCaller {
  return caller.kind === "STAFF";
}

/**
 * Vendor staff holding `permission` (or one of several). Anyone else gets "not found": the vendor
 * console doesn't exist for partner or customer users (never a 403 that
 * would confirm it does).
 */
export function assertStaff(caller: Caller, permission: StaffPermission | StaffPermission[]): asserts caller is StaffCaller {
  if (!isStaffCaller(caller)) throw new NotFoundError();
  const anyOf = Array.isArray(permission) ? permission : [permission];
  if (!anyOf.some((p) => can(caller, p))) throw new ForbiddenError("Your vendor role doesn't allow that.");
}

/** Audit actor for a staff member acting on a partner's data: the event joins that partner's trail. */
export function staffActor(staff: StaffCaller, onBehalfOf: string | null): AuditActor {
  return { userId: staff.userId, partnerId: null, onBehalfOf, ip: staff.ip, userAgent: staff.userAgent };
}

const STAFF_RANK: Record<StaffRoleKey, number> = { support: 1, portal_admin: 2, portal_owner: 3 };

function rankOf(role: string | null) {
  return role && role in STAFF_RANK ? STAFF_RANK[role as StaffRoleKey] : 0;
}

/** Whether the UI should offer actions on `target` (the server checks again). */
export function mayActOn(staff: StaffCaller, target: { kind: string; role: string | null }) {
  return target.kind !== "STAFF" || rankOf(target.role) <= rankOf(staff.role);
}

/**
 * Staff may act on another staff account only up to their own role, never
 * on their own account through these tools, and the last active Portal Owner
 * always remains.
 */
export async function assertMayActOnAccount(
  tx: Tx,
  staff: StaffCaller,
  target: { id: string; kind: string; role: string | null; status: string },
  { removesAccess }: { removesAccess: boolean },
) {
  if (target.kind !== "STAFF") return;
  if (target.id === staff.userId && removesAccess) throw new ConflictError("You can't do that to your own account.");
  if (rankOf(target.role) > rankOf(staff.role)) {
    throw new ForbiddenError("You can't act on vendor staff above your own role.");
  }
  if (removesAccess && target.role === "portal_owner" && target.status === "ACTIVE") {
    // Locking the owners' rows makes two owners disabling each other at once take turns: the second sees the first's change.
    const owners = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "User"
      WHERE kind = 'STAFF' AND role = 'portal_owner' AND status = 'ACTIVE' AND "deletedAt" IS NULL
      FOR UPDATE`;
    if (owners.filter((owner) => owner.id !== target.id).length === 0) throw new ConflictError("This is the last active Portal Owner: one must always remain.");
  }
}

/**
 * What the non-admin partner roles grant between them: a partner user whose
 * permissions stay within this is one any console staff may place in a partner.
 */
const NON_ADMIN_PERMISSIONS = new Set<string>(
  PARTNER_ROLE_KEYS.filter((key) => key !== "partner_admin").flatMap((key) => PARTNER_ROLES[key].permissions),
);

/** Holds something only a Partner Admin-level account holds (Manage team, View audit log, Manage settings…). */
function isAdminLevel(account: { role: string | null; permissions?: readonly string[] }) {
  return effectivePermissions(account.role, account.permissions ?? []).some((permission) => !NON_ADMIN_PERMISSIONS.has(permission));
}

export const PARTNER_ADMIN_NEEDS_PARTNERS_MANAGE =
  "Only vendor staff who manage partners (a Portal Admin or Owner) can add or move in a Partner Admin. Choose another role, or ask a Portal Admin.";

/**
 * The vendor half of the privilege ceiling (DESIGN §10): only staff who may
 * manage partners create or move in a Partner Admin; support places users
 * with the other roles. The form offers these roles and no others.
 */
export function assignablePartnerRoles(staff: Caller): PartnerRoleKey[] {
  return can(staff, "partners.manage") ? [...PARTNER_ROLE_KEYS] : PARTNER_ROLE_KEYS.filter((key) => !isAdminLevel({ role: key }));
}

/** Whether `staff` may move this (invited) partner user at all: support can't move one who is admin-level already. */
export function mayMovePartnerUser(staff: Caller, account: { role: string | null; permissions?: readonly string[] }) {
  return can(staff, "partners.manage") || !isAdminLevel(account);
}

/** Server side of assignablePartnerRoles and mayMovePartnerUser: refuses with the reason. */
export function assertMayPlacePartnerUser(staff: Caller, role: string, current?: { role: string | null; permissions: readonly string[] }) {
  if (can(staff, "partners.manage")) return;
  if (!assignablePartnerRoles(staff).includes(role as PartnerRoleKey)) throw new ForbiddenError(PARTNER_ADMIN_NEEDS_PARTNERS_MANAGE);
  if (current && !mayMovePartnerUser(staff, current)) {
    throw new ForbiddenError(
      "This invitation is for a Partner Admin (or someone with admin permissions): only vendor staff who manage partners can move it. Ask a Portal Admin.",
    );
  }
}
