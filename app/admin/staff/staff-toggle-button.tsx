"use client";
import { useActionState } from "react";
import { disableStaffAction, enableStaffAction } from "@/lib/support/staff-actions";

export function StaffToggleButton({ userId, name, disable }: { userId: string; name: string; disable: boolean }) {
  const [state, action, pending] = useActionState(disable ? disableStaffAction : enableStaffAction, null);
  const label = disable ? "Disable" : "Enable";
  return (
    <form action={action} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="userId" value={userId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`${label} ${name}`}
        className="rounded-md border border-gray-300 px-3 py-1 text-xs font-medium hover:bg-gray-50 disabled:opacity-60"
      >
        {pending ? "Working…" : label}
      </button>
      {state && (
        <span role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.ok ? state.message : state.formError}
        </span>
      )}
    </form>
  );
}
