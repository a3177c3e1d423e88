"use client";
import { useCallback, type ReactNode } from "react";
import { DataTable } from "../ui/table";

// Shared by the CSV import flows (customer users, partners): a dry run's
// errors by line, and a results file offered for download.

/** The errors of a checked file, by line, with "…and N more" and the results file when there are any. */
export function ImportErrorsTable({
  errors,
  moreErrors,
  resultsCsv,
  resultsFileName = "import-results.csv",
}: {
  errors: { line: number; field: string; message: string }[];
  moreErrors: number;
  resultsCsv: string;
  resultsFileName?: string;
}) {
  return (
    <>
      <DataTable caption="Errors by line" headers={["Line", "Field", "Problem"]}>
        {errors.map((error, i) => (
          <tr key={i}>
            <td className="px-4 py-1">{error.line}</td>
            <td className="px-4 py-1">{error.field}</td>
            <td className="px-4 py-1">{error.message}</td>
          </tr>
        ))}
      </DataTable>
      {moreErrors > 0 && (
        <p>
          …and {moreErrors.toLocaleString("en")} more {moreErrors === 1 ? "error" : "errors"}: download the results to see every row.
        </p>
      )}
      <CsvDownloadLink text={resultsCsv} fileName={resultsFileName}>
        Download results as CSV
      </CsvDownloadLink>
    </>
  );
}

/**
 * A link downloading `text` as a CSV file. Its href is a blob: URL made in the
 * browser when the link is attached and revoked when it goes or the text
 * changes (a ref callback with cleanup; no state, so no second render); a
 * data: link would hold the whole file, URL-encoded, in the page.
 */
export function CsvDownloadLink({ text, fileName, children }: { text: string; fileName: string; children: ReactNode }) {
  const attachFile = useCallback(
    (link: HTMLAnchorElement | null) => {
      if (!link) return;
      const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
      link.href = url;
      return () => URL.revokeObjectURL(url);
    },
    [text],
  );
  return (
    <a ref={attachFile} download={fileName} className="inline-block text-blue-700 underline">
      {children}
    </a>
  );
}
