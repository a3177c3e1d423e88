import { requirePartnerPage } from "@/lib/auth/page-guards";
import { getCustomerOrThrow, listSubscriptions } from "@/lib/customers/customers";
import { getCustomerUserOrThrow } from "@/lib/customers/edit-user";
import { idOrNotFound, orNotFound, orNull } from "@/lib/http/page";
import { optionalId, readSearchParams, type RawSearchParams } from "@/lib/http/params";
import { AddUserFlow } from "./add-user-flow";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "Add user" };

export default async function AddCustomerUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const caller = await requirePartnerPage("/customers/[id]/users/new");
  const { id } = await params;
  const {
    values: { copy },
  } = readSearchParams(await searchParams, { copy: optionalId });
  const customer = await orNotFound(getCustomerOrThrow(caller, idOrNotFound(id)));
  const subscriptions = await listSubscriptions(caller, customer.id);
  // "Copy user": the same licenses for a new person (a user of another customer or tenant is simply not offered).
  const source = copy ? await orNull(getCustomerUserOrThrow(caller, customer.id, copy)) : null;
  const seats = subscriptions.map((s) => ({ productId: s.product.id, name: s.product.name, free: s.purchased - s.assigned }));
  const short = source ? seats.filter((s) => s.free < 1 && source.productIds.includes(s.productId)).map((s) => s.name) : [];
  return (
    <div className="max-w-2xl">
      <BackLink href={`/customers/${customer.id}/users`}>Users of {customer.name}</BackLink>
      <h1 className="mb-6 text-2xl font-semibold">{source ? `Copy ${source.firstName} ${source.lastName}` : "Add user"}</h1>
      {source && (
        <p role="note" className="mb-4 rounded-md border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-900">
          A new user with the same licenses as {source.firstName} {source.lastName}
          {source.productNames.length ? ` (${source.productNames.join(", ")})` : " (none)"}. Enter the new person&apos;s name and email.
          {short.length > 0 && ` No free seat is left for ${short.join(", ")}: order more seats or untick it.`}
        </p>
      )}
      <AddUserFlow
        customerId={customer.id}
        subscriptions={seats}
        defaultProductIds={source?.productIds ?? []}
      />
    </div>
  );
}
