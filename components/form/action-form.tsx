"use client";
import { createContext, useActionState, useContext, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { FormAction, FormState } from "@/lib/actions/form-state";
import { SupportLinkFor } from "../ui/support-link";

// The one form pattern (STYLE §3, decision 0028): a server action through
// useActionState; fields read their error and echoed value from this context,
// and anything else that shows the answer (a key shown once, a list that
// appears on a refusal) reads it with useFormResult. Values held in React
// state rather than inputs go to the same actions through ./post-values.
const FormStateContext = createContext<FormState<unknown> | null>(null);

export function ActionForm<T>({
  action,
  children,
  className,
  hiddenFields,
  messageAt = "start",
  onSubmit,
  "aria-label": ariaLabel,
}: {
  action: FormAction<T>;
  children: ReactNode;
  className?: string;
  hiddenFields?: Record<string, string>;
  /** Where the form's own message (success, or a refusal not tied to a field) shows: above the fields, or after them. */
  messageAt?: "start" | "end";
  /** Runs as the form is sent (e.g. closing the dialog it sits in). */
  onSubmit?: () => void;
  "aria-label"?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const message = <FormMessage state={state as FormState<unknown> | null} />;
  return (
    <FormStateContext value={state as FormState<unknown> | null}>
      <form action={formAction} onSubmit={onSubmit} noValidate className={className ?? "space-y-5"} aria-label={ariaLabel}>
        {messageAt === "start" && message}
        {hiddenFields &&
          Object.entries(hiddenFields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        {children}
        {messageAt === "end" && message}
      </form>
    </FormStateContext>
  );
}

/** The enclosing ActionForm's last answer (null before the first), for what shows the result beyond fields and message. */
export function useFormResult<T>() {
  return useContext(FormStateContext) as FormState<T> | null;
}

function FormMessage({ state }: { state: FormState<unknown> | null }) {
  if (!state) return null;
  if (state.ok) {
    return state.message ? (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
        {state.message}
      </p>
    ) : null;
  }
  // A refusal that sends the user to support (e.g. a disabled account) links to it, naming the login typed.
  const login = state.values?.login;
  return state.formError ? (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      {state.formError}
      <SupportLinkFor message={state.formError} value={typeof login === "string" ? login : undefined} />
    </p>
  ) : null;
}

export function useField(name: string) {
  const state = useContext(FormStateContext);
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  const value = state && !state.ok ? state.values?.[name] : undefined;
  return { errors, value, succeeded: state?.ok === true };
}

const submitClasses = {
  primary: "rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-blue-800",
  secondary: "rounded-md border border-gray-300 px-3 py-1 text-sm font-medium hover:bg-gray-50",
  danger: "rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800",
};

export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  accessibleName,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: keyof typeof submitClasses;
  /** The button's name when its text alone is ambiguous, e.g. "Restore Ada Exec" in a list. */
  accessibleName?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      aria-label={accessibleName}
      className={`inline-flex items-center disabled:opacity-60 ${submitClasses[variant]}`}
    >
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}
