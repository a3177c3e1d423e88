import Link from "next/link";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { createCustomerAction } from "@/lib/customers/actions";
import { CustomerForm } from "../customer-form";

export const metadata = { title: "Add customer" };

export default async function NewCustomerPage() {
  await requirePartnerPage("customers.manage");
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-sm">
        <Link href="/customers" className="text-blue-700 underline">
          Customers
        </Link>
      </p>
      <h1 className="mb-6 text-2xl font-semibold">Add customer</h1>
      <div className="rounded-lg border border-gray-200 bg-white p-6">
        <CustomerForm action={createCustomerAction} submitLabel="Add customer" />
      </div>
    </div>
  );
}
