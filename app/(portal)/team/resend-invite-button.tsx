"use client";
import { useActionState } from "react";
import { resendInviteAction } from "@/lib/team/actions";

export function ResendInviteButton({ userId, name, expired = false }: { userId: string; name: string; expired?: boolean }) {
  const [state, action, pending] = useActionState(resendInviteAction, null);
  return (
    <form action={action} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="userId" value={userId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`${expired ? "Re-invite" : "Resend invite to"} ${name}`}
        className="rounded-md border border-gray-300 px-3 py-1 text-xs font-medium hover:bg-gray-50 disabled:opacity-60"
      >
        {pending ? "Sending…" : expired ? "Re-invite" : "Resend invite"}
      </button>
      {state && (
        <span role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.ok ? state.message : state.formError}
        </span>
      )}
    </form>
  );
}
