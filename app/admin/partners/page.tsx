import { readSearchParams, type RawSearchParams, SearchPageQuery } from "@/lib/http/params";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/staff";
import { can } from "@/lib/auth/permissions";
import { listPartners } from "@/lib/partners/queries";
import { formatDateTime } from "@/components/ui/format";
import { PartnerStatusBadge } from "./partner-status-badge";
import { numberedPages, Pager, queryHref } from "@/components/ui/pager";
import { DataTable } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Partners · Vendor console" };

export default async function PartnersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage("partners.view");
  const { values: query } = readSearchParams(await searchParams, SearchPageQuery);
  const { partners, total, page, pageCount } = await listPartners(staff, query);

  return (
    <>
      <PageHeader title="Partners" action={can(staff, "partners.manage") && { href: "/admin/partners/new", label: "Create partner" }} />
      {can(staff, "partners.manage") && (
        <p className="-mt-4 mb-4 text-right text-sm">
          <Link href="/admin/partners/import" className="text-blue-700 underline">
            Import partners
          </Link>
        </p>
      )}
      <form role="search" aria-label="Search partners" className="mb-4 flex items-end gap-2">
        <div>
          <label htmlFor="partner-q" className="block text-sm font-medium">
            Search by name
          </label>
          <input id="partner-q" name="q" type="search" defaultValue={query.q} className="mt-1 rounded-md border border-gray-300 px-3 py-2 text-sm" />
        </div>
        <button type="submit" className="rounded-md border border-gray-300 px-4 py-2 text-sm font-medium hover:bg-gray-50">
          Search
        </button>
      </form>
      <p className="mb-2 text-sm text-gray-600">
        {total} partner{total === 1 ? "" : "s"}
      </p>
      <DataTable
        caption="Partners"
        headers={["Name", "Status", "Primary user", "Users", "Customers", "Created"]}
        empty={partners.length === 0 && "No partners match."}
      >
        {partners.map((partner) => (
          <tr key={partner.id}>
            <td className="px-4 py-3">
              <Link href={`/admin/partners/${partner.id}`} className="font-medium text-blue-700 underline">
                {partner.name}
              </Link>
            </td>
            <td className="px-4 py-3">
              <PartnerStatusBadge status={partner.status} />
            </td>
            <td className="px-4 py-3">
              {partner.primaryUser ? (
                <>
                  {partner.primaryUser.firstName} {partner.primaryUser.lastName}
                  <span className="block text-xs text-gray-500">{partner.primaryUser.email}</span>
                </>
              ) : (
                "—"
              )}
            </td>
            <td className="px-4 py-3">{partner._count.users}</td>
            <td className="px-4 py-3">{partner._count.customers}</td>
            <td className="px-4 py-3">{formatDateTime(partner.createdAt)}</td>
          </tr>
        ))}
      </DataTable>
      <Pager label="Pages" {...numberedPages({ page, pageCount, href: (n) => queryHref("/admin/partners", { q: query.q, page: String(n) }) })} />
    </>
  );
}
