"use client";
import { useRef } from "react";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm, SubmitButton } from "@/components/form/action-form";

/** Delete with a confirmation dialog that names the person; a refusal shows under the button. */
export function DeleteMemberButton<T>({ action, userId, name }: { action: FormAction<T>; userId: string; name: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <ActionForm action={action} hiddenFields={{ userId }} messageAt="end" className="flex flex-col items-start gap-1" onSubmit={() => dialog.current?.close()}>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
      >
        Delete user
      </button>
      <dialog ref={dialog} aria-labelledby="delete-title" className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40">
        <h2 id="delete-title" className="text-lg font-semibold">
          Delete {name}?
        </h2>
        <p className="mt-2 text-sm text-gray-700">
          {name} is signed out at once and can&apos;t sign in. Their email becomes free. You can restore them from
          Deleted users for 30 days; after that they are removed for good (the audit log keeps their history).
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-gray-300 px-3 py-1.5 text-sm">
            Cancel
          </button>
          <SubmitButton variant="danger" pendingLabel="Deleting…">{`Delete ${name}`}</SubmitButton>
        </div>
      </dialog>
    </ActionForm>
  );
}
