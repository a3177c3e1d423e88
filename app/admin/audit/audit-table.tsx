import Link from "next/link";
import type { AuditRow } from "@/lib/audit/queries";
import { formatDateTime } from "@/components/ui/format";

function describeChanges(changes: unknown) {
  if (changes === null || changes === undefined) return "";
  const text = JSON.stringify(changes);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** Audit events as a table; partner names are shown when the rows span partners. */
export function AuditTable({ events, partnerNames, caption }: { events: AuditRow[]; partnerNames?: Map<string, string>; caption: string }) {
  if (events.length === 0) return <p className="text-sm text-gray-600">No audit events.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50 text-left">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">When</th>
            <th scope="col" className="px-4 py-3 font-semibold">Who</th>
            {partnerNames && <th scope="col" className="px-4 py-3 font-semibold">Partner</th>}
            <th scope="col" className="px-4 py-3 font-semibold">Action</th>
            <th scope="col" className="px-4 py-3 font-semibold">Target</th>
            <th scope="col" className="px-4 py-3 font-semibold">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {events.map((event) => (
            <tr key={event.id}>
              <td className="whitespace-nowrap px-4 py-3">{formatDateTime(event.at)}</td>
              <td className="px-4 py-3">
                {event.actor ? (
                  <>
                    {event.actor.name}
                    <span className="block text-xs text-gray-500">{event.actor.email}</span>
                  </>
                ) : (
                  <span className="text-gray-500">System or anonymous</span>
                )}
                {event.onBehalfOf && <span className="block text-xs text-gray-500">on behalf of the partner</span>}
              </td>
              {partnerNames && (
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
              <td className="px-4 py-3 font-mono text-xs">{event.action}</td>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
