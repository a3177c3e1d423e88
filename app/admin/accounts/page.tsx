import { readSearchParams, type RawSearchParams, SearchPageQuery } from "@/lib/http/params";
import { requireStaffPage } from "@/lib/auth/staff";
import { searchAccounts } from "@/lib/support/lookup";
import { formatDateTime } from "@/components/ui/format";
import { KIND_LABELS } from "./account-status";
import { StatusBadge } from "@/components/ui/status-badge";
import { numberedPages, Pager, queryHref } from "@/components/ui/pager";
import { DataTable } from "@/components/ui/table";
import { AccountLink } from "../account-link";

export const metadata = { title: "Accounts · Vendor console" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage("accounts.lookup");
  const { values: query } = readSearchParams(await searchParams, SearchPageQuery);
  const { accounts, total, page, pageCount } = await searchAccounts(staff, query);

  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Account lookup</h1>
      <p className="mb-6 text-sm text-gray-700">
        Every account of the portal: vendor staff, partner users and customer users, whatever their status, deleted ones included.
      </p>
      <form role="search" aria-label="Search accounts" className="mb-6 flex items-end gap-2">
        <div className="w-full max-w-md">
          <label htmlFor="account-q" className="block text-sm font-medium">
            Email or name
          </label>
          <input
            id="account-q"
            name="q"
            type="search"
            defaultValue={query.q}
            className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm"
          />
        </div>
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
          Search
        </button>
      </form>
      {query.q && (
        <>
          <p className="mb-2 text-sm text-gray-600">
            {total} account{total === 1 ? "" : "s"} match &ldquo;{query.q}&rdquo;
          </p>
          <DataTable
            caption={`Accounts matching ${query.q}`}
            headers={["Name", "Email", "Tenant", "Kind", "Status", "Created", "Last sign-in"]}
            empty={accounts.length === 0 && "No account matches."}
          >
            {accounts.map((account) => (
              <tr key={account.id}>
                <td className="px-4 py-3">
                  <AccountLink account={account} />
                </td>
                <td className="px-4 py-3">{account.email}</td>
                <td className="px-4 py-3">{account.tenant.label}</td>
                <td className="px-4 py-3">{KIND_LABELS[account.kind]}</td>
                <td className="px-4 py-3">
                  <StatusBadge status={account.displayStatus.key} />
                </td>
                <td className="px-4 py-3">{formatDateTime(account.createdAt)}</td>
                <td className="px-4 py-3">{formatDateTime(account.lastSignInAt)}</td>
              </tr>
            ))}
          </DataTable>
          <Pager label="Pages" {...numberedPages({ page, pageCount, href: (n) => queryHref("/admin/accounts", { q: query.q, page: String(n) }) })} />
        </>
      )}
    </>
  );
}
