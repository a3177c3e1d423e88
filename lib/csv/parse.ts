// Reading Excel-compatible CSV (DESIGN §5) with papaparse (decision 0026):
// UTF-8 with or without BOM; comma, semicolon or tab (Excel writes ";" where
// "," is the decimal mark, and "Unicode text" with tabs), guessed by
// papaparse from the first rows; quoted fields with doubled quotes and
// embedded line breaks; CRLF, LF or CR. Pure: safe anywhere.
//
// What papaparse doesn't do is ours: line numbers as people see them in an
// editor (blank lines and line breaks inside quotes counted), blank lines
// skipped, a malformed quote refused by its line (papaparse reads on), and
// the limits of decision 0013: the header's columns and length, the columns
// of every later record (refused at the record that passes), and records past
// `maxRecords` counted, not kept. Rows are read one at a time (papaparse's
// `step`), so only kept records stay in memory; the caller bounds the text.

import Papa from "papaparse";

type CsvDelimiter = "," | ";" | "\t";

type CsvRecord = {
  /** 1-based line of the file where the record starts (what people see in Excel or an editor). */
  line: number;
  fields: string[];
};

export type ParsedCsv = {
  delimiter: CsvDelimiter;
  records: CsvRecord[];
  /** Records past `maxRecords`: counted, not kept. */
  omittedRecords: number;
};

export type CsvLimits = {
  /** Most fields a record may have, the header included. */
  maxColumns?: number;
  /** Most characters of the header line (the first non-blank line). */
  maxHeaderChars?: number;
  /** Most records kept; the rest are only counted (`omittedRecords`). */
  maxRecords?: number;
};

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The file is well formed but larger than the caller's limits. */
export class CsvLimitError extends CsvSyntaxError {}

/** In the order papaparse prefers them when two fit the first rows equally well. */
const DELIMITERS: CsvDelimiter[] = [",", ";", "\t"];

const GUESS_SAMPLE_CHARS = 64 * 1024;

const count = (n: number) => n.toLocaleString("en");

/** Newlines in text[from, to). */
function newlinesBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Parses the whole text; blank lines are skipped. Throws CsvSyntaxError on a malformed quote or a passed limit. */
export function parseCsv(input: string, limits: CsvLimits = {}): ParsedCsv {
  // Without a BOM, and one kind of line break: papaparse picks a single one per file, and a quoted
  // line break reads as "\n" whichever the file used.
  const text = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).replace(/\r\n?/g, "\n");
  const maxColumns = limits.maxColumns ?? Infinity;
  const maxRecords = limits.maxRecords ?? Infinity;

  // papaparse's guess, over the first ten non-blank rows (of at most the first 64 KiB, so a hostile
  // one-line file isn't read three more times); "," when nothing fits better (one column).
  const lastBreak = text.lastIndexOf("\n", GUESS_SAMPLE_CHARS);
  const sample = text.length <= GUESS_SAMPLE_CHARS ? text : text.slice(0, lastBreak > 0 ? lastBreak : GUESS_SAMPLE_CHARS);
  const guessed = Papa.parse<string[]>(sample, { preview: 1, newline: "\n", skipEmptyLines: true, delimitersToGuess: DELIMITERS }).meta
    .delimiter as CsvDelimiter;
  const delimiter = DELIMITERS.includes(guessed) ? guessed : ",";

  const records: CsvRecord[] = [];
  let omittedRecords = 0;
  let sawHeader = false;
  let cursor = 0;
  let line = 1;

  Papa.parse<string[]>(text, {
    delimiter,
    newline: "\n",
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step(result) {
      // Rows are contiguous (blank ones are rows too), so this row started where the last one ended.
      const start = cursor;
      const end = result.meta.cursor;
      const recordLine = line;
      line += newlinesBetween(text, start, end);
      cursor = end;

      const quoteErrors = result.errors.filter((error) => error.type === "Quotes");
      if (quoteErrors.some((error) => error.code === "InvalidQuotes")) {
        throw new CsvSyntaxError(recordLine, `Line ${recordLine}: a quoted field has text after its closing quote (write a quote inside a field as "").`);
      }
      if (quoteErrors.length > 0) throw new CsvSyntaxError(recordLine, `Line ${recordLine}: a quoted field is never closed.`);

      const fields = result.data;
      if (fields.length === 1 && fields[0] === "") return; // a blank line is not a record

      if (!sawHeader) {
        sawHeader = true;
        if (fields.length > maxColumns) {
          throw new CsvLimitError(recordLine, `The file has too many columns (${count(fields.length)}; at most ${count(maxColumns)}).`);
        }
        const length = end - start - (text[end - 1] === "\n" ? 1 : 0);
        if (limits.maxHeaderChars !== undefined && length > limits.maxHeaderChars) {
          throw new CsvLimitError(recordLine, `The header line (line ${recordLine}) is longer than ${count(limits.maxHeaderChars)} characters.`);
        }
      } else if (fields.length > maxColumns) {
        throw new CsvLimitError(recordLine, `Line ${recordLine} has too many columns (${count(fields.length)}; at most ${count(maxColumns)}).`);
      }

      if (records.length < maxRecords) records.push({ line: recordLine, fields });
      else omittedRecords++;
    },
  });
  return { delimiter, records, omittedRecords };
}
