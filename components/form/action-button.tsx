"use client";
import { useActionState } from "react";
import type { FormAction } from "@/lib/actions/form-state";

// One-click actions (resend invite, reset link, disable …): a tiny form
// posting hidden fields, with the outcome announced next to the button.
export function ActionButton<T>({
  action,
  fields,
  label,
  pendingLabel = "Working…",
  accessibleName,
  variant = "secondary",
  size = "md",
}: {
  action: FormAction<T>;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  accessibleName?: string;
  variant?: "secondary" | "danger";
  /** "sm" for buttons inside table rows, right-aligned with their message. */
  size?: "sm" | "md";
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={`inline-flex flex-col gap-1 ${size === "sm" ? "items-end" : "items-start"}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleName}
        className={`rounded-md border px-3 font-medium disabled:opacity-60 ${size === "sm" ? "py-1 text-xs" : "py-1.5 text-sm"} ${
          variant === "danger" ? "border-red-300 text-red-800 hover:bg-red-50" : "border-gray-300 hover:bg-gray-50"
        }`}
      >
        {pending ? pendingLabel : label}
      </button>
      {state && (
        <span role={state.ok ? "status" : "alert"} className={`${size === "sm" ? "text-xs" : "text-sm"} ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.ok ? state.message : state.formError}
        </span>
      )}
    </form>
  );
}

/** A people table's "Resend invite" / "Re-invite" (lib/team/status.ts inviteAction), named for the person it invites. */
export function ResendInviteButton<T>({
  action,
  user,
  inviteAction,
}: {
  action: FormAction<T>;
  user: { id: string; firstName: string; lastName: string };
  inviteAction: "Re-invite" | "Resend invite";
}) {
  return (
    <ActionButton
      action={action}
      fields={{ userId: user.id }}
      size="sm"
      label={inviteAction}
      pendingLabel="Sending…"
      accessibleName={`${inviteAction === "Re-invite" ? "Re-invite" : "Resend invite to"} ${user.firstName} ${user.lastName}`}
    />
  );
}
