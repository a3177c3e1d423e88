"use client";
import { startTransition, useActionState } from "react";
import { importCustomerUsersAction, type ImportState } from "@/lib/customers/actions";
import { CredentialsConfirmation } from "../../../credentials-confirmation";
import { ImportCheckForm } from "@/components/import/import-check-form";

/**
 * Choose a file → "Check file" (dry run) → either fix it, "Import" (when every
 * row is valid) or "Import valid rows only" (components/import/import-check-form),
 * then the imported users with their temporary passwords.
 */
export function ImportFlow({ customerId }: { customerId: string }) {
  const [state, action, pending] = useActionState<ImportState | null, FormData>(importCustomerUsersAction, null);

  if (state?.ok && state.data.step === "imported") {
    const { credentials, skipped } = state.data;
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          {credentials.length} {credentials.length === 1 ? "user" : "users"} imported
          {skipped ? `; ${skipped} rows with errors were skipped` : ""}.
        </p>
        <CredentialsConfirmation
          customerId={customerId}
          credentials={credentials}
          heading="Imported users"
          intro="Give each user their user name and temporary password."
        />
      </div>
    );
  }

  return (
    <ImportCheckForm
      label="Import users"
      idPrefix="import"
      readyNoun={["row is", "rows are"]}
      importNoun={["user", "users"]}
      check={state?.ok && state.data.step === "checked" ? state.data.check : null}
      serverError={state && !state.ok ? (state.fieldErrors?.file?.[0] ?? state.formError) : null}
      pending={pending}
      onPost={(intent, file) => {
        const data = new FormData();
        data.append("customerId", customerId);
        data.append("intent", intent);
        if (file) data.append("file", file);
        startTransition(() => action(data));
      }}
    />
  );
}
