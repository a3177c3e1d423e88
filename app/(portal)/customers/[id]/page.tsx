import Link from "next/link";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/permissions";
import { getCustomerOrThrow, listSubscriptions } from "@/lib/customers/customers";
import { formatCustomerNumber, formatOrderNumber } from "@/lib/customers/format";
import { listCustomerOrders } from "@/lib/orders/orders";
import { idOrNotFound, orNotFound } from "@/lib/http/page";
import { flag, readSearchParams, type RawSearchParams } from "@/lib/http/params";
import { formatDateTime } from "@/components/ui/format";
import { DataTable } from "@/components/ui/table";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "Customer" };

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const caller = await requirePartnerPage("/customers/[id]");
  const { id } = await params;
  const {
    values: { created, updated },
  } = readSearchParams(await searchParams, { created: flag, updated: flag });
  const customer = await orNotFound(getCustomerOrThrow(caller, idOrNotFound(id)));
  const [subscriptions, orders] = await Promise.all([listSubscriptions(caller, customer.id), listCustomerOrders(caller, customer.id)]);
  const address = [customer.addressLine1, customer.addressLine2, [customer.postalCode, customer.city].filter(Boolean).join(" "), customer.country]
    .filter(Boolean)
    .join(", ");

  return (
    <>
      {(created || updated) && (
        <p role="status" className="mb-6 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          {created ? `Customer ${formatCustomerNumber(customer.number)} added.` : "Changes saved."}
        </p>
      )}
      <BackLink href="/customers">Customers</BackLink>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">
          {customer.name} <span className="font-mono text-base text-gray-600">{formatCustomerNumber(customer.number)}</span>
        </h1>
        <div className="flex gap-3 text-sm">
          <Link href={`/customers/${customer.id}/users`} className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
            Users and licenses
          </Link>
          {can(caller, "orders.create") && (
            <Link href={`/orders/new?customerId=${customer.id}`} className="rounded-md border border-gray-300 px-4 py-2 font-medium hover:bg-gray-50">
              New order
            </Link>
          )}
          {can(caller, "customers.manage") && (
            <Link href={`/customers/${customer.id}/edit`} className="rounded-md border border-gray-300 px-4 py-2 font-medium hover:bg-gray-50">
              Edit customer
            </Link>
          )}
        </div>
      </div>
      <dl className="grid gap-4 rounded-lg border border-gray-200 bg-white p-6 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium text-gray-600">Type</dt>
          <dd>{customer.type === "COMPANY" ? "Company" : "Individual"}</dd>
        </div>
        <div>
          <dt className="font-medium text-gray-600">Contact email</dt>
          <dd>{customer.contactEmail}</dd>
        </div>
        <div>
          <dt className="font-medium text-gray-600">Phone</dt>
          <dd>{customer.phone ?? "—"}</dd>
        </div>
        <div>
          <dt className="font-medium text-gray-600">Address</dt>
          <dd>{address || "—"}</dd>
        </div>
      </dl>

      <h2 className="mt-8 mb-3 text-lg font-semibold">Subscriptions</h2>
      {subscriptions.length === 0 ? (
        <p className="text-sm text-gray-700">No subscriptions yet. Place an order to add seats.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {subscriptions.map((s) => (
            <li key={s.id}>
              {s.product.name} ({s.product.code}): {s.assigned} / {s.purchased} seats assigned
            </li>
          ))}
        </ul>
      )}

      <h2 className="mt-8 mb-3 text-lg font-semibold">Orders</h2>
      {orders.length === 0 ? (
        <p className="text-sm text-gray-700">No orders yet.</p>
      ) : (
        <DataTable caption="Orders" headers={["Order", "Placed", "Products"]}>
          {orders.map((order) => (
            <tr key={order.id}>
              <td className="px-4 py-3 font-mono">{formatOrderNumber(order.number)}</td>
              <td className="px-4 py-3">{formatDateTime(order.createdAt)}</td>
              <td className="px-4 py-3">{order.lines.map((line) => `${line.seats} × ${line.product.name}`).join(", ")}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
