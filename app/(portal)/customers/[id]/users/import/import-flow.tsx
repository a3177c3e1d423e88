"use client";
import { useState } from "react";
import { importCustomerUsersAction } from "@/lib/customers/actions";
import { useActionPost } from "@/components/form/post-values";
import { CredentialsConfirmation } from "../../../credentials-confirmation";
import { ImportCheckForm } from "@/components/import/import-check-form";
import { DEFAULT_WELCOME, WELCOME_OPTIONS, type WelcomeMethod } from "@/lib/customers/schemas";
import { DataTable } from "@/components/ui/table";

/**
 * Choose how users get in (an emailed activation link or a temporary password),
 * choose a file → "Check file" (dry run) → either fix it, "Import" (when every
 * row is valid) or "Import valid rows only" (components/import/import-check-form),
 * then the imported users: who was emailed, or their temporary passwords.
 */
export function ImportFlow({ customerId }: { customerId: string }) {
  const [state, post, pending] = useActionPost(importCustomerUsersAction);
  const [welcome, setWelcome] = useState<WelcomeMethod>(DEFAULT_WELCOME);

  if (state?.ok && state.data.step === "imported") {
    const { credentials, welcomed, skipped } = state.data;
    const count = credentials.length + welcomed.length;
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          {count} {count === 1 ? "user" : "users"} imported
          {skipped ? `; ${skipped} rows with errors were skipped` : ""}.
          {welcomed.length > 0 && " Each was sent a welcome email with an activation link."}
        </p>
        {welcomed.length > 0 && (
          <section aria-labelledby="welcomed-heading">
            <h2 id="welcomed-heading" className="mb-2 text-lg font-semibold">Welcome emails sent</h2>
            <DataTable caption="Welcome emails sent" headers={["Name", "Email"]}>
              {welcomed.map((user) => (
                <tr key={user.userId}>
                  <td className="px-4 py-2">{user.name}</td>
                  <td className="px-4 py-2">{user.email}</td>
                </tr>
              ))}
            </DataTable>
          </section>
        )}
        {credentials.length > 0 && (
          <CredentialsConfirmation
            customerId={customerId}
            credentials={credentials}
            heading="Imported users"
            intro="Give each user their user name and temporary password."
          />
        )}
      </div>
    );
  }

  return (
    <>
      <fieldset className="mb-6">
        <legend className="text-sm font-medium text-gray-900">Sign-in details for the imported users</legend>
        <div className="mt-2 space-y-2">
          {WELCOME_OPTIONS.map((option) => (
            <div key={option.value} className="flex items-start gap-2 text-sm">
              <input
                id={`import-welcome-${option.value}`}
                type="radio"
                name="welcome"
                value={option.value}
                checked={welcome === option.value}
                onChange={() => setWelcome(option.value)}
                className="mt-1"
              />
              <label htmlFor={`import-welcome-${option.value}`}>
                <span className="font-medium">{option.label}</span> <span className="text-gray-600">{option.description}</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <ImportCheckForm
        label="Import users"
        idPrefix="import"
        readyNoun={["row is", "rows are"]}
        importNoun={["user", "users"]}
        check={state?.ok && state.data.step === "checked" ? state.data.check : null}
        serverError={state && !state.ok ? (state.fieldErrors?.file?.[0] ?? state.formError) : null}
        pending={pending}
        onPost={(intent, file) => post({ customerId, intent, file, welcome })}
      />
    </>
  );
}
