import { notFound } from "next/navigation";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { getCustomerOrThrow } from "@/lib/customers/customers";
import { NotFoundError } from "@/lib/errors";
import { ImportFlow } from "./import-flow";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "Import users" };

export default async function ImportUsersPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePartnerPage("/customers/[id]/users/import");
  const { id } = await params;
  const customer = await getCustomerOrThrow(caller, id).catch((error) => (error instanceof NotFoundError ? notFound() : Promise.reject(error)));
  return (
    <div className="max-w-4xl">
      <BackLink href={`/customers/${customer.id}/users`}>Users of {customer.name}</BackLink>
      <h1 className="mb-2 text-2xl font-semibold">Import users</h1>
      <p className="mb-6 text-sm text-gray-700">
        A CSV file saved from Excel or any spreadsheet (UTF-8, comma or semicolon separated) with the columns First name, Last name,
        Email, Phone and Licenses (product codes separated by |), at most 10,000 users and 10 MB. Every row is checked before
        anything is imported.{" "}
        <a href="/api/customers/import-template" className="text-blue-700 underline">
          Download template
        </a>
      </p>
      <ImportFlow customerId={customer.id} />
    </div>
  );
}
