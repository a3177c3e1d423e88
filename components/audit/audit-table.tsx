import { auditActionLabel } from "@/lib/audit/actions";
import Link from "next/link";
import type { AuditRow } from "@/lib/audit/queries";
import { DataTable } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/format";

const shown = (value: unknown) => (value === null || value === undefined ? "none" : typeof value === "string" ? value : JSON.stringify(value));

/**
 * An event's changes as lines a person reads: "role: sales → partner_admin", or "reason: left the company"
 * when a value was set rather than changed. Every event stores `{field: {from, to}}` (lib/audit/record.ts);
 * anything else (events written before that rule) is shown as it is stored.
 */
export function describeChanges(changes: unknown, limit = Infinity): string[] {
  if (changes === null || changes === undefined) return [];
  if (typeof changes !== "object" || Array.isArray(changes)) return [shown(changes)];
  const lines = Object.entries(changes as Record<string, unknown>).map(([field, change]) => {
    if (change && typeof change === "object" && !Array.isArray(change) && "to" in change) {
      const { from, to } = change as { from?: unknown; to: unknown };
      return from === null || from === undefined ? `${field}: ${shown(to)}` : `${field}: ${shown(from)} → ${shown(to)}`;
    }
    return `${field}: ${shown(change)}`;
  });
  return lines.map((line) => (line.length > limit ? `${line.slice(0, limit - 1)}…` : line));
}

function Changes({ changes, limit }: { changes: unknown; limit?: number }) {
  const lines = describeChanges(changes, limit);
  if (lines.length === 0) return null;
  return (
    <ul className="space-y-0.5 break-words text-xs">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
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
                {event.actor.email && <span className="block text-xs text-gray-500">{event.actor.email}</span>}
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
                <Changes changes={event.changes} />
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
              <td className="max-w-xs px-4 py-3 text-gray-700">
                <Changes changes={event.changes} limit={120} />
              </td>
            </>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
