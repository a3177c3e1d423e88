import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import type { FormAction } from "@/lib/actions/form-state";
import { NEW_PASSWORD_HINT } from "@/lib/auth/password-rules";

/** Choose-a-password form shared by activation and password reset links. */
export function NewPasswordForm({
  action,
  token,
  submitLabel,
  pendingLabel,
}: {
  action: FormAction;
  token: string;
  submitLabel: string;
  pendingLabel: string;
}) {
  return (
    <ActionForm action={action} hiddenFields={{ token }}>
      <NewPasswordFields />
      <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}

/** The new password and its confirmation, with the password rules as the hint: every form that sets a password. */
export function NewPasswordFields() {
  return (
    <>
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={NEW_PASSWORD_HINT}
        required
      />
      <TextField name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" required />
    </>
  );
}
