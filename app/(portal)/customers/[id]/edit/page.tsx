import { requirePartnerPage } from "@/lib/auth/page-guards";
import { updateCustomerAction } from "@/lib/customers/actions";
import { getCustomerOrThrow } from "@/lib/customers/customers";
import { idOrNotFound, orNotFound } from "@/lib/http/page";
import { FormPage } from "@/components/ui/form-page";
import { CustomerForm } from "../../customer-form";

export const metadata = { title: "Edit customer" };

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePartnerPage("/customers/[id]/edit");
  const { id } = await params;
  const customer = await orNotFound(getCustomerOrThrow(caller, idOrNotFound(id)));
  return (
    <FormPage back={{ href: `/customers/${customer.id}`, label: customer.name }} title="Edit customer">
      <CustomerForm action={updateCustomerAction} customer={customer} hiddenFields={{ customerId: customer.id }} submitLabel="Save changes" />
    </FormPage>
  );
}
