import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { updateCustomerAction } from "@/lib/customers/actions";
import { getCustomerOrThrow } from "@/lib/customers/customers";
import { NotFoundError } from "@/lib/errors";
import { CustomerForm } from "../../customer-form";

export const metadata = { title: "Edit customer" };

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePartnerPage("customers.manage");
  const { id } = await params;
  const customer = await getCustomerOrThrow(caller, id).catch((error) => (error instanceof NotFoundError ? notFound() : Promise.reject(error)));
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-sm">
        <Link href={`/customers/${customer.id}`} className="text-blue-700 underline">
          {customer.name}
        </Link>
      </p>
      <h1 className="mb-6 text-2xl font-semibold">Edit customer</h1>
      <div className="rounded-lg border border-gray-200 bg-white p-6">
        <CustomerForm action={updateCustomerAction} customer={customer} hiddenFields={{ customerId: customer.id }} submitLabel="Save changes" />
      </div>
    </div>
  );
}
