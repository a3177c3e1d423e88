"use client";
import { useId, type ReactNode } from "react";
import { useField } from "./action-form";
import { SupportLinkFor } from "../ui/support-link";

/**
 * A field's error messages, referenced by its aria-describedby. A message
 * that sends the user to support gets the link, its subject naming `value`
 * (what was typed in the field), e.g. "Duplicate email for …" (lib/support-contact.ts).
 */
function FieldErrors({ id, errors, value }: { id: string; errors?: string[]; value?: string }) {
  if (!errors?.length) return null;
  return (
    <div id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {errors.map((error) => (
        <p key={error}>
          {error}
          <SupportLinkFor message={error} value={value} />
        </p>
      ))}
    </div>
  );
}

/**
 * The label (marked optional unless required, or with `requirement` when the
 * field is required only in some cases, e.g. "required for a Partner Account
 * Executive") and the hint above an input.
 */
function FieldLabel({
  id,
  label,
  required,
  requirement,
  hint,
}: {
  id: string;
  label: string;
  required?: boolean;
  requirement?: string;
  hint?: string;
}) {
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}
        {requirement ? (
          <span className="font-normal text-gray-700"> ({requirement})</span>
        ) : (
          !required && <span className="font-normal text-gray-500"> (optional)</span>
        )}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-gray-600">
          {hint}
        </p>
      )}
    </>
  );
}

/** aria-describedby for an input: its hint and its errors, when shown. */
function describedBy(id: string, hint: string | undefined, errors: string[] | undefined) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

const inputClass =
  "mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm focus:border-blue-600 aria-[invalid=true]:border-red-600";

export function TextField({
  name,
  label,
  type = "text",
  autoComplete,
  hint,
  required,
  defaultValue,
}: {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "tel" | "search" | "date";
  autoComplete?: string;
  hint?: string;
  required?: boolean;
  defaultValue?: string;
}) {
  const id = useId();
  const { errors, value } = useField(name);
  // Passwords are never echoed back (the server drops them too).
  const initial = type === "password" ? undefined : typeof value === "string" ? value : defaultValue;
  return (
    <div>
      <FieldLabel id={id} label={label} required={required} hint={hint} />
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        defaultValue={initial}
        key={initial}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
      />
      <FieldErrors id={`${id}-error`} errors={errors} value={typeof value === "string" ? value : undefined} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  options,
  hint,
  required,
  requirement,
  placeholder,
  defaultValue = "",
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  hint?: string;
  required?: boolean;
  /** Shown next to the label instead of "(optional)" when the field is required in the current case. */
  requirement?: string;
  placeholder?: string;
  /** The saved value; after a refused submit the echoed one wins. */
  defaultValue?: string;
}) {
  const id = useId();
  const { errors, value } = useField(name);
  const initial = typeof value === "string" ? value : defaultValue;
  return (
    <div>
      <FieldLabel id={id} label={label} required={required} requirement={requirement} hint={hint} />
      <select
        id={id}
        name={name}
        defaultValue={initial}
        key={initial}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
      >
        <option value="">{placeholder ?? "— None —"}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** Labelled checkboxes (several values) or radio buttons (one value). */
export type ChoiceOption = { value: string; label: string; description?: ReactNode; disabled?: boolean };

/**
 * Labelled checkboxes (several values) or radio buttons (one value), each
 * with an optional one-line explanation. `defaults` are the saved values;
 * after a refused submit the echoed ones win, like every other field. A
 * disabled option shows as ticked and sends nothing (e.g. an always-on setting).
 */
export function ChoiceGroup({
  name,
  legend,
  options,
  hint,
  type = "checkbox",
  defaults = [],
}: {
  name: string;
  legend: string;
  options: ChoiceOption[];
  hint?: string;
  type?: "checkbox" | "radio";
  defaults?: readonly string[];
}) {
  const id = useId();
  const { errors, value } = useField(name);
  const echoed = value === undefined ? undefined : Array.isArray(value) ? value : [value];
  const checked = new Set(echoed ?? defaults);
  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-gray-900">{legend}</legend>
      {hint && <p className="text-sm text-gray-600">{hint}</p>}
      <div className="mt-2 space-y-2">
        {options.map((option) => {
          const optionId = `${id}-${option.value || "none"}`;
          const isChecked = checked.has(option.value) || Boolean(option.disabled);
          return (
            <div key={option.value} className="flex items-start gap-2">
              <input
                id={optionId}
                type={type}
                name={option.disabled ? undefined : name}
                value={option.value}
                defaultChecked={isChecked}
                disabled={option.disabled}
                key={`${option.value}-${isChecked}`}
                className="mt-1 h-4 w-4 border-gray-300"
                aria-describedby={option.description ? `${optionId}-desc` : undefined}
              />
              <div className="text-sm">
                <label htmlFor={optionId} className="font-medium text-gray-900">
                  {option.label}
                </label>
                {option.description && (
                  <p id={`${optionId}-desc`} className="text-gray-600">
                    {option.description}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
