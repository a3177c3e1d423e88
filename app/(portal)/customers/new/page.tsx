import { requirePartnerPage } from "@/lib/auth/page-guards";
import { createCustomerAction } from "@/lib/customers/actions";
import { FormPage } from "@/components/ui/form-page";
import { CustomerForm } from "../customer-form";

export const metadata = { title: "Add customer" };

export default async function NewCustomerPage() {
  await requirePartnerPage("/customers/new");
  return (
    <FormPage back={{ href: "/customers", label: "Customers" }} title="Add customer">
      <CustomerForm action={createCustomerAction} submitLabel="Add customer" />
    </FormPage>
  );
}
