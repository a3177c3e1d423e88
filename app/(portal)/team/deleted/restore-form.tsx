"use client";
import { restoreUserAction } from "@/lib/team/actions";
import { ActionForm, SubmitButton, useField } from "@/components/form/action-form";
import { SelectField } from "@/components/form/fields";

type Manager = { id: string; firstName: string; lastName: string };

// Restore is one click; when the manager is gone the answer asks for a new
// one and the same form shows a manager list.
export function RestoreForm({ userId, name, managers }: { userId: string; name: string; managers: Manager[] }) {
  return (
    <ActionForm action={restoreUserAction} hiddenFields={{ userId }} messageAt="end" className="flex flex-col items-start gap-1">
      <NewManagerWhenAsked name={name} managers={managers} />
      <SubmitButton variant="secondary" pendingLabel="Restoring…" accessibleName={`Restore ${name}`}>
        Restore
      </SubmitButton>
    </ActionForm>
  );
}

/** The manager list, shown only once the server answered that a new manager is needed. */
function NewManagerWhenAsked({ name, managers }: { name: string; managers: Manager[] }) {
  const { errors } = useField("managerId");
  if (!errors?.length) return null;
  return (
    <SelectField
      name="managerId"
      label={`New manager for ${name}`}
      required
      placeholder="— Choose —"
      options={managers.map((m) => ({ value: m.id, label: `${m.firstName} ${m.lastName}` }))}
    />
  );
}
