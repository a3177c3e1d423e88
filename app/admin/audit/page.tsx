import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/staff";
import { AuditFilters, listAuditEvents } from "@/lib/audit/queries";
import { listPartnerNames } from "@/lib/partners/queries";
import { AuditTable } from "@/components/audit/audit-table";

export const metadata = { title: "Audit · Vendor console" };

type Search = Record<string, string | undefined>;

const inputClass = "mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm";

export default async function PortalAuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaffPage("audit.view.all");
  const raw = await searchParams;
  const parsed = AuditFilters.safeParse(raw);
  const filters = parsed.success ? parsed.data : AuditFilters.parse({});
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
  const [{ events, nextCursor }, partners] = await Promise.all([listAuditEvents("all", filters), listPartnerNames(staff)]);
  const partnerNames = new Map(partners.map((partner) => [partner.id, partner.name]));
  const keep = Object.fromEntries(Object.entries(raw).filter(([key, value]) => key !== "before" && value)) as Record<string, string>;

  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Audit log</h1>
      <form aria-label="Filter audit events" className="mb-6 grid gap-4 rounded-lg border border-gray-200 bg-white p-4 sm:grid-cols-3">
        <div>
          <label htmlFor="audit-partner" className="block text-sm font-medium">
            Partner
          </label>
          <select id="audit-partner" name="partnerId" defaultValue={raw.partnerId ?? ""} className={inputClass}>
            <option value="">All partners</option>
            {partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="block text-sm font-medium">
            Actor email
          </label>
          <input id="audit-actor" name="actor" type="search" defaultValue={raw.actor} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-action" className="block text-sm font-medium">
            Action (or its start, like user.)
          </label>
          <input id="audit-action" name="action" type="search" defaultValue={raw.action} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-target" className="block text-sm font-medium">
            Target id
          </label>
          <input id="audit-target" name="target" type="search" defaultValue={raw.target} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-from" className="block text-sm font-medium">
            From
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={raw.from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block text-sm font-medium">
            To
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={raw.to} className={inputClass} />
        </div>
        <div className="flex items-end gap-3 sm:col-span-3">
          <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
            Filter
          </button>
          <Link href="/admin/audit" className="text-sm text-blue-700 underline">
            Clear filters
          </Link>
        </div>
      </form>
      {problems.length > 0 && (
        <div role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          Some filters were ignored: {problems.join("; ")}
        </div>
      )}
      <AuditTable view="console" events={events} partnerNames={partnerNames} caption="Audit events" />
      {nextCursor && (
        <p className="mt-4 text-sm">
          <Link href={`/admin/audit?${new URLSearchParams({ ...keep, before: nextCursor })}`} className="text-blue-700 underline">
            Older events
          </Link>
        </p>
      )}
    </>
  );
}
