// What an invitation grants, in the words of the invite confirmation (decision 0025):
// role, what they will be able to do, and whom they report to. Pure: safe anywhere.
import { effectivePermissions, isPartnerRole, PERMISSION_INFO, PARTNER_ROLES, roleLabel, type PartnerPermission } from "../auth/permissions.ts";

export type InviteGrant = { role: string | null; permissions: readonly string[]; manager?: { firstName: string; lastName: string } | null };

/** "As Partner Account Executive, reporting to Nadia Admin. They can: View customers, …, Place orders." */
function inviteSummary({ role, permissions, manager }: InviteGrant): string {
  const fromRole = new Set<string>(isPartnerRole(role) ? PARTNER_ROLES[role].permissions : []);
  const can = effectivePermissions(role, permissions)
    .filter((p): p is PartnerPermission => p in PERMISSION_INFO)
    .map((p) => `${PERMISSION_INFO[p].label}${fromRole.has(p) ? "" : " (extra)"}`);
  const as = role ? `As ${roleLabel(role)}` : "With custom permissions";
  const reports = manager ? `, reporting to ${manager.firstName} ${manager.lastName}` : "";
  return `${as}${reports}. They can: ${can.join(", ")}.`;
}

/** The confirmation after "Send invitation": the address, the summary, and where they appear. */
export function inviteConfirmation(user: { email: string; firstName: string; manager?: InviteGrant["manager"] }, input: Omit<InviteGrant, "manager">) {
  return `Invitation sent to ${user.email}. ${inviteSummary({ ...input, manager: user.manager })} ${user.firstName} appears in the team list as Invited until they activate.`;
}
