import { roleLabel } from "@/lib/auth/permissions";
import type { DisplayStatus } from "@/lib/team/status";
import { UserStatus } from "./status-badge";
import { formatDateTime } from "./format";

type Member = {
  email: string;
  role: string | null;
  permissions: readonly string[];
  displayStatus: DisplayStatus;
  lastSignInAt: Date | null;
};

/**
 * The cells every list of team members shows the same way (the Team page, the
 * vendor console's partner page): email, role with its extra permissions,
 * status (lib/team/status.ts) and last sign-in. Each list adds its own name
 * and action cells around them.
 */
export function MemberCells({ member }: { member: Member }) {
  return (
    <>
      <td className="px-4 py-3">{member.email}</td>
      <td className="px-4 py-3">
        {member.role ? roleLabel(member.role) : "Custom permissions"}
        {member.role && member.permissions.length > 0 && <span className="block text-xs text-gray-500">+ {member.permissions.length} extra</span>}
      </td>
      <td className="px-4 py-3">
        <UserStatus status={member.displayStatus} />
      </td>
      <td className="px-4 py-3">{formatDateTime(member.lastSignInAt)}</td>
    </>
  );
}
