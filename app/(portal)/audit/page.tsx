import { requirePartnerPage } from "@/lib/auth/page-guards";
import { readAuditFilters } from "@/lib/audit/queries";
import { listPartnerAuditEvents } from "@/lib/team/audit-log";
import { AuditTable } from "@/components/audit/audit-table";
import { AuditFilterForm, OlderEventsLink } from "@/components/audit/audit-filter-form";

export const metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePartnerPage("/audit");
  // A partner only ever sees its own events: no partner filter here.
  const { partnerId: _ignored, ...search } = await searchParams;
  const { filters, values, problems } = readAuditFilters(search);
  const { events, nextCursor } = await listPartnerAuditEvents(caller, filters);

  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Audit log</h1>
      <p className="mb-4 text-sm text-gray-700">Every change in your organization: who did what, to whom, when and from where. Events can&apos;t be edited or deleted.</p>
      <AuditFilterForm path="/audit" values={values} problems={problems} />
      <AuditTable view="partner" events={events} caption="Audit events" emptyMessage="No events match these filters." />
      <OlderEventsLink path="/audit" values={values} before={nextCursor} />
    </>
  );
}
