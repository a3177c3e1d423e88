import { requirePartnerPage } from "@/lib/auth/page-guards";
import { roleLabel } from "@/lib/auth/permissions";
import { countDeletedMembers, listDeletedMembers } from "@/lib/team/manage";
import { listManagerCandidates } from "@/lib/team/queries";
import { formatDateTime } from "@/components/ui/format";
import { TeamTabs } from "../team-tabs";
import { RestoreForm } from "./restore-form";
import { DataTable } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Deleted users" };

export default async function DeletedUsersPage() {
  const caller = await requirePartnerPage("/team/deleted");
  const [deleted, deletedCount, managers] = await Promise.all([listDeletedMembers(caller), countDeletedMembers(caller), listManagerCandidates(caller)]);

  return (
    <>
      <PageHeader title="Team" action={{ href: "/team/invite", label: "Invite user" }} className="mb-4" />
      <TeamTabs current="deleted" deletedCount={deletedCount} />
      <p className="mb-4 text-sm text-gray-700">
        Deleted users can be restored with their role, permissions, manager and settings for 30 days. After that they are removed for good.
      </p>
      <DataTable
        caption="Deleted users"
        headers={["Name", "Email", "Role", "Deleted", "Deleted by", "Days left", { label: "Restore", hidden: true }]}
        empty={deleted.length === 0 && "No deleted users in the last 30 days."}
      >
        {deleted.map((user) => (
          <tr key={user.id}>
            <td className="px-4 py-3">{user.firstName} {user.lastName}</td>
            <td className="px-4 py-3">{user.email}</td>
            <td className="px-4 py-3">{user.role ? roleLabel(user.role) : "Custom permissions"}</td>
            <td className="px-4 py-3">{formatDateTime(user.deletedAt)}</td>
            <td className="px-4 py-3">{user.deletedByName}</td>
            <td className="px-4 py-3">{user.daysLeft}</td>
            <td className="px-4 py-3">
              <RestoreForm userId={user.id} name={`${user.firstName} ${user.lastName}`} managers={managers} />
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
