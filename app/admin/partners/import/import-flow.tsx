"use client";
import { startTransition, useActionState, useState } from "react";
import Link from "next/link";
import type { FormState } from "@/lib/actions/form-state";
import { checkPartnerImportAction, importPartnersAction } from "@/lib/partners/import-actions";
import type { PartnerImportCheckResult, PartnerImportResult } from "@/lib/partners/import";
import { CsvDownloadLink } from "@/components/import/import-errors";
import { ImportCheckForm } from "@/components/import/import-check-form";

/**
 * Choose a file → "Check file" (dry run, errors by line) → "Import" (every
 * row valid) or "Import valid rows only" (components/import/import-check-form)
 * → the created partners and a results file.
 */
export function PartnerImportFlow() {
  const [checkState, check, checking] = useActionState<FormState<PartnerImportCheckResult> | null, FormData>(checkPartnerImportAction, null);
  const [importState, runImport, importing] = useActionState<FormState<PartnerImportResult> | null, FormData>(importPartnersAction, null);
  // Which step answered last: a new check hides an earlier import error and the other way round.
  const [last, setLast] = useState<"check" | "import" | null>(null);

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

  const failed = last === "import" ? importState : checkState;
  return (
    <ImportCheckForm
      label="Import partners"
      idPrefix="partner-import"
      readyNoun={["partner is", "partners are"]}
      importNoun={["partner", "partners"]}
      check={last === "check" && checkState?.ok ? checkState.data : null}
      serverError={failed && !failed.ok ? (failed.fieldErrors?.file?.[0] ?? failed.formError) : null}
      pending={checking || importing}
      resultsFileName="partner-import-check.csv"
      onFileChange={() => setLast(null)}
      onPost={(step, file) => {
        const data = new FormData();
        if (file) data.append("file", file);
        if (step === "import-valid") data.append("validOnly", "true");
        const target = step === "check" ? "check" : "import";
        setLast(target);
        startTransition(() => (target === "check" ? check(data) : runImport(data)));
      }}
    />
  );
}
