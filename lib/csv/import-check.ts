import { IMPORT_MAX_ERRORS_SHOWN } from "../customers/schemas.ts";

// The answer of a CSV import's dry run for the browser, shared by the customer
// user and partner imports (and their form, components/import): bounded
// whatever the file. Pure: safe anywhere.

export type ImportCheckResult = {
  validCount: number;
  invalidCount: number;
  /** The first IMPORT_MAX_ERRORS_SHOWN per-line errors… */
  errors: { line: number; field: string; message: string }[];
  /** …and how many more there are (all of them are in the results file). */
  moreErrors: number;
  /** The original rows plus their status and message. */
  resultsCsv: string;
};

/** A dry run's answer: the first errors by line, the count of the rest, and the results file. */
export function summarizeImportCheck(
  check: { rows: { line: number; errors: { field: string; message: string }[] }[]; validCount: number; invalidCount: number },
  resultsCsv: string,
): ImportCheckResult {
  const errors: ImportCheckResult["errors"] = [];
  let total = 0;
  for (const row of check.rows) {
    for (const error of row.errors) if (total++ < IMPORT_MAX_ERRORS_SHOWN) errors.push({ line: row.line, ...error });
  }
  return { validCount: check.validCount, invalidCount: check.invalidCount, errors, moreErrors: total - errors.length, resultsCsv };
}
