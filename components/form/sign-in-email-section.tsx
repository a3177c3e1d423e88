import type { FormAction } from "@/lib/actions/form-state";
import { formatDateTime } from "../ui/format";
import { ActionForm, SubmitButton } from "./action-form";
import { TextField } from "./fields";

/**
 * The "Sign-in email" section of a person's edit page (a team member, a
 * customer user): the current address, a change waiting for confirmation, and
 * the form that sends a confirmation link to a new address.
 */
export function SignInEmailSection<T>({
  action,
  hiddenFields,
  email,
  firstName,
  pendingEmail,
}: {
  action: FormAction<T>;
  hiddenFields: Record<string, string>;
  email: string;
  firstName: string;
  pendingEmail: { newEmail: string | null; expiresAt: Date } | null;
}) {
  return (
    <section aria-labelledby="email-heading" className="mt-6 rounded-lg border border-gray-200 bg-white p-6">
      <h2 id="email-heading" className="text-lg font-semibold">Sign-in email</h2>
      <p className="mb-4 mt-1 text-sm text-gray-700">
        Currently {email}. A new address must be confirmed through a link sent to it; {firstName} is told at the current address.
        {pendingEmail && ` A change to ${pendingEmail.newEmail} is waiting for confirmation until ${formatDateTime(pendingEmail.expiresAt)}.`}
      </p>
      <ActionForm action={action} aria-label="Change sign-in email" hiddenFields={hiddenFields}>
        <TextField name="newEmail" label="New email" type="email" autoComplete="off" required />
        <SubmitButton pendingLabel="Sending…">Send confirmation link</SubmitButton>
      </ActionForm>
    </section>
  );
}
