// CSV writing for exports and result files. Every cell that a spreadsheet
// would read as a formula is neutralised (OWASP "CSV injection"): a leading
// = + - @ tab or carriage return gets a single quote in front, so Excel shows
// the text instead of evaluating it. Pure: safe anywhere.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Rows to CSV text with a BOM and CRLF line ends (what Excel expects to
 * open UTF-8 correctly). `neutralise: false` only for cells we generated.
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], options: { delimiter?: "," | ";" } = {}) {
  const delimiter = options.delimiter ?? ",";
  const lines = rows.map((row) => row.map((cell) => quote(neutraliseCell(String(cell ?? "")), delimiter)).join(delimiter));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
