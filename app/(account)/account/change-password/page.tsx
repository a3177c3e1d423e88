import Link from "next/link";
import { requireCaller } from "@/lib/auth/caller";
import { changeOwnPasswordAction } from "@/lib/auth/actions";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { NewPasswordFields } from "@/components/auth/new-password-form";

export const metadata = { title: "Choose a new password" };

// Every signed-in user's own password (partner users, customer users, staff).
export default async function ChangePasswordPage() {
  const caller = await requireCaller();
  return (
    <>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      <p className="mt-2 mb-6 text-sm text-gray-700">
        {caller.mustChangePassword
          ? `Welcome, ${caller.firstName}. You signed in with a temporary password: type it again, then choose your own to continue.`
          : "Type your current password, then choose a new one. Your other sessions will be signed out."}
      </p>
      <ActionForm action={changeOwnPasswordAction} aria-label="Choose a new password">
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          hint={caller.mustChangePassword ? "The temporary password you signed in with." : undefined}
          required
        />
        <NewPasswordFields />
        <SubmitButton pendingLabel="Saving…">Save password</SubmitButton>
      </ActionForm>
      {!caller.mustChangePassword && (
        <p className="mt-4 text-sm">
          <Link href="/" className="text-blue-700 underline">
            Cancel
          </Link>
        </p>
      )}
    </>
  );
}
