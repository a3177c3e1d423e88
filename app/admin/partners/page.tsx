import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/staff";
import { can } from "@/lib/auth/permissions";
import { listPartners } from "@/lib/partners/queries";
import { ListPartnersQuery } from "@/lib/partners/schemas";
import { formatDateTime } from "@/components/ui/format";
import { PartnerStatusBadge } from "./partner-status-badge";
import { Pager } from "../pager";

export const metadata = { title: "Partners · Vendor console" };

export default async function PartnersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const staff = await requireStaffPage("partners.view");
  const query = ListPartnersQuery.parse(await searchParams);
  const { partners, total, page, pageCount } = await listPartners(staff, query);

  return (
    <>
      <div className="mb-6 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Partners</h1>
        {can(staff, "partners.manage") && (
          <Link href="/admin/partners/new" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
            Create partner
          </Link>
        )}
      </div>
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
      <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">Partners</caption>
          <thead className="bg-gray-50 text-left">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">Name</th>
              <th scope="col" className="px-4 py-3 font-semibold">Status</th>
              <th scope="col" className="px-4 py-3 font-semibold">Primary user</th>
              <th scope="col" className="px-4 py-3 font-semibold">Users</th>
              <th scope="col" className="px-4 py-3 font-semibold">Customers</th>
              <th scope="col" className="px-4 py-3 font-semibold">Created</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
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
            {partners.length === 0 && (
              <tr>
                <td colSpan={6} className="px-4 py-6 text-center text-gray-600">
                  No partners match.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager path="/admin/partners" params={{ q: query.q }} page={page} pageCount={pageCount} />
    </>
  );
}
