import { requirePartnerPage } from "@/lib/auth/page-guards";
import { getCustomerOrThrow, listSubscriptions } from "@/lib/customers/customers";
import { idOrNotFound, orNotFound } from "@/lib/http/page";
import { AddUserFlow } from "./add-user-flow";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "Add user" };

export default async function AddCustomerUserPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePartnerPage("customers.manage");
  const { id } = await params;
  const customer = await orNotFound(getCustomerOrThrow(caller, idOrNotFound(id)));
  const subscriptions = await listSubscriptions(caller, customer.id);
  return (
    <div className="max-w-2xl">
      <BackLink href={`/customers/${customer.id}/users`}>Users of {customer.name}</BackLink>
      <h1 className="mb-6 text-2xl font-semibold">Add user</h1>
      <AddUserFlow
        customerId={customer.id}
        subscriptions={subscriptions.map((s) => ({ productId: s.product.id, name: s.product.name, free: s.purchased - s.assigned }))}
      />
    </div>
  );
}
