"use client";
import { useEffect, useState, type ReactNode } from "react";
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

/** A link downloading `text` as a CSV file (rendered once the blob: URL exists). */
export function CsvDownloadLink({ text, fileName, children }: { text: string; fileName: string; children: ReactNode }) {
  const url = useObjectUrl(text);
  if (!url) return null;
  return (
    <a href={url} download={fileName} className="inline-block text-blue-700 underline">
      {children}
    </a>
  );
}

/**
 * The text as a blob: URL, revoked when it changes; a data: link would hold
 * the whole file, URL-encoded, in the page.
 */
export function useObjectUrl(text: string | null) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (text === null) return;
    const created = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    setUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setUrl(null);
    };
  }, [text]);
  return url;
}
