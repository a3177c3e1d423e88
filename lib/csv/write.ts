// CSV writing for exports and result files. Pure: safe anywhere.
//
// - Every cell that a spreadsheet would read as a formula is neutralised
//   (OWASP "CSV injection"): a cell starting with = + - @ tab or carriage
//   return, also after leading spaces, gets a single quote in front, so Excel
//   and LibreOffice show the text instead of evaluating it.
// - Every cell holding a separator of any locale (comma, semicolon, tab), a
//   quote or a line break is quoted, whichever delimiter the file uses: a
//   spreadsheet that guesses the other separator still sees one cell.

const FORMULA_START = /^[ \u00a0]*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The reverse of `neutraliseCell`, for reading a file we may have written:
 * a single quote in front of a formula start is dropped, anything else is
 * kept as it is.
 */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function quoteCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows to CSV text with a BOM and CRLF line ends (what Excel expects to open UTF-8 correctly). */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], options: { delimiter?: "," | ";" } = {}) {
  const delimiter = options.delimiter ?? ",";
  const lines = rows.map((row) => row.map((cell) => quoteCell(neutraliseCell(String(cell ?? "")))).join(delimiter));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
