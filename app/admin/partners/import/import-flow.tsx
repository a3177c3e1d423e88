"use client";
import { useState } from "react";
import Link from "next/link";
import { useActionPost } from "@/components/form/post-values";
import { checkPartnerImportAction, importPartnersAction } from "@/lib/partners/import-actions";
import { CsvDownloadLink } from "@/components/import/import-errors";
import { ImportCheckForm } from "@/components/import/import-check-form";
import { DataTable } from "@/components/ui/table";

/**
 * Choose a file → "Check file" (dry run, errors by line) → "Import" (every
 * row valid) or "Import valid rows only" (components/import/import-check-form)
 * → the created partners and a results file.
 */
export function PartnerImportFlow() {
  const [checkState, check, checking] = useActionPost(checkPartnerImportAction);
  const [importState, runImport, importing] = useActionPost(importPartnersAction);
  // Which step answered last: a new check hides an earlier import error and the other way round.
  const [last, setLast] = useState<"check" | "import" | null>(null);

  if (importState?.ok) {
    const { created, resultsCsv } = importState.data;
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          {importState.message}
        </p>
        <h2 className="text-lg font-semibold">Created partners</h2>
        <DataTable caption="Created partners" headers={["Line", "Partner", "Primary user email"]}>
          {created.map((row) => (
            <tr key={row.partnerId}>
              <td className="px-4 py-2">{row.line}</td>
              <td className="px-4 py-2">
                <Link href={`/admin/partners/${row.partnerId}`} className="text-blue-700 underline">
                  {row.name}
                </Link>
              </td>
              <td className="px-4 py-2">{row.email}</td>
            </tr>
          ))}
        </DataTable>
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
        const values = { file, validOnly: step === "import-valid" ? "true" : null };
        const target = step === "check" ? "check" : "import";
        setLast(target);
        if (target === "check") check(values);
        else runImport(values);
      }}
    />
  );
}
