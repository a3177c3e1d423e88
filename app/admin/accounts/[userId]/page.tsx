import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/staff";
import { can, PARTNER_ROLES, roleLabel } from "@/lib/auth/permissions";
import { AuditFilters, listAuditEvents } from "@/lib/audit/queries";
import { getAccountOrThrow } from "@/lib/support/lookup";
import { listPartnerOptions } from "@/lib/partners/queries";
import { isDetachedEmail } from "@/lib/support/resolve";
import { assignablePartnerRoles, mayActOn, mayMovePartnerUser } from "@/lib/support/staff-access";
import { detachEmailAction, moveInvitedUserAction, resendInviteOnBehalfAction, sendResetLinkAction } from "@/lib/support/actions";
import { idOrNotFound, orNotFound } from "@/lib/http/page";
import { flag, readSearchParams, type RawSearchParams } from "@/lib/http/params";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { ChoiceGroup, SelectField, TextField } from "@/components/form/fields";
import { formatDateTime } from "@/components/ui/format";
import { KIND_LABELS } from "../account-status";
import { StatusBadge } from "@/components/ui/status-badge";
import { AddPartnerUserForm } from "../../add-partner-user-form";
import { AuditTable } from "@/components/audit/audit-table";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "Account · Vendor console" };

export default async function AccountPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage("accounts.lookup");
  const { userId } = await params;
  const {
    values: { detached: justDetached },
  } = readSearchParams(await searchParams, { detached: flag });
  const { account, detachment } = await orNotFound(getAccountOrThrow(staff, idOrNotFound(userId)));
  const status = account.displayStatus;
  const resolve = can(staff, "accounts.resolve") && mayActOn(staff, account) && account.id !== staff.userId;
  const [partners, history] = await Promise.all([
    resolve ? listPartnerOptions(staff) : Promise.resolve([]),
    listAuditEvents("all", AuditFilters.parse({ target: account.id }), 20),
  ]);
  const detached = isDetachedEmail(account.email);
  const live = !account.deletedAt;
  const name = `${account.firstName} ${account.lastName}`;
  // Support isn't offered Partner Admin, nor moving an admin-level invitation (DESIGN §10).
  const roles = assignablePartnerRoles(staff);

  return (
    <>
      {justDetached && detachment && (
        <p role="status" className="mb-6 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          The email {detachment.previousEmail} was detached from {name}. The account is disabled and signed out; the address is free.
        </p>
      )}
      <BackLink href="/admin/accounts">Accounts</BackLink>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{name}</h1>
        <StatusBadge status={status.key} />
      </div>

      <dl className="mb-8 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-gray-200 bg-white p-6 text-sm sm:grid-cols-2">
        <Detail label="Email">{account.email}</Detail>
        <Detail label="Kind">{KIND_LABELS[account.kind]}</Detail>
        <Detail label="Tenant">
          {account.tenant.partnerId && can(staff, "partners.view") ? (
            <Link href={`/admin/partners/${account.tenant.partnerId}`} className="text-blue-700 underline">
              {account.tenant.label}
            </Link>
          ) : (
            account.tenant.label
          )}
        </Detail>
        <Detail label="Role">{account.role ? roleLabel(account.role) : "—"}</Detail>
        <Detail label="Phone">{account.phone ?? "—"}</Detail>
        <Detail label="Created">{formatDateTime(account.createdAt)}</Detail>
        <Detail label="Last sign-in">{formatDateTime(account.lastSignInAt)}</Detail>
        {account.deletedAt && <Detail label="Deleted">{formatDateTime(account.deletedAt)}</Detail>}
        {status.invitationExpiresAt && (
          <Detail label={status.key === "INVITATION_EXPIRED" ? "Invitation link expired" : "Invitation link expires"}>
            {formatDateTime(status.invitationExpiresAt)}
          </Detail>
        )}
        {detachment && (
          <Detail label="Email detached">
            {formatDateTime(detachment.at)} from {detachment.previousEmail}: {detachment.reason}
          </Detail>
        )}
      </dl>

      {resolve && live && detached && detachment?.previousEmail && (
        <section aria-labelledby="invite-heading" className="mb-8 max-w-2xl rounded-lg border border-blue-200 bg-white p-6">
          <h2 id="invite-heading" className="mb-1 text-lg font-semibold">
            Invite to partner…
          </h2>
          <p className="mb-4 text-sm text-gray-600">Invite the freed address {detachment.previousEmail} to the partner it belongs to.</p>
          <AddPartnerUserForm
            partners={partners}
            roles={roles}
            label="Invite to partner"
            prefill={{ email: detachment.previousEmail, firstName: account.firstName, lastName: account.lastName, phone: account.phone ?? undefined }}
          />
        </section>
      )}

      {resolve && live && (
        <section aria-labelledby="help-heading" className="mb-8 grid max-w-4xl gap-6 md:grid-cols-2">
          <h2 id="help-heading" className="sr-only">
            Support actions
          </h2>
          {status.inviteAction && !detached && (
            <Panel title={status.inviteAction}>
              <ActionForm action={resendInviteOnBehalfAction} aria-label={status.inviteAction} hiddenFields={{ userId: account.id }}>
                <p className="text-sm text-gray-600">
                  {status.key === "INVITATION_EXPIRED" ? "The invitation expired. " : ""}Sends a new activation link to {account.email}; earlier links
                  stop working.
                </p>
                <SubmitButton pendingLabel="Sending…">{status.inviteAction}</SubmitButton>
              </ActionForm>
            </Panel>
          )}
          {account.status === "ACTIVE" && (
            <Panel title="Send password reset link">
              <ActionForm action={sendResetLinkAction} aria-label="Send password reset link" hiddenFields={{ userId: account.id }}>
                <p className="text-sm text-gray-600">Mails {account.email} a link to choose a new password. You never see or set it.</p>
                <SubmitButton pendingLabel="Sending…">Send reset link</SubmitButton>
              </ActionForm>
            </Panel>
          )}
          {!detached && (
            <Panel title="Detach email">
              <ActionForm action={detachEmailAction} aria-label="Detach email" hiddenFields={{ userId: account.id }}>
                <p className="text-sm text-gray-600">
                  Replaces {account.email} with a non-deliverable placeholder, disables this account and signs it out, so the address
                  can be invited where it belongs.
                </p>
                <TextField name="reason" label="Reason" required hint="Recorded in the audit log." />
                <SubmitButton pendingLabel="Detaching…">Detach email</SubmitButton>
              </ActionForm>
            </Panel>
          )}
          {account.kind === "PARTNER" && account.status === "INVITED" && !detached && !mayMovePartnerUser(staff, account) && (
            <Panel title="Move invited user">
              <p className="text-sm text-gray-600">
                {name} is invited as {roleLabel(account.role)} with admin permissions: only vendor staff who manage partners can move
                this invitation. Ask a Portal Admin.
              </p>
            </Panel>
          )}
          {account.kind === "PARTNER" && account.status === "INVITED" && !detached && mayMovePartnerUser(staff, account) && (
            <Panel title="Move invited user">
              <ActionForm action={moveInvitedUserAction} aria-label="Move invited user" hiddenFields={{ userId: account.id }}>
                <p className="text-sm text-gray-600">
                  For an invitation sent to the wrong partner. Permissions reset to the role you choose; a new link replaces the old one.
                </p>
                <SelectField
                  name="targetPartnerId"
                  label="Move to partner"
                  required
                  placeholder="— Choose a partner —"
                  options={partners.filter((p) => p.id !== account.partnerId).map((p) => ({ value: p.id, label: p.name }))}
                />
                <ChoiceGroup
                  type="radio"
                  name="role"
                  legend="Role in that partner"
                  options={roles.map((key) => ({ value: key, label: PARTNER_ROLES[key].label }))}
                />
                <TextField name="reason" label="Reason" required hint="Recorded in the audit log." />
                <SubmitButton pendingLabel="Moving…">Move user</SubmitButton>
              </ActionForm>
            </Panel>
          )}
        </section>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold">
          Audit events about this account
        </h2>
        <AuditTable view="console" events={history.events} caption={`Audit events about ${name}`} />
      </section>
    </>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-gray-600">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-gray-200 bg-white p-6">
      <h3 className="mb-3 font-semibold">{title}</h3>
      {children}
    </div>
  );
}
