"use client";
import { useId } from "react";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm, SubmitButton, useFormResult } from "@/components/form/action-form";
import { ChoiceGroup, TextField } from "@/components/form/fields";

type Created = { id: string; name: string; key: string };
type PermissionOption = { value: string; label: string };

/** Create an API key; the secret appears here once, after success, and nowhere else. */
export function CreateKeyForm({ action, permissions }: { action: FormAction<Created>; permissions: PermissionOption[] }) {
  return (
    <ActionForm action={action} aria-label="Create API key" className="space-y-4">
      <NewKeySecret />
      <TextField name="name" label="Key name" required />
      <ChoiceGroup name="permissions" legend="Permissions (only ones you hold)" options={permissions} />
      <TextField name="expiresOn" label="Last day it works" type="date" />
      <SubmitButton pendingLabel="Creating…">Create key</SubmitButton>
    </ActionForm>
  );
}

/** The new key, shown once under the success message. */
function NewKeySecret() {
  const result = useFormResult<Created>();
  const id = useId();
  if (!result?.ok) return null;
  return (
    <div className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
      <label htmlFor={id} className="font-medium">
        Your new API key
      </label>
      <input id={id} readOnly value={result.data.key} className="mt-1 w-full rounded border border-gray-300 bg-white px-2 py-1 font-mono" />
    </div>
  );
}
