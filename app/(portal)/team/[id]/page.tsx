import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { roleLabel } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getTeamMemberOrThrow } from "@/lib/team/manage";
import { listManagerCandidates } from "@/lib/team/queries";
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
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/components/ui/format";
import { ManagerField, NotificationsField, PermissionsField, RoleField } from "../member-fields";
import { ActionButton } from "@/components/form/action-button";
import { DeleteMemberButton } from "../delete-member-button";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "Edit user" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePartnerPage("users.manage");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const member = await getTeamMemberOrThrow(caller, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const managers = (await listManagerCandidates(caller)).filter((m) => m.id !== member.id);
  const name = `${member.firstName} ${member.lastName}`;
  const isSelf = member.id === caller.userId;

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

      <section aria-labelledby="edit-heading" className="rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="edit-heading" className="mb-4 text-lg font-semibold">Details and permissions</h2>
        <ActionForm action={updateUserAction} aria-label="Edit user" hiddenFields={{ userId: member.id }}>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="firstName" label="First name" required defaultValue={member.firstName} />
            <TextField name="lastName" label="Last name" required defaultValue={member.lastName} />
          </div>
          <TextField name="phone" label="Phone" type="tel" defaultValue={member.phone ?? ""} hint="Include the country code, like +1 415 555 0100." />
          <RoleField defaultRole={member.role} />
          <ManagerField managers={managers} defaultManagerId={member.managerId} />
          <PermissionsField defaults={member.permissions} />
          <NotificationsField defaults={member.notifications} kinds={NOTIFICATION_KINDS} />
          <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
        </ActionForm>
      </section>

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

      <section aria-labelledby="email-heading" className="mt-6 rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="email-heading" className="text-lg font-semibold">Sign-in email</h2>
        <p className="mb-4 mt-1 text-sm text-gray-700">
          Currently {member.email}. A new address must be confirmed through a link sent to it; {member.firstName} is told at
          the current address.
          {member.pendingEmail && ` A change to ${member.pendingEmail.newEmail} is waiting for confirmation until ${formatDateTime(member.pendingEmail.expiresAt)}.`}
        </p>
        <ActionForm action={requestEmailChangeAction} aria-label="Change sign-in email" hiddenFields={{ userId: member.id }}>
          <TextField name="newEmail" label="New email" type="email" autoComplete="off" required />
          <SubmitButton pendingLabel="Sending…">Send confirmation link</SubmitButton>
        </ActionForm>
      </section>

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
          {!member.isPrimary && member.status === "ACTIVE" && member.role === "partner_admin" && (
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
    </div>
  );
}
