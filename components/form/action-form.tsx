"use client";
import { createContext, useActionState, useContext, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { FormAction, FormState } from "@/lib/actions/form-state";
import { SupportLinkFor } from "../ui/support-link";

// The one form pattern (STYLE §3): a server action through useActionState;
// fields read their error and echoed value from this context.
const FormStateContext = createContext<FormState<unknown> | null>(null);

export function ActionForm<T>({
  action,
  children,
  className,
  hiddenFields,
  "aria-label": ariaLabel,
}: {
  action: FormAction<T>;
  children: ReactNode;
  className?: string;
  hiddenFields?: Record<string, string>;
  "aria-label"?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <FormStateContext value={state as FormState<unknown> | null}>
      <form action={formAction} noValidate className={className ?? "space-y-5"} aria-label={ariaLabel}>
        <FormMessage state={state as FormState<unknown> | null} />
        {hiddenFields &&
          Object.entries(hiddenFields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        {children}
      </form>
    </FormStateContext>
  );
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

export function SubmitButton({ children, pendingLabel }: { children: ReactNode; pendingLabel?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="inline-flex items-center rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-blue-800 disabled:opacity-60"
    >
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}
