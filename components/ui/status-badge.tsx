import { DISPLAY_STATUSES, type DisplayStatus, type DisplayStatusKey } from "@/lib/team/status";
import { formatDateTime } from "./format";

const tones = {
  green: "bg-green-100 text-green-900",
  blue: "bg-blue-100 text-blue-900",
  amber: "bg-amber-100 text-amber-900",
  gray: "bg-gray-200 text-gray-800",
  red: "bg-red-100 text-red-900",
} as const;

/** A status as `displayStatus` (lib/team/status.ts) names it; a stored status (ACTIVE, INVITED, DISABLED) is one too. */
export function StatusBadge({ status }: { status: DisplayStatusKey | (string & {}) }) {
  const { label, tone } = DISPLAY_STATUSES[status as DisplayStatusKey] ?? { label: status, tone: "gray" };
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{label}</span>;
}

/** A user's status as every list shows it: the badge, and for an invitation when its link expires (or expired). */
export function UserStatus({ status }: { status: DisplayStatus }) {
  return (
    <>
      <StatusBadge status={status.key} />
      {status.invitationExpiresAt && (
        <span className="block text-xs text-gray-500">
          {status.key === "INVITATION_EXPIRED" ? "Expired" : "Expires"} {formatDateTime(status.invitationExpiresAt)}
        </span>
      )}
    </>
  );
}
