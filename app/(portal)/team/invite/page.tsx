import { requirePartnerPage } from "@/lib/auth/page-guards";
import { listManagerCandidates } from "@/lib/team/queries";
import { getTeamMemberOrThrow } from "@/lib/team/manage";
import { ceilingRefusal } from "@/lib/team/ceiling";
import { inviteUserAction } from "@/lib/team/actions";
import { DEFAULT_NOTIFICATIONS, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { orNull } from "@/lib/http/page";
import { optionalId, readSearchParams, type RawSearchParams } from "@/lib/http/params";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { NewPersonFields } from "@/components/form/person-fields";
import { ManagerField, NotificationsField, PermissionsField, RoleField } from "../member-fields";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "Invite user" };

export default async function InviteUserPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const caller = await requirePartnerPage("/team/invite");
  const {
    values: { copy },
  } = readSearchParams(await searchParams, { copy: optionalId });
  const managers = await listManagerCandidates(caller);
  // "Copy user": start from another member's role, permissions, manager and settings.
  const copied = copy ? await orNull(getTeamMemberOrThrow(caller, copy)) : null;
  // The privilege ceiling (DESIGN §10): nobody copies permissions beyond their own.
  // (Copying reads the primary user without changing them, so only the permissions count.)
  const copyRefusal = copied && ceilingRefusal(caller, copied, false, "copy them");
  const source = copyRefusal ? null : copied;

  return (
    <div className="max-w-2xl">
      <BackLink href="/team">Team</BackLink>
      <h1 className="mb-2 text-2xl font-semibold">Invite user</h1>
      {copyRefusal && (
        <p role="alert" className="mb-4 text-sm text-red-700">
          {copyRefusal}
        </p>
      )}
      {source && (
        <p role="status" className="mb-4 text-sm text-gray-700">
          Copying role, permissions, manager and notification settings from {source.firstName} {source.lastName}.
        </p>
      )}
      <div className="mt-4 rounded-lg border border-gray-200 bg-white p-6">
        <ActionForm action={inviteUserAction} aria-label="Invite user">
          <NewPersonFields phone />
          <RoleField defaultRole={source ? source.role : null} />
          <ManagerField managers={managers} defaultManagerId={source?.managerId ?? null} />
          <PermissionsField defaults={source?.permissions ?? []} />
          <NotificationsField defaults={source?.notifications ?? DEFAULT_NOTIFICATIONS} kinds={NOTIFICATION_KINDS} />
          <SubmitButton pendingLabel="Sending invitation…">Send invitation</SubmitButton>
        </ActionForm>
      </div>
    </div>
  );
}
