import Link from "next/link";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { AuditFilters } from "@/lib/audit/queries";
import { listPartnerAuditEvents } from "@/lib/team/audit-log";
import { AuditTable } from "@/components/audit/audit-table";

export const metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;

const inputClass = "mt-1 rounded-md border border-gray-300 px-3 py-1.5";

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const caller = await requirePartnerPage("audit.view");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  delete raw.partnerId; // a partner only ever sees its own events
  const parsed = AuditFilters.safeParse(raw);
  const filters = parsed.success ? parsed.data : AuditFilters.parse({});
  const { events, nextCursor } = await listPartnerAuditEvents(caller, filters);
  const text = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : "");
  const olderHref = nextCursor
    ? `/audit?${new URLSearchParams({ ...Object.fromEntries(["actor", "action", "target", "from", "to"].filter((k) => text(k)).map((k) => [k, text(k)])), before: nextCursor })}`
    : null;

  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Audit log</h1>
      <p className="mb-4 text-sm text-gray-700">Every change in your organization: who did what, to whom, when and from where. Events can&apos;t be edited or deleted.</p>
      <form method="get" action="/audit" role="search" aria-label="Filter audit log" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-4 text-sm">
        <div>
          <label htmlFor="audit-actor" className="block font-medium">Actor email</label>
          <input id="audit-actor" name="actor" defaultValue={text("actor")} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-action" className="block font-medium">Action</label>
          <input id="audit-action" name="action" defaultValue={text("action")} placeholder="e.g. user.deleted or user." className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-target" className="block font-medium">Target id</label>
          <input id="audit-target" name="target" defaultValue={text("target")} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-from" className="block font-medium">From</label>
          <input id="audit-from" name="from" type="date" defaultValue={text("from")} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block font-medium">To</label>
          <input id="audit-to" name="to" type="date" defaultValue={text("to")} className={inputClass} />
        </div>
        <button type="submit" className="rounded-md border border-gray-300 px-4 py-1.5 font-medium hover:bg-gray-50">Apply</button>
        <Link href="/audit" className="py-1.5 text-blue-700 underline">Clear filters</Link>
      </form>
      {!parsed.success && (
        <p role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          Some filters were not understood ({parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; ")}); showing all events.
        </p>
      )}
      <AuditTable view="partner" events={events} caption="Audit events" emptyMessage="No events match these filters." />
      {olderHref && (
        <p className="mt-4 text-sm">
          <Link href={olderHref} className="font-semibold text-blue-700 underline">Older events</Link>
        </p>
      )}
    </>
  );
}
