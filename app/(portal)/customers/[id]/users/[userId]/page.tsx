import Link from "next/link";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { getCustomerOrThrow } from "@/lib/customers/customers";
import { getCustomerUserOrThrow } from "@/lib/customers/edit-user";
import { idOrNotFound, orNotFound } from "@/lib/http/page";
import { requestCustomerUserEmailChangeAction, resendCustomerUserWelcomeAction, updateCustomerUserAction } from "@/lib/customers/actions";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { SignInEmailSection } from "@/components/form/sign-in-email-section";
import { welcomeBlocker } from "@/lib/customers/welcome";
import { PhoneField } from "@/components/form/person-fields";
import { ActionButton } from "@/components/form/action-button";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/components/ui/format";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "Edit customer user" };

/** The note under the Account buttons: why "Resend welcome email" is offered or not (welcomeBlocker). */
const WELCOME_NOTES = {
  offered: (firstName) => `${firstName} hasn't signed in yet. Resend welcome email sends a new activation link; earlier links and any temporary password stop working.`,
  signed_in: (firstName) => `${firstName} has signed in, so a welcome email is no longer offered. Reset their password from the users list if they are locked out.`,
  chose_password: (firstName) =>
    `${firstName} has already chosen a password, so a welcome email is no longer offered. Reset their password from the users list if they are locked out.`,
  disabled: (firstName) => `${firstName} is disabled, so a welcome email is not offered.`,
} satisfies Record<NonNullable<ReturnType<typeof welcomeBlocker>> | "offered", (firstName: string) => string>;

export default async function EditCustomerUserPage({ params }: { params: Promise<{ id: string; userId: string }> }) {
  const caller = await requirePartnerPage("/customers/[id]/users/[userId]");
  const { id, userId } = await params;
  const customer = await orNotFound(getCustomerOrThrow(caller, idOrNotFound(id)));
  const user = await orNotFound(getCustomerUserOrThrow(caller, customer.id, idOrNotFound(userId)));
  const name = `${user.firstName} ${user.lastName}`;
  const ids = { customerId: customer.id, userId: user.id };
  const blocker = welcomeBlocker(user);

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

      <SignInEmailSection
        action={requestCustomerUserEmailChangeAction}
        hiddenFields={ids}
        email={user.email}
        firstName={user.firstName}
        pendingEmail={user.pendingEmail}
      />

      <section aria-labelledby="account-heading" className="mt-6 rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="account-heading" className="mb-4 text-lg font-semibold">Account</h2>
        <div className="flex flex-wrap items-start gap-3">
          {!blocker && (
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
          {WELCOME_NOTES[blocker ?? "offered"](user.firstName)}
        </p>
      </section>
    </div>
  );
}
