"use client";
import { useActionState, useId } from "react";
import type { FormAction } from "@/lib/actions/form-state";

type Created = { id: string; name: string; key: string };
type PermissionOption = { value: string; label: string };

/** Create an API key; the secret appears here once, after success, and nowhere else. */
export function CreateKeyForm({ action, permissions }: { action: FormAction<Created>; permissions: PermissionOption[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const echoed = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const chosen = new Set(Array.isArray(values.permissions) ? values.permissions : values.permissions ? [values.permissions] : []);
  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <p id={`${id}-${name}-error`} className="mt-1 text-sm text-red-700">
        {errors[name].join(" ")}
      </p>
    ) : null;
  return (
    <div className="space-y-4">
      {state?.ok && (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          <p>{state.message}</p>
          <p className="mt-2">
            <label htmlFor={`${id}-secret`} className="font-medium">
              Your new API key
            </label>
          </p>
          <input id={`${id}-secret`} readOnly value={state.data.key} className="mt-1 w-full rounded border border-gray-300 bg-white px-2 py-1 font-mono" />
        </div>
      )}
      {state && !state.ok && state.formError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {state.formError}
        </p>
      )}
      <form action={formAction} noValidate className="space-y-4" aria-label="Create API key">
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-gray-900">
            Key name
          </label>
          <input id={`${id}-name`} name="name" defaultValue={echoed("name")} key={echoed("name")} aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${id}-name-error` : undefined} className="mt-1 w-full rounded-md border border-gray-300 px-3 py-2" />
          {fieldError("name")}
        </div>
        <fieldset aria-describedby={errors.permissions ? `${id}-permissions-error` : undefined}>
          <legend className="text-sm font-medium text-gray-900">Permissions (only ones you hold)</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {permissions.map((permission) => (
              <div key={permission.value} className="flex items-center gap-2">
                <input id={`${id}-${permission.value}`} type="checkbox" name="permissions" value={permission.value} defaultChecked={chosen.has(permission.value)} className="h-4 w-4" />
                <label htmlFor={`${id}-${permission.value}`} className="text-sm">{permission.label}</label>
              </div>
            ))}
          </div>
          {fieldError("permissions")}
        </fieldset>
        <div>
          <label htmlFor={`${id}-expires`} className="block text-sm font-medium text-gray-900">
            Last day it works (optional)
          </label>
          <input id={`${id}-expires`} type="date" name="expiresOn" defaultValue={echoed("expiresOn")} aria-invalid={errors.expiresOn ? true : undefined}
            aria-describedby={errors.expiresOn ? `${id}-expiresOn-error` : undefined} className="mt-1 rounded-md border border-gray-300 px-3 py-2" />
          {fieldError("expiresOn")}
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
          {pending ? "Creating…" : "Create key"}
        </button>
      </form>
    </div>
  );
}
