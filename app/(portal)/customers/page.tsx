import Link from "next/link";
import { CustomerSearch } from "@/components/ui/customer-search";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/permissions";
import { listCustomers } from "@/lib/customers/customers";
import { formatCustomerNumber } from "@/lib/customers/format";
import { numberedPages, Pager, queryHref } from "@/components/ui/pager";
import { pageNumber, readSearchParams, searchText, type RawSearchParams } from "@/lib/http/params";
import { DataTable } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const caller = await requirePartnerPage("/customers");
  const {
    values: { q = "", page },
  } = readSearchParams(await searchParams, { q: searchText(200), page: pageNumber });
  const result = await listCustomers(caller, { query: q, page });
  const pageHref = (n: number) => queryHref("/customers", { q, page: String(n) });

  return (
    <>
      <PageHeader title="Customers" action={can(caller, "customers.manage") && { href: "/customers/new", label: "Add customer" }} />
      <CustomerSearch action="/customers" id="customer-search" label="Search customers" button="Search" defaultValue={q} />
      <DataTable
        caption="Customers"
        headers={["Customer ID", "Name", "Type", "Contact email", "Users"]}
        empty={result.customers.length === 0 && (q ? `No customer matches “${q}”.` : "No customers yet.")}
      >
        {result.customers.map((customer) => (
          <tr key={customer.id}>
            <td className="px-4 py-3 font-mono">{formatCustomerNumber(customer.number)}</td>
            <td className="px-4 py-3">
              <Link href={`/customers/${customer.id}`} className="text-blue-700 underline">
                {customer.name}
              </Link>
            </td>
            <td className="px-4 py-3">{customer.type === "COMPANY" ? "Company" : "Individual"}</td>
            <td className="px-4 py-3">{customer.contactEmail}</td>
            <td className="px-4 py-3">
              <Link href={`/customers/${customer.id}/users`} className="text-blue-700 underline">
                {customer._count.users}
                <span className="sr-only"> users of {customer.name}</span>
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager label="Customers pages" {...numberedPages({ page: result.page, pageCount: result.pageCount, total: result.total, href: pageHref })} />
    </>
  );
}
