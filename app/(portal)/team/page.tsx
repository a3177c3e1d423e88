import Link from "next/link";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { can, PARTNER_ROLE_KEYS, PARTNER_ROLES } from "@/lib/auth/permissions";
import { getTeamNoticeName, listTeamPage } from "@/lib/team/queries";
import { choice, optionalId, readSearchParams } from "@/lib/http/params";
import { countDeletedMembers, getTeamSettings } from "@/lib/team/manage";
import { TeamListFilters } from "@/lib/team/schemas";
import { resendInviteAction, setInviteRemindersAction } from "@/lib/team/actions";
import { mayActOn } from "@/lib/team/ceiling";
import { MemberCells } from "@/components/ui/member-cells";
import { DataTable } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/page-header";
import { Pager, queryHref } from "@/components/ui/pager";
import { filterControlClass, FilterSelect } from "@/components/ui/filter-select";
import { ActionButton, ResendInviteButton } from "@/components/form/action-button";
import { TeamTabs } from "./team-tabs";
import { env } from "@/lib/env";

export const metadata = { title: "Team" };

type Search = Record<string, string | string[] | undefined>;

const TeamNotice = { notice: choice(["user-deleted", "user-restored"] as const), id: optionalId };

export default async function TeamPage({ searchParams }: { searchParams: Promise<Search> }) {
  const caller = await requirePartnerPage("/team");
  const { values: filters } = readSearchParams(await searchParams, TeamListFilters);
  const { values: notice } = readSearchParams(await searchParams, TeamNotice);
  const canManage = can(caller, "users.manage");
  const [{ members, nextCursor }, settings, deletedCount] = await Promise.all([
    listTeamPage(caller, filters),
    canManage ? getTeamSettings(caller) : null,
    canManage ? countDeletedMembers(caller) : 0,
  ]);
  // The notice names the user it is about, looked up in this tenant: never text from the URL.
  const noticeName = notice.notice && notice.id ? await getTeamNoticeName(caller, notice.id, notice.notice) : null;
  const deletedName = notice.notice === "user-deleted" ? noticeName : null;
  const restoredName = notice.notice === "user-restored" ? noticeName : null;
  const nextHref = nextCursor ? queryHref("/team", { q: filters.q, status: filters.status, role: filters.role, sort: filters.sort, after: nextCursor }) : null;

  return (
    <>
      <PageHeader title="Team" action={canManage && { href: "/team/invite", label: "Invite user" }} className="mb-4" />
      {deletedName && (
        <p role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          {deletedName} was deleted and signed out. You can restore them from Deleted users for 30 days.
        </p>
      )}
      {restoredName && (
        <p role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          {restoredName} is restored with their role, permissions, manager and settings.
        </p>
      )}
      {canManage && <TeamTabs current="members" deletedCount={deletedCount} />}

      <form method="get" action="/team" role="search" aria-label="Filter team" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-4 text-sm">
        <div>
          <label htmlFor="team-q" className="block font-medium">Search</label>
          <input id="team-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Name or email" className={filterControlClass} />
        </div>
        <FilterSelect
          id="team-status"
          name="status"
          label="Status"
          defaultValue={filters.status}
          anyLabel="Any status"
          options={[
            { value: "active", label: "Active" },
            { value: "invited", label: "Invited (incl. expired)" },
            { value: "disabled", label: "Disabled" },
          ]}
        />
        <FilterSelect
          id="team-role"
          name="role"
          label="Role"
          defaultValue={filters.role}
          anyLabel="Any role"
          options={PARTNER_ROLE_KEYS.map((key) => ({ value: key, label: PARTNER_ROLES[key].label }))}
        />
        <FilterSelect
          id="team-sort"
          name="sort"
          label="Sort by"
          defaultValue={filters.sort}
          options={[
            { value: "name", label: "Name" },
            { value: "lastSignIn", label: "Last sign-in" },
          ]}
        />
        <button type="submit" className="rounded-md border border-gray-300 px-4 py-1.5 font-medium hover:bg-gray-50">Apply</button>
        {(filters.q || filters.status || filters.role || filters.sort !== "name") && (
          <Link href="/team" className="py-1.5 text-blue-700 underline">Clear filters</Link>
        )}
      </form>

      <DataTable
        caption="Team members"
        headers={["Name", "Email", "Role", "Status", "Last sign-in", canManage && { label: "Actions", hidden: true }]}
        empty={members.length === 0 && "No team members match these filters."}
      >
        {members.map((member) => {
          const name = `${member.firstName} ${member.lastName}`;
          return (
            <tr key={member.id}>
              <td className="px-4 py-3">
                {canManage ? (
                  // A plain link, not next/link: fifty client components per page cost more to render than
                  // client-side navigation saves, and each would prefetch its member page (decision 0020).
                  <a href={`/team/${member.id}`} className="font-medium text-blue-700 underline">{name}</a>
                ) : (
                  name
                )}
                {settings?.primaryUserId === member.id && <span className="ml-2 text-xs text-gray-600">(primary user)</span>}
                {member.manager && (
                  <span className="block text-xs text-gray-500">Reports to {member.manager.firstName} {member.manager.lastName}</span>
                )}
              </td>
              <MemberCells member={member} />
              {canManage && (
                <td className="whitespace-nowrap px-4 py-3 text-right">
                  {member.displayStatus.inviteAction && mayActOn(caller, member, settings?.primaryUserId === member.id) && (
                    <ResendInviteButton action={resendInviteAction} user={{ id: member.id, firstName: member.firstName, lastName: member.lastName }} inviteAction={member.displayStatus.inviteAction} />
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </DataTable>
      <Pager label="Team pages" next={nextHref} />

      {settings && (
        <section aria-labelledby="reminders-heading" className="mt-8 rounded-lg border border-gray-200 bg-white p-4 text-sm">
          <h2 id="reminders-heading" className="font-semibold">Invitation reminders</h2>
          <p className="mt-1 text-gray-700">
            {settings.inviteRemindersEnabled
              ? `On: people who haven't activated ${env().INVITE_REMINDER_AFTER_HOURS} hours after their invitation get one reminder with a fresh link.`
              : "Off: invitees get no reminder."}
          </p>
          <div className="mt-2">
            <ActionButton
              action={setInviteRemindersAction}
              fields={{ enabled: String(!settings.inviteRemindersEnabled) }}
              label={settings.inviteRemindersEnabled ? "Turn reminders off" : "Turn reminders on"}
            />
          </div>
        </section>
      )}
    </>
  );
}
