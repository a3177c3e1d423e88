"use client";
import { useEffect, useRef, useState, type RefObject } from "react";
import { ChoiceGroup, SelectField } from "@/components/form/fields";
import { isPartnerRole, PARTNER_PERMISSIONS, PARTNER_ROLE_KEYS, PARTNER_ROLES, PERMISSION_INFO } from "@/lib/auth/permissions";
import { NOTIFICATION_INFO, type NotificationKind } from "@/lib/notifications/kinds";

// The fields the invite and edit forms share: role (radio), manager,
// permissions and notification settings (labelled checkboxes with a one-line
// explanation each), each with the saved values as its defaults.

export function RoleField({ defaultRole }: { defaultRole: string | null }) {
  return (
    <ChoiceGroup
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
    <ChoiceGroup
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
      <ChoiceGroup
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

/** The role ticked in the same form's RoleField, followed as the user changes it. */
function useChosenRole(ref: RefObject<HTMLElement | null>) {
  const [role, setRole] = useState<string | null>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const read = () => setRole((form.querySelector<HTMLInputElement>('input[name="role"]:checked')?.value ?? "") || null);
    read();
    form.addEventListener("change", read);
    return () => form.removeEventListener("change", read);
  }, [ref]);
  return role;
}

export function ManagerField({ managers, defaultManagerId }: { managers: { id: string; firstName: string; lastName: string }[]; defaultManagerId: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const role = useChosenRole(ref);
  // Which roles need a manager is the role catalog's rule (lib/auth/permissions.ts); the server enforces it.
  const needsManager = isPartnerRole(role) && PARTNER_ROLES[role].requiresManager;
  return (
    <div ref={ref}>
      <SelectField
        name="managerId"
        label="Manager"
        requirement={needsManager ? `required for a ${PARTNER_ROLES[role].label}` : undefined}
        hint={
          needsManager
            ? "The Partner Admin they report to."
            : "Required for a Partner Account Executive: the Partner Admin they report to."
        }
        defaultValue={defaultManagerId ?? ""}
        options={managers.map((manager) => ({ value: manager.id, label: `${manager.firstName} ${manager.lastName}` }))}
      />
    </div>
  );
}
