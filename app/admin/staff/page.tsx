import { requireStaffPage } from "@/lib/auth/staff";
import { roleLabel, STAFF_ROLE_KEYS, STAFF_ROLES } from "@/lib/auth/permissions";
import { listStaff } from "@/lib/support/staff-members";
import { inviteStaffAction } from "@/lib/support/staff-actions";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { ChoiceGroup } from "@/components/form/fields";
import { NewPersonFields } from "@/components/form/person-fields";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/components/ui/format";
import { ActionButton } from "@/components/form/action-button";
import { disableStaffAction, enableStaffAction } from "@/lib/support/staff-actions";
import { DataTable } from "@/components/ui/table";
import { AccountLink } from "../account-link";

export const metadata = { title: "Staff · Vendor console" };

export default async function StaffPage() {
  const staff = await requireStaffPage("staff.manage");
  const members = await listStaff(staff);
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Vendor staff</h1>
      <DataTable
        caption="Vendor staff"
        headers={["Name", "Email", "Role", "Status", "Last sign-in", { label: "Actions", hidden: true }]}
        className="mb-10"
      >
        {members.map((member) => (
          <tr key={member.id}>
            <td className="px-4 py-3">
              <AccountLink account={member} />
              {member.id === staff.userId && <span className="ml-2 text-xs text-gray-500">(you)</span>}
            </td>
            <td className="px-4 py-3">{member.email}</td>
            <td className="px-4 py-3">{roleLabel(member.role)}</td>
            <td className="px-4 py-3">
              <StatusBadge status={member.status} />
            </td>
            <td className="px-4 py-3">{formatDateTime(member.lastSignInAt)}</td>
            <td className="px-4 py-3 text-right">
              {member.id !== staff.userId && member.status !== "DISABLED" && (
                <ActionButton action={disableStaffAction} fields={{ userId: member.id }} size="sm" label="Disable" accessibleName={`Disable ${member.firstName} ${member.lastName}`} />
              )}
              {member.canBeEnabled && (
                <ActionButton action={enableStaffAction} fields={{ userId: member.id }} size="sm" label="Enable" accessibleName={`Enable ${member.firstName} ${member.lastName}`} />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="invite-staff-heading" className="max-w-2xl rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="invite-staff-heading" className="mb-4 text-lg font-semibold">
          Invite staff member
        </h2>
        <ActionForm action={inviteStaffAction} aria-label="Invite staff member">
          <NewPersonFields />
          <ChoiceGroup
            type="radio"
            name="role"
            legend="Role"
            options={STAFF_ROLE_KEYS.map((key) => ({ value: key, label: STAFF_ROLES[key].label, description: STAFF_ROLES[key].description }))}
          />
          <SubmitButton pendingLabel="Sending invitation…">Send invitation</SubmitButton>
        </ActionForm>
      </section>
    </>
  );
}
