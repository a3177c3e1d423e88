import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "@/lib/csv/parse";
import { neutraliseCell, toCsv } from "@/lib/csv/write";

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

  it("refuses an unterminated quote with its line number", () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(/Line 2/);
  });
});

describe("writing CSV", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const value of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]) expect(neutraliseCell(value)).toBe(`'${value}`);
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
