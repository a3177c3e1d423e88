import Link from "next/link";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { getCustomerOrThrow } from "@/lib/customers/customers";
import { getCustomerUserOrThrow } from "@/lib/customers/edit-user";
import { idOrNotFound, orNotFound } from "@/lib/http/page";
import { requestCustomerUserEmailChangeAction, resendCustomerUserWelcomeAction, updateCustomerUserAction } from "@/lib/customers/actions";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { PhoneField } from "@/components/form/person-fields";
import { ActionButton } from "@/components/form/action-button";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/components/ui/format";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "Edit customer user" };

export default async function EditCustomerUserPage({ params }: { params: Promise<{ id: string; userId: string }> }) {
  const caller = await requirePartnerPage("/customers/[id]/users/[userId]");
  const { id, userId } = await params;
  const customer = await orNotFound(getCustomerOrThrow(caller, idOrNotFound(id)));
  const user = await orNotFound(getCustomerUserOrThrow(caller, customer.id, idOrNotFound(userId)));
  const name = `${user.firstName} ${user.lastName}`;
  const ids = { customerId: customer.id, userId: user.id };

  return (
    <div className="max-w-3xl">
      <BackLink href={`/customers/${customer.id}/users`}>Users of {customer.name}</BackLink>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{name}</h1>
        <StatusBadge status={user.status} />
      </div>
      <p className="-mt-4 mb-6 text-sm text-gray-700">
        {user.email} · user name {user.username ?? "—"} · {user.productNames.length ? user.productNames.join(", ") : "no license"} · last sign-in{" "}
        {formatDateTime(user.lastSignInAt)}
      </p>

      <section aria-labelledby="details-heading" className="rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="details-heading" className="mb-4 text-lg font-semibold">Details</h2>
        <ActionForm action={updateCustomerUserAction} aria-label="Edit user" hiddenFields={ids}>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="firstName" label="First name" required defaultValue={user.firstName} />
            <TextField name="lastName" label="Last name" required defaultValue={user.lastName} />
          </div>
          <PhoneField defaultValue={user.phone ?? ""} />
          <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
        </ActionForm>
      </section>

      <section aria-labelledby="email-heading" className="mt-6 rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="email-heading" className="text-lg font-semibold">Sign-in email</h2>
        <p className="mb-4 mt-1 text-sm text-gray-700">
          Currently {user.email}. A new address must be confirmed through a link sent to it; {user.firstName} is told at the current address.
          {user.pendingEmail && ` A change to ${user.pendingEmail.newEmail} is waiting for confirmation until ${formatDateTime(user.pendingEmail.expiresAt)}.`}
        </p>
        <ActionForm action={requestCustomerUserEmailChangeAction} aria-label="Change sign-in email" hiddenFields={ids}>
          <TextField name="newEmail" label="New email" type="email" autoComplete="off" required />
          <SubmitButton pendingLabel="Sending…">Send confirmation link</SubmitButton>
        </ActionForm>
      </section>

      <section aria-labelledby="account-heading" className="mt-6 rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="account-heading" className="mb-4 text-lg font-semibold">Account</h2>
        <div className="flex flex-wrap items-start gap-3">
          {!user.lastSignInAt && user.status !== "DISABLED" && (
            <ActionButton action={resendCustomerUserWelcomeAction} fields={ids} label="Resend welcome email" pendingLabel="Sending…" />
          )}
          <Link
            href={`/customers/${customer.id}/users/new?copy=${user.id}`}
            className="rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium hover:bg-gray-50"
          >
            Copy user
          </Link>
        </div>
        <p className="mt-3 text-sm text-gray-600">
          {user.lastSignInAt
            ? `${user.firstName} has signed in, so a welcome email is no longer offered. Reset their password from the users list if they are locked out.`
            : `${user.firstName} hasn't signed in yet. Resend welcome email sends a new activation link; earlier links and any temporary password stop working.`}
        </p>
      </section>
    </div>
  );
}
