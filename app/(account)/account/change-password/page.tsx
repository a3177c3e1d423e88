import { requireCaller } from "@/lib/auth/caller";
import { changeOwnPasswordAction } from "@/lib/customers/account-actions";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";

export const metadata = { title: "Choose a new password" };

export default async function ChangePasswordPage() {
  const caller = await requireCaller();
  return (
    <>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      <p className="mt-2 mb-6 text-sm text-gray-700">
        {caller.mustChangePassword
          ? `Welcome, ${caller.firstName}. You signed in with a temporary password: choose your own to continue.`
          : "Choose a new password. Your other sessions will be signed out."}
      </p>
      <ActionForm action={changeOwnPasswordAction} aria-label="Choose a new password">
        <TextField
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Common passwords are refused."
          required
        />
        <TextField name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" required />
        <SubmitButton pendingLabel="Saving…">Save password</SubmitButton>
      </ActionForm>
    </>
  );
}
