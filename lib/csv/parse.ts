// A small CSV reader for Excel-compatible files (DESIGN §5), written here
// rather than pulled in as a dependency: UTF-8 with or without BOM, comma or
// semicolon (Excel uses ";" where "," is the decimal mark), quoted fields with
// doubled quotes and embedded newlines, CRLF or LF. Pure: safe anywhere.
//
// Limits (decision 0013): a caller may bound the header line, the columns of
// every record and the number of records kept. The header is measured before
// anything is built, a record with too many columns is refused the moment it
// passes the limit, and records past the limit are counted, not kept, so a
// hostile file costs no more memory than a legitimate one.

export type CsvRecord = {
  /** 1-based line of the file where the record starts (what people see in Excel or an editor). */
  line: number;
  fields: string[];
};

export type ParsedCsv = {
  delimiter: "," | ";";
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

const count = (n: number) => n.toLocaleString("en");

type HeaderScan = { delimiter: "," | ";"; columns: number; line: number; length: number };

/**
 * Reads the header line (the first non-blank one) without building anything:
 * its delimiter, whichever of ";" and "," appears more outside quotes, and
 * its number of columns and its length.
 */
function scanHeader(text: string): HeaderScan {
  let i = 0;
  let line = 1;
  while (i < text.length && (text[i] === "\n" || text[i] === "\r")) {
    if (text[i] === "\n" || text[i + 1] !== "\n") line++;
    i++;
  }
  const start = i;
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  const delimiter = semicolons > commas ? ";" : ",";
  return { delimiter, columns: (delimiter === ";" ? semicolons : commas) + 1, line, length: i - start };
}

/** The header line decides the delimiter: whichever of ";" and "," appears more outside quotes. */
export function detectDelimiter(text: string): "," | ";" {
  return scanHeader(text).delimiter;
}

/** Counts the fields still to come in the record at `i` (just after a delimiter), building nothing. */
function remainingFields(text: string, i: number, delimiter: string): number {
  let fields = 1;
  let quoted = false;
  for (; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === delimiter) fields++;
  }
  return fields;
}

/** Parses the whole text; blank lines are skipped. Throws CsvSyntaxError on an unterminated quote or a passed limit. */
export function parseCsv(input: string, limits: CsvLimits = {}): ParsedCsv {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const maxColumns = limits.maxColumns ?? Infinity;
  const maxRecords = limits.maxRecords ?? Infinity;
  // Checked before anything is built: counting the header's columns allocates nothing.
  const header = scanHeader(text);
  if (header.columns > maxColumns) {
    throw new CsvLimitError(header.line, `The file has too many columns (${count(header.columns)}; at most ${count(maxColumns)}).`);
  }
  if (limits.maxHeaderChars !== undefined && header.length > limits.maxHeaderChars) {
    throw new CsvLimitError(header.line, `The header line (line ${header.line}) is longer than ${count(limits.maxHeaderChars)} characters.`);
  }
  const { delimiter } = header;
  const records: CsvRecord[] = [];
  let omittedRecords = 0;
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let fieldWasQuoted = false;
  let i = 0;

  const endRecord = () => {
    fields.push(field);
    // A blank line (one empty, unquoted field) is not a record.
    if (!(fields.length === 1 && fields[0] === "" && !fieldWasQuoted)) {
      if (records.length < maxRecords) records.push({ line: recordLine, fields });
      else omittedRecords++;
    }
    fields = [];
    field = "";
    fieldWasQuoted = false;
  };

  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (char === "\r" && text[i + 1] === "\n") {
        field += "\n";
        line++;
        i += 2;
        continue;
      }
      if (char === "\n" || char === "\r") line++;
      field += char === "\r" ? "\n" : char;
      i++;
      continue;
    }
    if (char === '"' && field === "") {
      quoted = true;
      fieldWasQuoted = true;
      i++;
    } else if (char === delimiter) {
      if (fields.length + 2 > maxColumns) {
        const total = fields.length + 1 + remainingFields(text, i + 1, delimiter);
        throw new CsvLimitError(recordLine, `Line ${recordLine} has too many columns (${count(total)}; at most ${count(maxColumns)}).`);
      }
      fields.push(field);
      field = "";
      fieldWasQuoted = false;
      i++;
    } else if (char === "\r" || char === "\n") {
      endRecord();
      i += char === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += char;
      i++;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, `Line ${recordLine}: a quoted field is never closed.`);
  if (field !== "" || fields.length > 0 || fieldWasQuoted) endRecord();
  return { delimiter, records, omittedRecords };
}
