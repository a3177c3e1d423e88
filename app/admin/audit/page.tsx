import { requireStaffPage } from "@/lib/auth/staff";
import { listAuditEvents, readAuditFilters } from "@/lib/audit/queries";
import { listPartnerNames } from "@/lib/partners/queries";
import { AuditTable } from "@/components/audit/audit-table";
import { AuditFilterForm, OlderEventsLink } from "@/components/audit/audit-filter-form";

export const metadata = { title: "Audit · Vendor console" };

export default async function PortalAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffPage("audit.view.all");
  const { filters, values, problems } = readAuditFilters(await searchParams);
  const [{ events, nextCursor }, partners] = await Promise.all([listAuditEvents("all", filters), listPartnerNames(staff)]);
  const partnerNames = new Map(partners.map((partner) => [partner.id, partner.name]));

  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Audit log</h1>
      <AuditFilterForm path="/admin/audit" values={values} problems={problems} partners={partners} />
      <AuditTable view="console" events={events} partnerNames={partnerNames} caption="Audit events" />
      <OlderEventsLink path="/admin/audit" values={values} before={nextCursor} />
    </>
  );
}
