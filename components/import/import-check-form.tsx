"use client";
import { useState } from "react";
import { importFileSizeError } from "@/lib/customers/schemas";
import type { ImportCheckResult } from "@/lib/csv/import-check";
import { ImportErrorsTable } from "./import-errors";

// The form shared by the CSV import flows (customer users, partners): choose a
// file → "Check file" (dry run, errors by line) → "Import" (every row valid)
// or "Import valid rows only". The chosen file is kept here, because React
// resets a form after its action runs, file inputs included, so each step
// posts the file that was checked; the server checks it again before writing.

export type ImportStep = "check" | "import" | "import-valid";


const button = "rounded-md border border-gray-300 px-4 py-2 text-sm font-medium hover:bg-gray-50 disabled:opacity-50";
const primary = "rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60";
const count = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

export function ImportCheckForm({
  label,
  idPrefix,
  readyNoun,
  importNoun,
  check,
  serverError,
  pending,
  resultsFileName,
  onPost,
  onFileChange,
}: {
  /** The form's accessible name, e.g. "Import users". */
  label: string;
  idPrefix: string;
  /** How the check counts ready rows: ["row is", "rows are"]. */
  readyNoun: readonly [string, string];
  /** What the import button imports: ["user", "users"]. */
  importNoun: readonly [string, string];
  /** The last dry run's answer, or null when there is none to show. */
  check: ImportCheckResult | null;
  /** The server's refusal of the file, if the last step failed. */
  serverError: string | null | undefined;
  pending: boolean;
  resultsFileName?: string;
  onPost: (step: ImportStep, file: File | null) => void;
  onFileChange?: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  // Checked before posting too: a file over the server's body limit would never reach the server's own check (decision 0013).
  const [sizeError, setSizeError] = useState<string | null>(null);
  const post = (step: ImportStep) => {
    const tooLarge = file ? importFileSizeError(file.size) : null;
    setSizeError(tooLarge);
    if (!tooLarge) onPost(step, file);
  };
  const fileError = sizeError ?? serverError ?? null;
  const shown = sizeError ? null : check;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        post("check");
      }}
      className="space-y-4 rounded-lg border border-gray-200 bg-white p-6"
      aria-label={label}
    >
      <div>
        <label htmlFor={`${idPrefix}-file`} className="block text-sm font-medium">
          CSV file
        </label>
        <input
          id={`${idPrefix}-file`}
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            setSizeError(chosen ? importFileSizeError(chosen.size) : null);
            onFileChange?.();
          }}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${idPrefix}-file-error` : undefined}
          className="mt-1 block text-sm"
        />
        {fileError && (
          <p id={`${idPrefix}-file-error`} role="alert" className="mt-1 text-sm text-red-700">
            {fileError}
          </p>
        )}
      </div>

      {pending && (
        <div role="status" className="text-sm text-gray-700">
          <label htmlFor={`${idPrefix}-progress`}>Working on the file…</label>
          {/* Indeterminate: the check and the import each run as one request. */}
          <progress id={`${idPrefix}-progress`} className="ml-2 align-middle" />
        </div>
      )}

      {shown && !pending && (
        <section aria-label="Check results" className="space-y-3 text-sm">
          <p role="status" className={shown.invalidCount ? "font-semibold text-red-800" : "font-semibold text-green-800"}>
            {count(shown.validCount, readyNoun)} ready to import
            {shown.invalidCount ? `, ${count(shown.invalidCount, ["row has", "rows have"])} errors` : ""}.
          </p>
          {shown.errors.length > 0 && (
            <ImportErrorsTable errors={shown.errors} moreErrors={shown.moreErrors} resultsCsv={shown.resultsCsv} resultsFileName={resultsFileName} />
          )}
        </section>
      )}

      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className={button}>
          Check file
        </button>
        {shown && shown.invalidCount === 0 && (
          <button type="button" onClick={() => post("import")} disabled={pending} className={primary}>
            Import {count(shown.validCount, importNoun)}
          </button>
        )}
        {shown && shown.invalidCount > 0 && shown.validCount > 0 && (
          <button type="button" onClick={() => post("import-valid")} disabled={pending} className={primary}>
            Import valid rows only ({shown.validCount})
          </button>
        )}
      </div>
    </form>
  );
}
