"use client";
import { useState } from "react";
import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { ChoiceGroup, TextField } from "@/components/form/fields";
import { addCustomerUserAction } from "@/lib/customers/actions";
import type { FormAction, FormState } from "@/lib/actions/form-state";
import { CredentialsConfirmation, type ShownCredential } from "../../../credentials-confirmation";

type Subscription = { productId: string; name: string; free: number };
type Created = { credentials: ShownCredential[] };

/** Add a user → confirmation with the temporary password → "Add another user" starts a fresh form. */
export function AddUserFlow({ customerId, subscriptions }: { customerId: string; subscriptions: Subscription[] }) {
  const [created, setCreated] = useState<ShownCredential[] | null>(null);
  const [round, setRound] = useState(0);

  // Wraps the action so a success switches to the confirmation screen.
  const action: FormAction<Created> = async (previous: FormState<Created> | null, formData: FormData) => {
    const result = await addCustomerUserAction(previous, formData);
    if (result.ok) setCreated(result.data.credentials);
    return result;
  };

  if (created) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          {created[0].name} was added.
        </p>
        <CredentialsConfirmation customerId={customerId} credentials={created} heading="Sign-in details" intro="Give the user their user name and temporary password." />
        <div className="print-hidden flex gap-3 text-sm">
          <button
            type="button"
            onClick={() => {
              setCreated(null);
              setRound((n) => n + 1);
            }}
            className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
          >
            Add another user
          </button>
          <Link href={`/customers/${customerId}/users`} className="rounded-md border border-gray-300 px-4 py-2 font-medium hover:bg-gray-50">
            Back to users
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="rounded-lg border border-gray-200 bg-white p-6" key={round}>
      <ActionForm action={action} hiddenFields={{ customerId }} aria-label="Add user">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="firstName" label="First name" autoComplete="off" required />
          <TextField name="lastName" label="Last name" autoComplete="off" required />
        </div>
        <TextField name="email" label="Email" type="email" autoComplete="off" required />
        <TextField name="phone" label="Phone" type="tel" hint="Include the country code, like +1 415 555 0100." />
        {subscriptions.length > 0 ? (
          <ChoiceGroup
            name="productIds"
            legend="Licenses"
            hint="Each license takes one seat of the customer's subscription."
            options={subscriptions.map((s) => ({ value: s.productId, label: s.name, description: `${s.free} free ${s.free === 1 ? "seat" : "seats"}` }))}
          />
        ) : (
          <p className="text-sm text-gray-700">This customer has no subscriptions yet, so no licenses can be assigned.</p>
        )}
        <SubmitButton pendingLabel="Adding user…">Add user</SubmitButton>
      </ActionForm>
    </div>
  );
}
