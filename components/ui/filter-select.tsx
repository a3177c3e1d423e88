/** The look of a control in a list's filter form (the GET form above a list: team, customer users, audit log). */
export const filterControlClass = "mt-1 rounded-md border border-gray-300 px-3 py-1.5";

export type FilterOption = { value: string; label: string };

/**
 * One labelled drop-down of a list's filter form. The form is GET, so the
 * choice lives in the URL and `defaultValue` is what the URL says. `anyLabel` is
 * the empty first option that means "don't filter" ("Any status", "All
 * partners"); leave it out when the field always has a value (a sort order).
 * Options are a flat list, or `groups` of options under headings.
 */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  anyLabel,
  options = [],
  groups = [],
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string | undefined;
  anyLabel?: string;
  options?: FilterOption[];
  groups?: { label: string; options: FilterOption[] }[];
}) {
  const optionList = (list: FilterOption[]) =>
    list.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ));
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} className={filterControlClass}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {optionList(options)}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {optionList(group.options)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
