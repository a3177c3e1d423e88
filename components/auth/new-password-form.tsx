import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import type { FormAction } from "@/lib/actions/form-state";

const MIN_PASSWORD_LENGTH = 12;

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
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Common passwords are refused.`}
        required
      />
      <TextField name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" required />
      <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
