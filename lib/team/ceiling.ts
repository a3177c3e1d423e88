// The privilege ceiling (DESIGN §10, decision 0011), as pure functions so the
// UI hides what the server refuses with the same words. The server applies it
// through assertMayActOn in ./rules.ts; nothing here touches the database.
import { effectivePermissions, PARTNER_PERMISSIONS, PERMISSION_INFO, type PartnerPermission } from "../auth/permissions.ts";

export type CeilingActor = { userId: string; permissions: readonly string[] };
export type CeilingTarget = { id: string; firstName: string; lastName: string; role: string | null; permissions: readonly string[] };

const PRIMARY_ONLY = "Only the primary user can change the primary user's account.";
export const OWN_ROLE_OR_PERMISSIONS = "You can't change your own role or permissions. Ask another admin.";
export const PRIMARY_TRANSFER_ONLY = "Only the primary user can hand the primary role to someone else.";

/** The permissions `target` holds (role and extras) that `actor` doesn't. */
function permissionsBeyond(actor: CeilingActor, target: Pick<CeilingTarget, "role" | "permissions">): PartnerPermission[] {
  const held = new Set(actor.permissions);
  const partnerPermissions = new Set<string>(PARTNER_PERMISSIONS);
  return effectivePermissions(target.role, target.permissions).filter(
    (permission): permission is PartnerPermission => partnerPermissions.has(permission) && !held.has(permission),
  );
}

function permissionLabels(permissions: readonly string[]) {
  return permissions.map((p) => PERMISSION_INFO[p as PartnerPermission]?.label ?? p).join(", ");
}

/**
 * Why `actor` may not act on `target` (edit, permissions, email, reset link,
 * disable, enable, delete, restore, copy, resend invite, primary transfer), or
 * null when they may: every permission the target holds must be one the actor
 * holds, and only the primary user acts on the primary user. `doing` words the
 * refusal for the action at hand ("copy them").
 */
export function ceilingRefusal(actor: CeilingActor, target: CeilingTarget, targetIsPrimary: boolean, doing = "change their account"): string | null {
  if (targetIsPrimary && target.id !== actor.userId) return PRIMARY_ONLY;
  const missing = permissionsBeyond(actor, target);
  if (missing.length === 0) return null;
  return `${target.firstName} ${target.lastName} holds permissions you don't have (${permissionLabels(missing)}), so you can't ${doing}. Ask someone who holds them.`;
}

export function mayActOn(actor: CeilingActor, target: CeilingTarget, targetIsPrimary: boolean): boolean {
  return ceilingRefusal(actor, target, targetIsPrimary) === null;
}
