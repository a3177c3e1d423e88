"use client";
import { startTransition, useActionState, useState } from "react";
import Link from "next/link";
import type { FormState } from "@/lib/actions/form-state";
import { checkPartnerImportAction, importPartnersAction } from "@/lib/partners/import-actions";
import type { PartnerImportCheckResult, PartnerImportResult } from "@/lib/partners/import";
import { importFileSizeError } from "@/lib/customers/schemas";
import { CsvDownloadLink, ImportErrorsTable } from "@/components/import/import-errors";

const button = "rounded-md border border-gray-300 px-4 py-2 text-sm font-medium hover:bg-gray-50 disabled:opacity-50";
const primary = "rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60";

/**
 * Choose a file → "Check file" (dry run, errors by line) → "Import" (every
 * row valid) or "Import valid rows only" → the created partners and a
 * results file. The same chosen file is posted each time; the server checks
 * it again before writing.
 */
export function PartnerImportFlow() {
  const [checkState, check, checking] = useActionState<FormState<PartnerImportCheckResult> | null, FormData>(checkPartnerImportAction, null);
  const [importState, runImport, importing] = useActionState<FormState<PartnerImportResult> | null, FormData>(importPartnersAction, null);
  // React resets a form after its action runs, file inputs included: the chosen file is kept here.
  const [file, setFile] = useState<File | null>(null);
  // Checked before posting too: a file over the server's body limit would never reach the server's own check.
  const [sizeError, setSizeError] = useState<string | null>(null);
  // Which step answered last: a new check hides an earlier import error and the other way round.
  const [last, setLast] = useState<"check" | "import" | null>(null);
  const pending = checking || importing;

  const post = (step: "check" | "import", validOnly = false) => {
    const tooLarge = file ? importFileSizeError(file.size) : null;
    setSizeError(tooLarge);
    if (tooLarge) return;
    const data = new FormData();
    if (file) data.append("file", file);
    if (validOnly) data.append("validOnly", "true");
    setLast(step);
    startTransition(() => (step === "check" ? check(data) : runImport(data)));
  };

  if (importState?.ok) {
    const { created, resultsCsv } = importState.data;
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          {importState.message}
        </p>
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="mb-2 text-left text-lg font-semibold">Created partners</caption>
          <thead className="text-left">
            <tr>
              <th scope="col" className="py-2 pr-4 font-semibold">Line</th>
              <th scope="col" className="py-2 pr-4 font-semibold">Partner</th>
              <th scope="col" className="py-2 font-semibold">Primary user email</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {created.map((row) => (
              <tr key={row.partnerId}>
                <td className="py-1 pr-4">{row.line}</td>
                <td className="py-1 pr-4">
                  <Link href={`/admin/partners/${row.partnerId}`} className="text-blue-700 underline">
                    {row.name}
                  </Link>
                </td>
                <td className="py-1">{row.email}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <CsvDownloadLink text={resultsCsv} fileName="partner-import-results.csv">
          Download results as CSV
        </CsvDownloadLink>
      </div>
    );
  }

  const checked = !sizeError && last === "check" && checkState?.ok ? checkState.data : null;
  const failed = last === "import" ? importState : checkState;
  const fileError = sizeError ?? (failed && !failed.ok ? (failed.fieldErrors?.file?.[0] ?? failed.formError) : null);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        post("check");
      }}
      className="space-y-4 rounded-lg border border-gray-200 bg-white p-6"
      aria-label="Import partners"
    >
      <div>
        <label htmlFor="partner-import-file" className="block text-sm font-medium">
          CSV file
        </label>
        <input
          id="partner-import-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            setSizeError(chosen ? importFileSizeError(chosen.size) : null);
            setLast(null);
          }}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "partner-import-file-error" : undefined}
          className="mt-1 block text-sm"
        />
        {fileError && (
          <p id="partner-import-file-error" role="alert" className="mt-1 text-sm text-red-700">
            {fileError}
          </p>
        )}
      </div>

      {pending && (
        <div role="status" className="text-sm text-gray-700">
          <label htmlFor="partner-import-progress">Working on the file…</label>
          <progress id="partner-import-progress" className="ml-2 align-middle" />
        </div>
      )}

      {checked && !pending && (
        <section aria-label="Check results" className="space-y-3 text-sm">
          <p role="status" className={checked.invalidCount ? "font-semibold text-red-800" : "font-semibold text-green-800"}>
            {checked.validCount} {checked.validCount === 1 ? "partner is" : "partners are"} ready to import
            {checked.invalidCount ? `, ${checked.invalidCount} ${checked.invalidCount === 1 ? "row has" : "rows have"} errors` : ""}.
          </p>
          {checked.errors.length > 0 && (
            <ImportErrorsTable errors={checked.errors} moreErrors={checked.moreErrors} resultsCsv={checked.resultsCsv} resultsFileName="partner-import-check.csv" />
          )}
        </section>
      )}

      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className={button}>
          Check file
        </button>
        {checked && checked.invalidCount === 0 && (
          <button type="button" onClick={() => post("import")} disabled={pending} className={primary}>
            Import {checked.validCount} {checked.validCount === 1 ? "partner" : "partners"}
          </button>
        )}
        {checked && checked.invalidCount > 0 && checked.validCount > 0 && (
          <button type="button" onClick={() => post("import", true)} disabled={pending} className={primary}>
            Import valid rows only ({checked.validCount})
          </button>
        )}
      </div>
    </form>
  );
}
