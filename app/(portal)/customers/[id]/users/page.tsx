import Link from "next/link";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/permissions";
import { getCustomerOrThrow, listSubscriptions } from "@/lib/customers/customers";
import { countCustomerUsers, countDeletedCustomerUsers, CustomerUserListQuery, listCustomerUsers, listDeletedCustomerUsers } from "@/lib/customers/customer-users";
import { formatCustomerNumber } from "@/lib/customers/format";
import type { USER_STATUS_FILTERS } from "@/lib/customers/schemas";
import { idOrNotFound, orNotFound } from "@/lib/http/page";
import { readSearchParams, type RawSearchParams, type ReadSearchParams } from "@/lib/http/params";
import { Pager } from "@/components/ui/pager";
import { filterControlClass, FilterSelect } from "@/components/ui/filter-select";
import { CustomerUsersTable } from "./users-table";
import { DeletedUsers } from "./deleted-users";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "Users and licenses" };

type Search = ReadSearchParams<typeof CustomerUserListQuery>["values"];

const STATUS_FILTER_OPTIONS = [
  { value: "ACTIVE", label: "Active" },
  { value: "INVITED", label: "Invited" },
  { value: "DISABLED", label: "Disabled" },
  { value: "must_change", label: "Must change password" },
] satisfies { value: (typeof USER_STATUS_FILTERS)[number]; label: string }[];

export default async function CustomerUsersPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const caller = await requirePartnerPage("/customers/[id]/users");
  const { id } = await params;
  const { values: search } = readSearchParams(await searchParams, CustomerUserListQuery);
  const customer = await orNotFound(getCustomerOrThrow(caller, idOrNotFound(id)));
  const [subscriptions, deletedCount] = await Promise.all([listSubscriptions(caller, customer.id), countDeletedCustomerUsers(caller, customer.id)]);
  const canManage = can(caller, "customers.manage");
  const deletedTab = search.tab === "deleted";
  const filters = { query: search.q, license: search.license, status: search.status };
  const base = `/customers/${customer.id}/users`;

  return (
    <>
      <BackLink href={`/customers/${customer.id}`}>{customer.name} ({formatCustomerNumber(customer.number)})</BackLink>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Users and licenses</h1>
        <div className="flex flex-wrap gap-3 text-sm">
          {canManage && (
            <>
              <Link href={`${base}/new`} className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
                Add user
              </Link>
              <Link href={`${base}/import`} className="rounded-md border border-gray-300 px-4 py-2 font-medium hover:bg-gray-50">
                Import users
              </Link>
            </>
          )}
          <a href={`/api/customers/${customer.id}/users/export`} className="rounded-md border border-gray-300 px-4 py-2 font-medium hover:bg-gray-50">
            Export users
          </a>
        </div>
      </div>

      <section aria-label="Seats" className="mb-6 flex flex-wrap gap-3">
        {subscriptions.length === 0 && <p className="text-sm text-gray-700">No subscriptions yet: place an order to get seats.</p>}
        {subscriptions.map((s) => (
          <div key={s.id} className="rounded-md border border-gray-200 bg-white px-4 py-2 text-sm">
            <span className="font-medium">{s.product.name}</span>{" "}
            <span className="text-gray-700">
              {s.assigned} / {s.purchased} assigned
            </span>
          </div>
        ))}
      </section>

      <nav aria-label="User lists" className="mb-4 flex gap-4 border-b border-gray-200 text-sm">
        <Link href={base} aria-current={deletedTab ? undefined : "page"} className={`-mb-px px-1 pb-2 ${deletedTab ? "text-gray-600" : "border-b-2 border-blue-700 font-semibold"}`}>
          Users
        </Link>
        <Link
          href={`${base}?tab=deleted`}
          aria-current={deletedTab ? "page" : undefined}
          className={`-mb-px px-1 pb-2 ${deletedTab ? "border-b-2 border-blue-700 font-semibold" : "text-gray-600"}`}
        >
          Deleted users ({deletedCount})
        </Link>
      </nav>

      {deletedTab ? (
        <DeletedUsers
          customerId={customer.id}
          canManage={canManage}
          users={(await listDeletedCustomerUsers(caller, customer.id)).map((u) => ({
            id: u.id,
            name: `${u.firstName} ${u.lastName}`,
            email: u.email,
            daysLeft: u.daysLeft,
            licenses: u.licensesAtDeletion.map((productId) => subscriptions.find((s) => s.product.id === productId)?.product.name ?? "A former product"),
          }))}
        />
      ) : (
        <UsersList caller={caller} customerId={customer.id} filters={filters} subscriptions={subscriptions} canManage={canManage} base={base} search={search} />
      )}
    </>
  );
}

async function UsersList({
  caller,
  customerId,
  filters,
  subscriptions,
  canManage,
  base,
  search,
}: {
  caller: Awaited<ReturnType<typeof requirePartnerPage>>;
  customerId: string;
  filters: { query?: string; license?: string; status?: string };
  subscriptions: Awaited<ReturnType<typeof listSubscriptions>>;
  canManage: boolean;
  base: string;
  search: Search;
}) {
  // Keyset paging and a capped count: the same cost on the first page and at user 90,000 (decision 0020).
  const [{ rows, nextCursor }, total] = await Promise.all([
    listCustomerUsers(caller, customerId, { filters, cursor: search.after }),
    countCustomerUsers(caller, customerId, filters),
  ]);
  const pageHref = (after: string | null) =>
    `${base}?${new URLSearchParams({
      ...Object.fromEntries(Object.entries(search).filter(([key, v]) => v && key !== "after").map(([key, v]) => [key, String(v)])),
      ...(after && { after }),
    })}`;
  return (
    <>
      <form role="search" action={base} className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <div>
          <label htmlFor="user-search" className="block font-medium">
            Search
          </label>
          <input id="user-search" name="q" type="search" defaultValue={search.q} placeholder="Name or email" className={filterControlClass} />
        </div>
        <FilterSelect
          id="license-filter"
          name="license"
          label="License"
          defaultValue={search.license}
          anyLabel="Any"
          options={[{ value: "none", label: "No license" }, ...subscriptions.map((s) => ({ value: s.product.id, label: `Has ${s.product.name}` }))]}
        />
        <FilterSelect id="status-filter" name="status" label="Status" defaultValue={search.status} anyLabel="Any" options={STATUS_FILTER_OPTIONS} />
        <button type="submit" className="rounded-md border border-gray-300 px-3 py-1.5 font-medium hover:bg-gray-50">
          Filter
        </button>
      </form>
      <CustomerUsersTable
        customerId={customerId}
        users={rows.map((u) => ({
          id: u.id,
          name: `${u.firstName} ${u.lastName}`,
          email: u.email,
          username: u.username,
          status: u.status,
          mustChangePassword: u.mustChangePassword,
          productIds: u.products.map((p) => p.id),
          productNames: u.products.map((p) => p.name),
        }))}
        total={total.count}
        totalCapped={total.capped}
        filters={{ query: search.q ?? "", license: search.license ?? "", status: search.status ?? "" }}
        subscriptions={subscriptions.map((s) => ({ productId: s.product.id, name: s.product.name, free: s.purchased - s.assigned }))}
        canManage={canManage}
        canLicense={caller.permissions.includes("licenses.manage")}
      />
      <Pager
        summary={`${total.count.toLocaleString("en")}${total.capped ? "+" : ""} ${total.count === 1 && !total.capped ? "user" : "users"}`}
        first={search.after ? pageHref(null) : null}
        next={nextCursor ? pageHref(nextCursor) : null}
        label="User pages"
      />
    </>
  );
}
