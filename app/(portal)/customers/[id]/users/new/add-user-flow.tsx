"use client";
import { useState } from "react";
import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { ChoiceGroup } from "@/components/form/fields";
import { NewPersonFields } from "@/components/form/person-fields";
import { addCustomerUserAction, type AddedCustomerUser } from "@/lib/customers/actions";
import type { FormAction, FormState } from "@/lib/actions/form-state";
import { DEFAULT_WELCOME, WELCOME_OPTIONS } from "@/lib/customers/schemas";
import { CredentialsConfirmation } from "../../../credentials-confirmation";

type Subscription = { productId: string; name: string; free: number };
type Created = AddedCustomerUser;

/** Add a user → confirmation (temporary password, or the welcome email sent) → "Add another user" starts a fresh form. */
export function AddUserFlow({
  customerId,
  subscriptions,
  defaultProductIds = [],
}: {
  customerId: string;
  subscriptions: Subscription[];
  /** Ticked at first: a copied user's licenses. */
  defaultProductIds?: string[];
}) {
  const [created, setCreated] = useState<Created | null>(null);
  const [round, setRound] = useState(0);

  // Wraps the action so a success switches to the confirmation screen.
  const action: FormAction<Created> = async (previous: FormState<Created> | null, formData: FormData) => {
    const result = await addCustomerUserAction(previous, formData);
    if (result.ok) setCreated(result.data);
    return result;
  };

  if (created) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          {created.welcomed
            ? `${created.welcomed.name} was added. A welcome email with an activation link is on its way to ${created.welcomed.email}.`
            : `${created.credentials[0].name} was added.`}
        </p>
        {created.credentials.length > 0 && (
          <CredentialsConfirmation customerId={customerId} credentials={created.credentials} heading="Sign-in details" intro="Give the user their user name and temporary password." />
        )}
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
        <NewPersonFields phone />
        {subscriptions.length > 0 ? (
          <ChoiceGroup
            name="productIds"
            legend="Licenses"
            hint="Each license takes one seat of the customer's subscription."
            options={subscriptions.map((s) => ({ value: s.productId, label: s.name, description: `${s.free} free ${s.free === 1 ? "seat" : "seats"}` }))}
            defaults={defaultProductIds}
          />
        ) : (
          <p className="text-sm text-gray-700">This customer has no subscriptions yet, so no licenses can be assigned.</p>
        )}
        <ChoiceGroup name="welcome" legend="Sign-in details" type="radio" options={WELCOME_OPTIONS} defaults={[DEFAULT_WELCOME]} />
        <SubmitButton pendingLabel="Adding user…">Add user</SubmitButton>
      </ActionForm>
    </div>
  );
}
