"use client";
import { useId, type ReactNode } from "react";
import { useField } from "@/components/form/action-form";
import { FieldErrors } from "@/components/form/fields";
import { PARTNER_PERMISSIONS, PARTNER_ROLE_KEYS, PARTNER_ROLES, PERMISSION_INFO } from "@/lib/auth/permissions";
import { NOTIFICATION_INFO, type NotificationKind } from "@/lib/notifications/kinds";

// The fields the invite and edit forms share: role (radio), manager,
// permissions and notification settings (labelled checkboxes with a one-line
// explanation each). Each takes the saved value as its default; after a
// refused submit the echoed values win, like every other field.

function useChecked(name: string, defaults: readonly string[]) {
  const { errors, value } = useField(name);
  const echoed = value === undefined ? undefined : Array.isArray(value) ? value : [value];
  return { errors, checked: new Set(echoed ?? defaults), echoed: echoed !== undefined };
}

type Option = { value: string; label: string; description: ReactNode; disabled?: boolean };

function Choices({
  name,
  legend,
  hint,
  type,
  options,
  defaults,
}: {
  name: string;
  legend: string;
  hint?: string;
  type: "radio" | "checkbox";
  options: Option[];
  defaults: readonly string[];
}) {
  const id = useId();
  const { errors, checked, echoed } = useChecked(name, defaults);
  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-gray-900">{legend}</legend>
      {hint && <p className="text-sm text-gray-600">{hint}</p>}
      <div className="mt-2 space-y-2">
        {options.map((option) => {
          const isChecked = checked.has(option.value) || Boolean(option.disabled);
          return (
            <div key={option.value} className="flex items-start gap-2">
              <input
                id={`${id}-${option.value || "none"}`}
                type={type}
                name={option.disabled ? undefined : name}
                value={option.value}
                defaultChecked={isChecked}
                disabled={option.disabled}
                key={`${option.value}-${isChecked}-${echoed}`}
                className="mt-1 h-4 w-4 border-gray-300"
                aria-describedby={`${id}-${option.value || "none"}-desc`}
              />
              <div className="text-sm">
                <label htmlFor={`${id}-${option.value || "none"}`} className="font-medium text-gray-900">
                  {option.label}
                </label>
                <p id={`${id}-${option.value || "none"}-desc`} className="text-gray-600">
                  {option.description}
                </p>
              </div>
            </div>
          );
        })}
      </div>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}

export function RoleField({ defaultRole }: { defaultRole: string | null }) {
  return (
    <Choices
      name="role"
      legend="Role"
      type="radio"
      hint="A role grants a set of permissions. Choose a role, permissions below, or both."
      defaults={[defaultRole ?? ""]}
      options={[
        ...PARTNER_ROLE_KEYS.map((key) => ({ value: key, label: PARTNER_ROLES[key].label, description: PARTNER_ROLES[key].description })),
        { value: "", label: "No role", description: "Only the permissions ticked below." },
      ]}
    />
  );
}

export function PermissionsField({ defaults }: { defaults: readonly string[] }) {
  return (
    <Choices
      name="permissions"
      legend="Permissions"
      type="checkbox"
      hint="Extra permissions on top of the role. You can only grant permissions you have."
      defaults={defaults}
      options={PARTNER_PERMISSIONS.map((permission) => ({
        value: permission,
        label: PERMISSION_INFO[permission].label,
        description: PERMISSION_INFO[permission].description,
      }))}
    />
  );
}

export function NotificationsField({ defaults, kinds }: { defaults: readonly string[]; kinds: readonly NotificationKind[] }) {
  return (
    <>
      {/* Security notices can't be turned off: the disabled box shows it, this sends it. */}
      <input type="hidden" name="notifications" value="security" />
      <Choices
        name="notifications"
        legend="Email notifications"
        type="checkbox"
        hint="Which emails this person receives."
        defaults={defaults}
        options={kinds.map((kind) => ({
          value: kind,
          label: NOTIFICATION_INFO[kind].label,
          description: NOTIFICATION_INFO[kind].requires
            ? `${NOTIFICATION_INFO[kind].description} Only sent to people with ${PERMISSION_INFO[NOTIFICATION_INFO[kind].requires!].label}.`
            : NOTIFICATION_INFO[kind].description,
          disabled: NOTIFICATION_INFO[kind].alwaysOn,
        }))}
      />
    </>
  );
}

export function ManagerField({ managers, defaultManagerId }: { managers: { id: string; firstName: string; lastName: string }[]; defaultManagerId: string | null }) {
  const id = useId();
  const { errors, value } = useField("managerId");
  const initial = typeof value === "string" ? value : (defaultManagerId ?? "");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        Manager <span className="font-normal text-gray-500">(optional)</span>
      </label>
      <p id={`${id}-hint`} className="text-sm text-gray-600">
        Required for a Partner Account Executive: the Partner Admin they report to.
      </p>
      <select
        id={id}
        name="managerId"
        defaultValue={initial}
        key={initial}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ""}`}
        className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-600"
      >
        <option value="">— None —</option>
        {managers.map((m) => (
          <option key={m.id} value={m.id}>
            {m.firstName} {m.lastName}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}
