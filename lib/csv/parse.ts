// A small CSV reader for Excel-compatible files (DESIGN §5), written here
// rather than pulled in as a dependency: UTF-8 with or without BOM, comma or
// semicolon (Excel uses ";" where "," is the decimal mark), quoted fields with
// doubled quotes and embedded newlines, CRLF or LF. Pure: safe anywhere.

export type CsvRecord = {
  /** 1-based line of the file where the record starts (what people see in Excel or an editor). */
  line: number;
  fields: string[];
};

export type ParsedCsv = { delimiter: "," | ";"; records: CsvRecord[] };

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The header line decides the delimiter: whichever of ";" and "," appears more outside quotes. */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Parses the whole text; blank lines are skipped. Throws CsvSyntaxError on an unterminated quote. */
export function parseCsv(input: string): ParsedCsv {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
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
    if (!(fields.length === 1 && fields[0] === "" && !fieldWasQuoted)) records.push({ line: recordLine, fields });
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
  return { delimiter, records };
}
