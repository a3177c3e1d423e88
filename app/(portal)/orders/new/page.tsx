import Link from "next/link";
import { CustomerSearch } from "@/components/ui/customer-search";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/permissions";
import { getCustomerOrThrow, listCustomers } from "@/lib/customers/customers";
import { createCustomerForOrderAction } from "@/lib/customers/actions";
import { formatCustomerNumber } from "@/lib/customers/format";
import { listOrderableProducts } from "@/lib/orders/orders";
import { orNotFound } from "@/lib/http/page";
import { optionalId, readSearchParams, searchText, type RawSearchParams } from "@/lib/http/params";
import { CustomerForm } from "../../customers/customer-form";
import { OrderFlow } from "./order-flow";

export const metadata = { title: "New order" };

export default async function NewOrderPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // Placing an order means choosing a customer: both permissions (decision 0015).
  const caller = await requirePartnerPage("/orders/new");
  const {
    values: { customerId, q },
  } = readSearchParams(await searchParams, { customerId: optionalId, q: searchText(200) });

  if (customerId) {
    const customer = await orNotFound(getCustomerOrThrow(caller, customerId));
    const products = await listOrderableProducts();
    return (
      <div className="max-w-3xl">
        <h1 className="mb-2 text-2xl font-semibold">New order</h1>
        <p className="mb-6 text-sm text-gray-700">
          Customer: <span className="font-medium">{customer.name}</span> ({formatCustomerNumber(customer.number)}) ·{" "}
          <Link href="/orders/new" className="text-blue-700 underline">
            Choose another customer
          </Link>
        </p>
        <OrderFlow customer={{ id: customer.id, name: customer.name }} products={products} />
      </div>
    );
  }

  const results = q ? await listCustomers(caller, { query: q, pageSize: 20 }) : null;
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-2xl font-semibold">New order</h1>
      <h2 className="mb-2 text-lg font-semibold">Choose a customer</h2>
      <CustomerSearch action="/orders/new" id="order-customer-search" label="Find a customer" button="Find customer" defaultValue={q} />
      {results && (
        <ul aria-label="Matching customers" className="mb-6 divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm">
          {results.customers.map((customer) => (
            <li key={customer.id} className="flex items-center justify-between px-4 py-3">
              <span>
                {customer.name} <span className="font-mono text-gray-600">{formatCustomerNumber(customer.number)}</span>{" "}
                <span className="text-gray-600">{customer.contactEmail}</span>
              </span>
              <Link href={`/orders/new?customerId=${customer.id}`} className="font-semibold text-blue-700 underline" aria-label={`Choose ${customer.name}`}>
                Choose
              </Link>
            </li>
          ))}
          {results.customers.length === 0 && <li className="px-4 py-3 text-gray-600">No customer matches “{q}”.</li>}
        </ul>
      )}
      {can(caller, "customers.manage") && (
        <details className="rounded-lg border border-gray-200 bg-white p-6">
          <summary className="cursor-pointer font-semibold">Create a new customer</summary>
          <div className="mt-4">
            <CustomerForm action={createCustomerForOrderAction} submitLabel="Create customer and continue" />
          </div>
        </details>
      )}
    </div>
  );
}
