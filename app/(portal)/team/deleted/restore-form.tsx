"use client";
import { useActionState, useId } from "react";
import { restoreUserAction } from "@/lib/team/actions";

// Restore is one click; when the manager is gone the answer asks for a new
// one and the same form shows a manager list.
export function RestoreForm({ userId, name, managers }: { userId: string; name: string; managers: { id: string; firstName: string; lastName: string }[] }) {
  const [state, action, pending] = useActionState(restoreUserAction, null);
  const id = useId();
  const needsManager = state && !state.ok && Boolean(state.fieldErrors?.managerId);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="userId" value={userId} />
      {needsManager && (
        <div>
          <label htmlFor={id} className="block text-xs font-medium">New manager for {name}</label>
          <select id={id} name="managerId" className="mt-1 rounded-md border border-gray-300 px-2 py-1 text-sm" aria-describedby={`${id}-error`}>
            <option value="">— Choose —</option>
            {managers.map((m) => (
              <option key={m.id} value={m.id}>{m.firstName} {m.lastName}</option>
            ))}
          </select>
          <p id={`${id}-error`} className="mt-1 text-xs text-red-700">{state.fieldErrors?.managerId?.[0]}</p>
        </div>
      )}
      <button type="submit" disabled={pending} aria-label={`Restore ${name}`} className="rounded-md border border-gray-300 px-3 py-1 text-sm font-medium hover:bg-gray-50 disabled:opacity-60">
        {pending ? "Restoring…" : "Restore"}
      </button>
      {state && (state.ok || !needsManager) && (
        <span role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.ok ? state.message : state.formError}
        </span>
      )}
    </form>
  );
}
