import Link from "next/link";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { PARTNER_PERMISSIONS, PARTNER_ROLE_KEYS, PARTNER_ROLES, PERMISSION_INFO } from "@/lib/auth/permissions";
import { listManagerCandidates } from "@/lib/team/queries";
import { inviteUserAction } from "@/lib/team/actions";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { ChoiceGroup, SelectField, TextField } from "@/components/form/fields";

export const metadata = { title: "Invite user" };

export default async function InviteUserPage() {
  const caller = await requirePartnerPage("users.manage");
  const managers = await listManagerCandidates(caller);

  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-sm">
        <Link href="/team" className="text-blue-700 underline">
          Team
        </Link>
      </p>
      <h1 className="mb-6 text-2xl font-semibold">Invite user</h1>
      <div className="rounded-lg border border-gray-200 bg-white p-6">
        <ActionForm action={inviteUserAction} aria-label="Invite user">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="firstName" label="First name" autoComplete="off" required />
            <TextField name="lastName" label="Last name" autoComplete="off" required />
          </div>
          <TextField name="email" label="Email" type="email" autoComplete="off" required />
          <TextField name="phone" label="Phone" type="tel" hint="Include the country code, like +1 415 555 0100." />
          <ChoiceGroup
            type="radio"
            name="role"
            legend="Role"
            hint="A role grants a set of permissions. Choose a role, permissions below, or both."
            options={[
              ...PARTNER_ROLE_KEYS.map((key) => ({
                value: key,
                label: PARTNER_ROLES[key].label,
                description: PARTNER_ROLES[key].description,
              })),
              { value: "", label: "No role", description: "Only the permissions ticked below." },
            ]}
          />
          <SelectField
            name="managerId"
            label="Manager"
            hint="Required for a Partner Account Executive: the Partner Admin they report to."
            options={managers.map((m) => ({ value: m.id, label: `${m.firstName} ${m.lastName}` }))}
          />
          <ChoiceGroup
            name="permissions"
            legend="Permissions"
            hint="Extra permissions on top of the role. You can only grant permissions you have."
            options={PARTNER_PERMISSIONS.map((permission) => ({
              value: permission,
              label: PERMISSION_INFO[permission].label,
              description: PERMISSION_INFO[permission].description,
            }))}
          />
          <SubmitButton pendingLabel="Sending invitation…">Send invitation</SubmitButton>
        </ActionForm>
      </div>
    </div>
  );
}
