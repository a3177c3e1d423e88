import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/staff";
import { can } from "@/lib/auth/permissions";
import { getPartnerDetailOrThrow } from "@/lib/partners/queries";
import { ADD_PARTNER_USER_PERMISSIONS } from "@/lib/partners/add-partner-user";
import { assignablePartnerRoles } from "@/lib/support/staff-access";
import { mayBecomePrimary } from "@/lib/team/rules";
import { editPartnerAction, reactivatePartnerAction, suspendPartnerAction, transferPrimaryUserAction } from "@/lib/partners/actions";
import { idOrNotFound, orNotFound } from "@/lib/http/page";
import { flag, optionalId, readSearchParams, searchText, type RawSearchParams } from "@/lib/http/params";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { SelectField, TextField } from "@/components/form/fields";
import { MemberCells } from "@/components/ui/member-cells";
import { formatDateTime } from "@/components/ui/format";
import { ResendInviteButton } from "@/components/form/action-button";
import { resendInviteOnBehalfAction } from "@/lib/support/actions";
import { AddPartnerUserForm } from "../../add-partner-user-form";
import { AuditTable } from "@/components/audit/audit-table";
import { PartnerStatusBadge } from "../partner-status-badge";
import { DataTable } from "@/components/ui/table";
import { BackLink } from "@/components/ui/back-link";
import { AccountLink } from "../../account-link";

export const metadata = { title: "Partner · Vendor console" };

// "Invite to partner…" from support prefills the form through the query string: text, cleaned and cut, only ever shown in inputs.
const PartnerDetailQuery = {
  created: flag,
  added: optionalId,
  email: searchText(254),
  firstName: searchText(100),
  lastName: searchText(100),
  phone: searchText(40),
};

export default async function PartnerDetailPage({ params, searchParams }: { params: Promise<{ partnerId: string }>; searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage("partners.view");
  const { partnerId } = await params;
  const { values: search } = readSearchParams(await searchParams, PartnerDetailQuery);
  const detail = await orNotFound(getPartnerDetailOrThrow(staff, idOrNotFound(partnerId)));
  const { partner, team, customers, customerCount, audit } = detail;
  const manage = can(staff, "partners.manage");
  // Re-invite / Resend invite where the partner's own Team page offers it (one derivation, lib/team/status.ts).
  const resendInvites = can(staff, "accounts.resolve");
  const primary = team.find((user) => user.id === partner.primaryUserId);
  const added = search.added ? team.find((user) => user.id === search.added) : undefined;
  const primaryCandidates = team.filter((user) => user.id !== partner.primaryUserId && mayBecomePrimary(user));

  return (
    <>
      {added && (
        <p role="status" className="mb-6 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          Invitation sent to {added.email}. {added.firstName} {added.lastName} appears in the team below as Invited until they activate.
        </p>
      )}
      {search.created && (
        <p role="status" className="mb-6 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          Partner created. An invitation went to its primary user{primary ? `, ${primary.email}` : ""}.
        </p>
      )}
      <BackLink href="/admin/partners">Partners</BackLink>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{partner.name}</h1>
        <PartnerStatusBadge status={partner.status} />
      </div>
      <p className="mb-6 text-sm text-gray-700">
        Created {formatDateTime(partner.createdAt)} · Primary user: {primary ? `${primary.firstName} ${primary.lastName} (${primary.email})` : "none"}
      </p>
      {partner.status === "SUSPENDED" && (
        <div role="note" className="mb-6 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          Suspended since {formatDateTime(partner.suspendedAt)}: {partner.suspendedReason}. Its users can&apos;t sign in.
        </div>
      )}

      <section aria-labelledby="team-heading" className="mb-10">
        <h2 id="team-heading" className="mb-3 text-lg font-semibold">
          Team
        </h2>
        <DataTable
          caption={`Team of ${partner.name}`}
          headers={["Name", "Email", "Role", "Status", "Last sign-in", resendInvites && { label: "Actions", hidden: true }]}
        >
          {team.map((user) => (
            <tr key={user.id}>
              <td className="px-4 py-3">
                <AccountLink account={user} />
                {user.id === partner.primaryUserId && <span className="ml-2 text-xs font-semibold text-gray-600">Primary</span>}
              </td>
              <MemberCells member={user} />
              {resendInvites && (
                <td className="whitespace-nowrap px-4 py-3 text-right">
                  {user.displayStatus.inviteAction && (
                    <ResendInviteButton action={resendInviteOnBehalfAction} user={{ id: user.id, firstName: user.firstName, lastName: user.lastName }} inviteAction={user.displayStatus.inviteAction} />
                  )}
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="customers-heading" className="mb-10">
        <h2 id="customers-heading" className="mb-3 text-lg font-semibold">
          Customers ({customerCount})
        </h2>
        {customers.length === 0 ? (
          <p className="text-sm text-gray-600">No customers yet.</p>
        ) : (
          <DataTable caption={`Customers of ${partner.name}`} headers={["Customer ID", "Name", "Type", "Contact", "Users"]}>
            {customers.map((customer) => (
              <tr key={customer.id}>
                <td className="px-4 py-3 font-mono text-xs">C-{String(customer.number).padStart(6, "0")}</td>
                <td className="px-4 py-3">{customer.name}</td>
                <td className="px-4 py-3">{customer.type === "COMPANY" ? "Company" : "Individual"}</td>
                <td className="px-4 py-3">{customer.contactEmail}</td>
                <td className="px-4 py-3">{customer._count.users}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="audit-heading" className="mb-10">
        <div className="mb-3 flex items-center justify-between">
          <h2 id="audit-heading" className="text-lg font-semibold">
            Recent audit events
          </h2>
          {can(staff, "audit.view.all") && (
            <Link href={`/admin/audit?partnerId=${partner.id}`} className="text-sm text-blue-700 underline">
              All events of this partner
            </Link>
          )}
        </div>
        <AuditTable view="console" events={audit} caption={`Recent audit events of ${partner.name}`} />
      </section>

      {manage && (
        <section aria-labelledby="manage-heading" className="mb-10 grid gap-6 md:grid-cols-2">
          <h2 id="manage-heading" className="sr-only">
            Manage partner
          </h2>
          <div className="rounded-lg border border-gray-200 bg-white p-6">
            <h3 className="mb-4 font-semibold">Edit partner</h3>
            <ActionForm action={editPartnerAction} aria-label="Edit partner" hiddenFields={{ partnerId: partner.id }}>
              <TextField name="name" label="Partner name" required defaultValue={partner.name} />
              <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
            </ActionForm>
          </div>
          <div className="rounded-lg border border-gray-200 bg-white p-6">
            <h3 className="mb-4 font-semibold">Transfer primary user</h3>
            {primaryCandidates.length === 0 ? (
              <p className="text-sm text-gray-600">No other active Partner Admin to transfer to.</p>
            ) : (
              <ActionForm action={transferPrimaryUserAction} aria-label="Transfer primary user" hiddenFields={{ partnerId: partner.id }}>
                <SelectField
                  name="userId"
                  label="New primary user"
                  required
                  placeholder="— Choose an active Partner Admin —"
                  options={primaryCandidates.map((user) => ({ value: user.id, label: `${user.firstName} ${user.lastName} (${user.email})` }))}
                />
                <SubmitButton pendingLabel="Transferring…">Transfer</SubmitButton>
              </ActionForm>
            )}
          </div>
          <div className="rounded-lg border border-gray-200 bg-white p-6 md:col-span-2">
            {partner.status === "ACTIVE" ? (
              <>
                <h3 className="mb-1 font-semibold">Suspend partner</h3>
                <p className="mb-4 text-sm text-gray-600">
                  Signs every user of {partner.name} out at once and blocks their sign-in. They see the reason at the login page.
                </p>
                <ActionForm action={suspendPartnerAction} aria-label="Suspend partner" hiddenFields={{ partnerId: partner.id }}>
                  <TextField name="reason" label="Reason (shown to the partner's users)" required />
                  <SubmitButton pendingLabel="Suspending…">Suspend partner</SubmitButton>
                </ActionForm>
              </>
            ) : (
              <>
                <h3 className="mb-4 font-semibold">Reactivate partner</h3>
                <ActionForm action={reactivatePartnerAction} aria-label="Reactivate partner" hiddenFields={{ partnerId: partner.id }}>
                  <SubmitButton pendingLabel="Reactivating…">Reactivate partner</SubmitButton>
                </ActionForm>
              </>
            )}
          </div>
        </section>
      )}

      {ADD_PARTNER_USER_PERMISSIONS.some((permission) => can(staff, permission)) && (
        <section id="add-user" aria-labelledby="add-user-heading" className="max-w-2xl rounded-lg border border-gray-200 bg-white p-6">
          <h2 id="add-user-heading" className="mb-1 text-lg font-semibold">
            Add partner user
          </h2>
          <p className="mb-4 text-sm text-gray-600">Invites a team member to {partner.name} on its behalf.</p>
          <AddPartnerUserForm
            partnerId={partner.id}
            roles={assignablePartnerRoles(staff)}
            prefill={{ email: search.email, firstName: search.firstName, lastName: search.lastName, phone: search.phone }}
          />
        </section>
      )}
    </>
  );
}
