import { auditActionLabel } from "@/lib/audit/actions";
import Link from "next/link";
import type { AuditRow } from "@/lib/audit/queries";
import { DataTable } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/format";

function describeChanges(changes: unknown) {
  if (changes === null || changes === undefined) return "";
  const text = JSON.stringify(changes);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/**
 * Audit events as a table, in one of two views:
 * - `partner`: a partner's own log (/audit). Targets link to their events in
 *   that log, changes are shown in full, and the source IP is shown.
 * - `console`: the vendor console. Targets link to the account page, changes
 *   are shortened; pass `partnerNames` to add a Partner column when the rows
 *   span partners.
 */
export function AuditTable({
  events,
  caption,
  view,
  partnerNames,
  emptyMessage,
}: {
  events: AuditRow[];
  caption: string;
  view: "partner" | "console";
  partnerNames?: Map<string, string>;
  /** Shown as a row of the table; without it an empty list is a plain "No audit events." */
  emptyMessage?: string;
}) {
  if (events.length === 0 && !emptyMessage) return <p className="text-sm text-gray-600">No audit events.</p>;
  const partner = view === "partner";
  const showPartner = !partner && partnerNames !== undefined;
  const headers = partner
    ? ["When", "Actor", "Action", "Target", "Changes", "From"]
    : ["When", "Who", showPartner && "Partner", "Action", "Target", "Details"];

  return (
    <DataTable caption={caption} headers={headers} empty={events.length === 0 && emptyMessage}>
      {events.map((event) => (
        <tr key={event.id} className={partner ? "align-top" : undefined}>
          <td className="whitespace-nowrap px-4 py-3">{formatDateTime(event.at)}</td>
          <td className="px-4 py-3">
            {event.actor ? (
              <>
                {event.actor.name}
                <span className="block text-xs text-gray-500">{event.actor.email}</span>
              </>
            ) : (
              <span className={partner ? "text-gray-600" : "text-gray-500"}>System or anonymous</span>
            )}
            {event.onBehalfOf && (
              <span className="block text-xs text-gray-500">{partner ? "as vendor support" : "on behalf of the partner"}</span>
            )}
          </td>
          {showPartner && (
            <td className="px-4 py-3">
              {event.partnerId ? (
                <Link href={`/admin/partners/${event.partnerId}`} className="text-blue-700 underline">
                  {partnerNames.get(event.partnerId) ?? "Unknown partner"}
                </Link>
              ) : (
                "—"
              )}
            </td>
          )}
          <td className="px-4 py-3">
            {auditActionLabel(event.action)} <span className="block font-mono text-xs text-gray-600">{event.action}</span>
          </td>
          {partner ? (
            <>
              <td className="px-4 py-3">
                {event.targetUser ? event.targetUser.name : event.targetType}
                {event.targetId && (
                  <Link
                    href={`/audit?target=${event.targetId}`}
                    className="block font-mono text-xs text-blue-700 underline"
                  >
                    {event.targetId.slice(0, 8)}…
                    <span className="sr-only"> (all events for {event.targetUser?.name ?? "this target"})</span>
                  </Link>
                )}
              </td>
              <td className="max-w-xs px-4 py-3">
                {event.changes != null && <code className="block whitespace-pre-wrap break-words text-xs">{JSON.stringify(event.changes)}</code>}
              </td>
              <td className="px-4 py-3 text-xs">{event.ip ?? ""}</td>
            </>
          ) : (
            <>
              <td className="px-4 py-3">
                {event.targetUser ? (
                  <Link href={`/admin/accounts/${event.targetId}`} className="text-blue-700 underline">
                    {event.targetUser.name}
                  </Link>
                ) : event.targetType ? (
                  <span className="text-xs text-gray-600">
                    {event.targetType} {event.targetId?.slice(0, 8)}
                  </span>
                ) : (
                  "—"
                )}
              </td>
              <td className="max-w-xs break-words px-4 py-3 font-mono text-xs text-gray-700">{describeChanges(event.changes)}</td>
            </>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
