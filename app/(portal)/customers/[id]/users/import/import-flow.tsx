"use client";
import { startTransition, useActionState, useState } from "react";
import { importCustomerUsersAction, type ImportState } from "@/lib/customers/actions";
import { importFileSizeError } from "@/lib/customers/schemas";
import { CredentialsConfirmation } from "../../../credentials-confirmation";
import { ImportErrorsTable } from "@/components/import/import-errors";

const button = "rounded-md border border-gray-300 px-4 py-2 text-sm font-medium hover:bg-gray-50 disabled:opacity-50";

/**
 * Choose a file → "Check file" (dry run) → either fix it, "Import" (when every
 * row is valid) or "Import valid rows only". The same file input is posted
 * each time; the server checks it again before writing.
 */
export function ImportFlow({ customerId }: { customerId: string }) {
  const [state, action, pending] = useActionState<ImportState | null, FormData>(importCustomerUsersAction, null);
  // React resets a form after its action runs, file inputs included; the
  // chosen file is kept here so "Import" posts the same file that was checked.
  const [file, setFile] = useState<File | null>(null);
  // Checked here too, before posting: a file over the server's body limit
  // would never reach the server's own check (decision 0013).
  const [sizeError, setSizeError] = useState<string | null>(null);
  const run = (intent: "check" | "import" | "import-valid") => {
    const tooLarge = file ? importFileSizeError(file.size) : null;
    setSizeError(tooLarge);
    if (tooLarge) return;
    const data = new FormData();
    data.append("customerId", customerId);
    data.append("intent", intent);
    if (file) data.append("file", file);
    startTransition(() => action(data));
  };

  const check = !sizeError && state?.ok && state.data.step === "checked" ? state.data.check : null;

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

  const fileError = sizeError ?? (state && !state.ok ? (state.fieldErrors?.file?.[0] ?? state.formError) : null);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        run("check");
      }}
      className="space-y-4 rounded-lg border border-gray-200 bg-white p-6"
      aria-label="Import users"
    >
      <div>
        <label htmlFor="import-file" className="block text-sm font-medium">
          CSV file
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            setSizeError(chosen ? importFileSizeError(chosen.size) : null);
          }}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "import-file-error" : undefined}
          className="mt-1 block text-sm"
        />
        {fileError && (
          <p id="import-file-error" role="alert" className="mt-1 text-sm text-red-700">
            {fileError}
          </p>
        )}
      </div>

      {pending && (
        <div role="status" className="text-sm text-gray-700">
          <label htmlFor="import-progress">Working on the file…</label>
          {/* Indeterminate: the check and the import each run as one request. */}
          <progress id="import-progress" className="ml-2 align-middle" />
        </div>
      )}

      {check && !pending && (
        <section aria-label="Check results" className="space-y-3 text-sm">
          <p role="status" className={check.invalidCount ? "font-semibold text-red-800" : "font-semibold text-green-800"}>
            {check.validCount} {check.validCount === 1 ? "row is" : "rows are"} ready to import
            {check.invalidCount ? `, ${check.invalidCount} ${check.invalidCount === 1 ? "row has" : "rows have"} errors` : ""}.
          </p>
          {check.errors.length > 0 && <ImportErrorsTable errors={check.errors} moreErrors={check.moreErrors} resultsCsv={check.resultsCsv} />}
        </section>
      )}

      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className={button}>
          Check file
        </button>
        {check && check.invalidCount === 0 && (
          <button type="button" onClick={() => run("import")} disabled={pending} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
            Import {check.validCount} {check.validCount === 1 ? "user" : "users"}
          </button>
        )}
        {check && check.invalidCount > 0 && check.validCount > 0 && (
          <button type="button" onClick={() => run("import-valid")} disabled={pending} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
            Import valid rows only ({check.validCount})
          </button>
        )}
      </div>
    </form>
  );
}
