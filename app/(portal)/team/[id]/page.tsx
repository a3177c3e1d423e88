import Link from "next/link";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { PERMISSION_INFO, roleLabel, type PartnerPermission } from "@/lib/auth/permissions";
import { ceilingRefusal, OWN_ROLE_OR_PERMISSIONS } from "@/lib/team/ceiling";
import { idOrNotFound, orNotFound } from "@/lib/http/page";
import { getTeamMemberOrThrow, getTeamSettings } from "@/lib/team/manage";
import { listManagerCandidates } from "@/lib/team/queries";
import { mayBecomePrimary } from "@/lib/team/rules";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import {
  deleteUserAction,
  disableUserAction,
  enableUserAction,
  requestEmailChangeAction,
  sendResetLinkAction,
  transferPrimaryAction,
  updateUserAction,
} from "@/lib/team/actions";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { PhoneField } from "@/components/form/person-fields";
import { SignInEmailSection } from "@/components/form/sign-in-email-section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/components/ui/format";
import { ManagerField, NotificationsField, PermissionsField, RoleField } from "../member-fields";
import { ActionButton } from "@/components/form/action-button";
import { DeleteMemberButton } from "../delete-member-button";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "Edit user" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePartnerPage("/team/[id]");
  const { id } = await params;
  const member = await orNotFound(getTeamMemberOrThrow(caller, idOrNotFound(id)));
  const [candidates, settings] = await Promise.all([listManagerCandidates(caller), getTeamSettings(caller)]);
  const managers = candidates.filter((m) => m.id !== member.id);
  const name = `${member.firstName} ${member.lastName}`;
  const isSelf = member.id === caller.userId;
  // The privilege ceiling (DESIGN §10): the same words the server would refuse with.
  const refusal = ceilingRefusal(caller, member, member.isPrimary);
  const callerIsPrimary = settings.primaryUserId === caller.userId;

  return (
    <div className="max-w-3xl">
      <BackLink href="/team">Team</BackLink>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{name}</h1>
        <StatusBadge status={member.status} />
        {member.isPrimary && <span className="rounded-full bg-purple-100 px-2 py-0.5 text-xs font-medium text-purple-900">Primary user</span>}
      </div>
      <p className="-mt-4 mb-6 text-sm text-gray-700">
        {member.email} · {member.role ? roleLabel(member.role) : "Custom permissions"} · last sign-in {formatDateTime(member.lastSignInAt)}
      </p>

      {refusal && (
        <p role="note" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {refusal}
        </p>
      )}

      {!refusal && (
      <section aria-labelledby="edit-heading" className="rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="edit-heading" className="mb-4 text-lg font-semibold">Details and permissions</h2>
        <ActionForm action={updateUserAction} aria-label="Edit user" hiddenFields={{ userId: member.id }}>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="firstName" label="First name" required defaultValue={member.firstName} />
            <TextField name="lastName" label="Last name" required defaultValue={member.lastName} />
          </div>
          <PhoneField defaultValue={member.phone ?? ""} />
          {isSelf ? (
            <OwnPermissions role={member.role} permissions={member.permissions} />
          ) : (
            <RoleField defaultRole={member.role} />
          )}
          <ManagerField managers={managers} defaultManagerId={member.managerId} />
          {!isSelf && <PermissionsField defaults={member.permissions} />}
          <NotificationsField defaults={member.notifications} kinds={NOTIFICATION_KINDS} />
          <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
        </ActionForm>
      </section>
      )}

      {member.reports.length > 0 && (
        <section aria-labelledby="reports-heading" className="mt-6 rounded-lg border border-gray-200 bg-white p-6 text-sm">
          <h2 id="reports-heading" className="mb-2 text-lg font-semibold">Reports to {member.firstName}</h2>
          <ul className="list-disc pl-5">
            {member.reports.map((r) => (
              <li key={r.id}>
                <Link href={`/team/${r.id}`} className="text-blue-700 underline">{r.firstName} {r.lastName}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {!refusal && (
        <SignInEmailSection
          action={requestEmailChangeAction}
          hiddenFields={{ userId: member.id }}
          email={member.email}
          firstName={member.firstName}
          pendingEmail={member.pendingEmail}
        />
      )}

      {!refusal && (
      <section aria-labelledby="account-heading" className="mt-6 rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="account-heading" className="mb-4 text-lg font-semibold">Account</h2>
        <div className="flex flex-wrap items-start gap-3">
          {member.status === "ACTIVE" && (
            <ActionButton action={sendResetLinkAction} fields={{ userId: member.id }} label="Send password reset link" pendingLabel="Sending…" />
          )}
          {!isSelf && !member.isPrimary && member.status !== "DISABLED" && (
            <ActionButton action={disableUserAction} fields={{ userId: member.id }} label="Disable" accessibleName={`Disable ${name}`} />
          )}
          {member.status === "DISABLED" && (
            <ActionButton action={enableUserAction} fields={{ userId: member.id }} label="Enable" accessibleName={`Enable ${name}`} />
          )}
          {callerIsPrimary && !member.isPrimary && mayBecomePrimary(member) && (
            <ActionButton action={transferPrimaryAction} fields={{ userId: member.id }} label="Make primary user" />
          )}
          <Link href={`/team/invite?copy=${member.id}`} className="rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium hover:bg-gray-50">
            Copy user
          </Link>
          {!isSelf && !member.isPrimary && <DeleteMemberButton action={deleteUserAction} userId={member.id} name={name} />}
        </div>
        {member.isPrimary && (
          <p className="mt-3 text-sm text-gray-600">The primary user can&apos;t be disabled or deleted. Make another active Partner Admin primary first.</p>
        )}
      </section>
      )}
    </div>
  );
}

/** Your own role and permissions, shown but not editable (the form sends them back unchanged). */
function OwnPermissions({ role, permissions }: { role: string | null; permissions: readonly string[] }) {
  return (
    <div className="text-sm">
      <p className="font-medium text-gray-900">Role and permissions</p>
      <p className="text-gray-700">
        {role ? roleLabel(role) : "No role"}
        {permissions.length > 0 && ` + ${permissions.map((p) => PERMISSION_INFO[p as PartnerPermission]?.label ?? p).join(", ")}`}
      </p>
      <p className="text-gray-600">{OWN_ROLE_OR_PERMISSIONS}</p>
      <input type="hidden" name="role" value={role ?? ""} />
      {permissions.map((permission) => (
        <input key={permission} type="hidden" name="permissions" value={permission} />
      ))}
    </div>
  );
}
