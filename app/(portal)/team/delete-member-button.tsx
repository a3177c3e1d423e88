"use client";
import { useActionState, useRef } from "react";
import type { FormAction } from "@/lib/actions/form-state";

/** Delete with a confirmation dialog that names the person. */
export function DeleteMemberButton<T>({ action, userId, name }: { action: FormAction<T>; userId: string; name: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
      >
        Delete user
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {state.formError}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby="delete-title" className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40">
        <h2 id="delete-title" className="text-lg font-semibold">
          Delete {name}?
        </h2>
        <p className="mt-2 text-sm text-gray-700">
          {name} is signed out at once and can&apos;t sign in. Their email becomes free. You can restore them from
          Deleted users for 30 days; after that they are removed for good (the audit log keeps their history).
        </p>
        <form action={formAction} className="mt-4 flex justify-end gap-2" onSubmit={() => dialog.current?.close()}>
          <input type="hidden" name="userId" value={userId} />
          <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-gray-300 px-3 py-1.5 text-sm">
            Cancel
          </button>
          <button type="submit" disabled={pending} className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800">
            {pending ? "Deleting…" : `Delete ${name}`}
          </button>
        </form>
      </dialog>
    </>
  );
}
