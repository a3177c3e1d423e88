import Link from "next/link";
import { auditActionGroups } from "@/lib/audit/actions";
import type { AuditFilterValues } from "@/lib/audit/queries";
import type { FieldErrors } from "@/lib/errors";
import { Pager, queryHref } from "../ui/pager";
import { filterControlClass, FilterSelect } from "../ui/filter-select";

/** The filter form of an audit page (GET, so filters live in the URL); vendor staff also pick a partner. */
export function AuditFilterForm({
  path,
  values,
  problems,
  partners,
}: {
  path: string;
  values: AuditFilterValues;
  /** Filters that didn't parse (a date), shown next to their field; they are ignored. */
  problems: FieldErrors;
  partners?: { id: string; name: string }[];
}) {
  const field = (name: keyof AuditFilterValues, label: string, extra: { type?: string; placeholder?: string } = {}) => (
    <div>
      <label htmlFor={`audit-${name}`} className="block font-medium">
        {label}
      </label>
      <input
        id={`audit-${name}`}
        name={name}
        type={extra.type ?? "text"}
        placeholder={extra.placeholder}
        defaultValue={values[name] ?? ""}
        aria-invalid={problems[name] ? true : undefined}
        aria-describedby={problems[name] ? `audit-${name}-error` : undefined}
        className={filterControlClass}
      />
      {problems[name] && (
        <p id={`audit-${name}-error`} className="mt-1 text-xs text-red-800">
          {problems[name].join(" ")}
        </p>
      )}
    </div>
  );
  return (
    <>
      <form method="get" action={path} role="search" aria-label="Filter audit log" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-4 text-sm">
        {partners && (
          <FilterSelect
            id="audit-partnerId"
            name="partnerId"
            label="Partner"
            defaultValue={values.partnerId}
            anyLabel="All partners"
            options={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
          />
        )}
        {field("actor", "Actor email or API key name")}
        <FilterSelect
          id="audit-action"
          name="action"
          label="Action"
          defaultValue={values.action}
          anyLabel="All actions"
          groups={auditActionGroups().map((group) => ({ label: group.label, options: group.actions }))}
        />
        {field("target", "Target id")}
        {field("from", "From", { type: "date" })}
        {field("to", "To", { type: "date" })}
        <button type="submit" className="rounded-md border border-gray-300 px-4 py-1.5 font-medium hover:bg-gray-50">
          Apply
        </button>
        <Link href={path} className="py-1.5 text-blue-700 underline">
          Clear filters
        </Link>
      </form>
      {Object.keys(problems).length > 0 && (
        <p role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          Some filters were not understood ({Object.entries(problems).map(([name, messages]) => `${name}: ${messages.join(" ")}`).join("; ")}); they are ignored.
        </p>
      )}
    </>
  );
}

/** The "Older events" link (the one pager): the same filters, one page further. */
export function OlderEventsLink({ path, values, before }: { path: string; values: AuditFilterValues; before: string | null }) {
  return <Pager label="Audit log pages" next={before ? queryHref(path, { ...values, before }) : null} nextLabel="Older events" />;
}
