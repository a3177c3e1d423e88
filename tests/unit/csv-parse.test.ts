import { describe, expect, it } from "vitest";
import { CsvLimitError, CsvSyntaxError, parseCsv } from "@/lib/csv/parse";
import { neutraliseCell, restoreCell, toCsv } from "@/lib/csv/write";

const fieldsOf = (text: string) => parseCsv(text).records.map((record) => record.fields);

describe("reading CSV", () => {
  it("reads comma-separated lines with LF or CRLF endings", () => {
    expect(fieldsOf("a,b\n1,2\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(fieldsOf("a,b\r\n1,2\r\n3,4")).toEqual([["a", "b"], ["1", "2"], ["3", "4"]]);
  });

  it("drops the UTF-8 byte order mark so the first header matches", () => {
    expect(fieldsOf("\uFEFFFirst name,Email\nÅsa,å@example.com")).toEqual([["First name", "Email"], ["Åsa", "å@example.com"]]);
  });

  it("detects semicolons from the header line, as Excel writes them in many locales", () => {
    const parsed = parseCsv("First name;Last name;Email\nAda;Lovelace, Countess;ada@example.com");
    expect(parsed.delimiter).toBe(";");
    expect(parsed.records[1].fields).toEqual(["Ada", "Lovelace, Countess", "ada@example.com"]);
  });

  it("reads quoted fields with doubled quotes, delimiters and embedded newlines", () => {
    const parsed = parseCsv('name,note\n"Smith, Jo","said ""hi""\nthen left"\nnext,row');
    expect(parsed.records.map((r) => r.fields)).toEqual([
      ["name", "note"],
      ["Smith, Jo", 'said "hi"\nthen left'],
      ["next", "row"],
    ]);
    // Line numbers are the file's: the record after the two-line field starts on line 4.
    expect(parsed.records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("skips blank lines but keeps counting them", () => {
    const parsed = parseCsv("a,b\n\n1,2\r\n\r\n3,4\n\n");
    expect(parsed.records.map((r) => [r.line, r.fields])).toEqual([
      [1, ["a", "b"]],
      [3, ["1", "2"]],
      [5, ["3", "4"]],
    ]);
  });

  it("detects tabs (Excel's \"Unicode text\") and keeps commas and semicolons inside their cells", () => {
    const parsed = parseCsv("First name\tLast name\tEmail\nAda\tLovelace; Countess, of Lovelace\tada@example.com\n");
    expect(parsed.delimiter).toBe("\t");
    expect(parsed.records[1].fields).toEqual(["Ada", "Lovelace; Countess, of Lovelace", "ada@example.com"]);
  });

  it("guesses the delimiter from the rows, not only the header: a one-column header reads as one column", () => {
    expect(parseCsv("Email\nada@example.com\n").records.map((r) => r.fields)).toEqual([["Email"], ["ada@example.com"]]);
    // Blank lines between the rows don't spoil the guess.
    expect(parseCsv("a;b\n\n\n1;2\n\n3;4").records.map((r) => r.fields)).toEqual([["a", "b"], ["1", "2"], ["3", "4"]]);
  });

  it("refuses text after a closing quote by its line, instead of reading the rest of the file into one cell", () => {
    expect(() => parseCsv('a,b\n1,2\n"Smith" Jr,x\n5,6')).toThrow('Line 3: a quoted field has text after its closing quote (write a quote inside a field as "").');
  });

  it("refuses an unterminated quote with its line number", () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(/Line 2/);
  });
});

describe("reading CSV within limits", () => {
  it("refuses a header of 500,000 columns before building anything, naming the count and the limit", () => {
    const text = `${"a,".repeat(500_000)}\n1,2`;
    expect(() => parseCsv(text, { maxColumns: 50 })).toThrow(CsvLimitError);
    expect(() => parseCsv(text, { maxColumns: 50 })).toThrow("The file has too many columns (500,001; at most 50).");
    // Semicolon files count semicolons; leading blank lines are skipped to find the header.
    expect(() => parseCsv(`\r\n\n${"x;".repeat(60)}x`, { maxColumns: 50 })).toThrow("The file has too many columns (61; at most 50).");
    expect(parseCsv("a,b,c\n1,2,3", { maxColumns: 3 }).records).toHaveLength(2);
  });

  it("refuses a later line with too many columns, by its line number, as soon as it passes the limit", () => {
    expect(() => parseCsv(`a,b\n1,2\n\n${"x,".repeat(9)}"q,uoted"`, { maxColumns: 2 })).toThrow("Line 4 has too many columns (10; at most 2).");
  });

  it("refuses a header line longer than the limit", () => {
    expect(() => parseCsv(`a,${"b".repeat(3000)}\n1,2`, { maxHeaderChars: 2000 })).toThrow(
      "The header line (line 1) is longer than 2,000 characters.",
    );
    expect(parseCsv(`a,${"b".repeat(1998)}\n1,2`, { maxHeaderChars: 2000 }).records).toHaveLength(2);
  });

  it("keeps at most maxRecords records and counts the rest", () => {
    const parsed = parseCsv("h\n1\n\n2\n3\n4\n", { maxRecords: 2 });
    expect(parsed.records.map((r) => r.fields[0])).toEqual(["h", "1"]);
    expect(parsed.omittedRecords).toBe(3);
  });
});

describe("writing CSV", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const value of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]) expect(neutraliseCell(value)).toBe(`'${value}`);
    // Spreadsheets skip leading spaces before a formula.
    for (const value of [" =1+1", "  @SUM(A1)", "\u00a0-2"]) expect(neutraliseCell(value)).toBe(`'${value}`);
    expect(neutraliseCell("Ada")).toBe("Ada");
    expect(neutraliseCell("a=b")).toBe("a=b");
  });

  it("quotes what needs quoting and round-trips through the reader", () => {
    const rows = [["Name", "Note"], ["Smith, Jo", 'said "hi"\nthen left'], ["=HYPERLINK(\"x\")", "ok"]];
    const text = toCsv(rows);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(fieldsOf(text)).toEqual([["Name", "Note"], ["Smith, Jo", 'said "hi"\nthen left'], ["'=HYPERLINK(\"x\")", "ok"]]);
  });
});

describe("writing CSV safely in every locale", () => {
  it("quotes every cell holding a comma, semicolon, tab, quote or line break, whatever the delimiter", () => {
    const row = ["a;b", "c,d", "e\tf", 'g"h', "i\nj", "k\rl", "plain"];
    const expected = '"a;b","c,d","e\tf","g""h","i\nj","k\rl",plain';
    expect(toCsv([row])).toBe(`\uFEFF${expected}\r\n`);
    expect(toCsv([row], { delimiter: ";" })).toBe(`\uFEFF${expected.replaceAll('",', '";').replace(",plain", ";plain")}\r\n`);
  });

  it("neutralises a formula at the start of any cell and quotes it when it holds a separator", () => {
    expect(toCsv([["\t=1", "=SUM(1;2)", "@x,y", "\r-1"]])).toBe(`\uFEFF"'\t=1","'=SUM(1;2)","'@x,y","'\r-1"\r\n`);
  });

  it("reads back what it wrote, formula quotes taken off again by restoreCell", () => {
    const cells = ["=1+1", "+44 20 7946 0958", " @x", "it's", "'quoted", "-"];
    const [read] = parseCsv(toCsv([cells])).records;
    expect(read.fields.map(restoreCell)).toEqual(cells);
  });
});
