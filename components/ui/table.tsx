import type { ReactNode } from "react";

/**
 * A column header: its text; `{ label, hidden: true }` for a column whose
 * header is read by screen readers only (a column of row buttons, say); or
 * `{ key, content }` for a header holding a control (a "select all" checkbox).
 * `false`, `null` and `undefined` leave the column out, for `cond && "Label"`.
 */
export type DataTableHeader =
  | string
  | { label: string; hidden: true }
  | { key: string; content: ReactNode }
  | false
  | null
  | undefined;

function HeaderCell({ header }: { header: Exclude<DataTableHeader, false | null | undefined> }) {
  if (typeof header === "string") {
    return (
      <th scope="col" className="px-4 py-3 font-semibold">
        {header}
      </th>
    );
  }
  if ("content" in header) {
    return (
      <th scope="col" className="px-4 py-3">
        {header.content}
      </th>
    );
  }
  return (
    <th scope="col" className="px-4 py-3 font-semibold">
      <span className="sr-only">{header.label}</span>
    </th>
  );
}

const headerKey = (header: Exclude<DataTableHeader, false | null | undefined>) =>
  typeof header === "string" ? header : "content" in header ? header.key : header.label;

/**
 * The portal's data table: a bordered, horizontally scrolling box holding a
 * table with a screen-reader caption, one header row of `<th scope="col">`
 * cells and a `<tbody>` of the rows passed as children. `empty`, when given
 * (`rows.length === 0 && "No … yet."`), is shown as one row across every column.
 */
export function DataTable({
  caption,
  headers,
  children,
  empty,
  className,
}: {
  caption: ReactNode;
  headers: DataTableHeader[];
  children: ReactNode;
  empty?: ReactNode;
  /** Extra classes for the outer box, e.g. a bottom margin. */
  className?: string;
}) {
  return (
    <div className={`overflow-x-auto rounded-lg border border-gray-200 bg-white${className ? ` ${className}` : ""}`}>
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50 text-left">
          <tr>
            {headers.map((header) => (header ? <HeaderCell key={headerKey(header)} header={header} /> : null))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {empty ? <EmptyRow colSpan={headers.filter(Boolean).length}>{empty}</EmptyRow> : null}
          {children}
        </tbody>
      </table>
    </div>
  );
}

/** The one row of a table with nothing to show, spanning every column. */
function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-4 py-6 text-center text-gray-600">
        {children}
      </td>
    </tr>
  );
}
