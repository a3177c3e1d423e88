"use client";
import { useState } from "react";
import { ActionForm, SubmitButton, useField } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import type { FormAction } from "@/lib/actions/form-state";
import { splitIndividualName } from "@/lib/customers/names";

type CustomerValues = {
  type: "INDIVIDUAL" | "COMPANY";
  name: string;
  contactEmail: string;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
};

function TypeChoice({ type, onChange }: { type: string; onChange: (type: "INDIVIDUAL" | "COMPANY") => void }) {
  const { errors } = useField("type");
  return (
    <fieldset>
      <legend className="text-sm font-medium text-gray-900">Customer type</legend>
      <div className="mt-2 flex gap-6 text-sm">
        {(["COMPANY", "INDIVIDUAL"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            {/* Uncontrolled: React resets a form after its action runs, and a reset
                restores defaultChecked, which follows the chosen type. */}
            <input type="radio" name="type" value={value} defaultChecked={type === value} onChange={() => onChange(value)} />
            {value === "COMPANY" ? "Company" : "Individual"}
          </label>
        ))}
      </div>
      {errors?.map((error) => (
        <p key={error} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ))}
    </fieldset>
  );
}

/** Add or edit a customer; the name fields follow the type (company name, or first and last name). */
export function CustomerForm({
  action,
  customer,
  hiddenFields,
  submitLabel,
}: {
  action: FormAction<unknown>;
  customer?: CustomerValues;
  hiddenFields?: Record<string, string>;
  submitLabel: string;
}) {
  const [type, setType] = useState<"INDIVIDUAL" | "COMPANY">(customer?.type ?? "COMPANY");
  const individual = customer?.type === "INDIVIDUAL" ? splitIndividualName(customer.name) : null;
  return (
    <ActionForm action={action} hiddenFields={hiddenFields} aria-label={submitLabel}>
      <TypeChoice type={type} onChange={setType} />
      {type === "COMPANY" ? (
        <TextField name="companyName" label="Company name" required defaultValue={customer?.type === "COMPANY" ? customer.name : undefined} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="firstName" label="First name" required defaultValue={individual?.firstName} />
          <TextField name="lastName" label="Last name" required defaultValue={individual?.lastName || undefined} />
        </div>
      )}
      <TextField name="contactEmail" label="Contact email" type="email" required defaultValue={customer?.contactEmail} />
      <TextField name="phone" label="Phone" type="tel" hint="Include the country code, like +1 415 555 0100." defaultValue={customer?.phone ?? undefined} />
      <TextField name="addressLine1" label="Address line 1" defaultValue={customer?.addressLine1 ?? undefined} />
      <TextField name="addressLine2" label="Address line 2" defaultValue={customer?.addressLine2 ?? undefined} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="postalCode" label="Postal code" defaultValue={customer?.postalCode ?? undefined} />
        <TextField name="city" label="City" defaultValue={customer?.city ?? undefined} />
        <TextField name="country" label="Country" defaultValue={customer?.country ?? undefined} />
      </div>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
