import Link from "next/link";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { roleLabel } from "@/lib/auth/permissions";
import { listDeletedMembers } from "@/lib/team/manage";
import { listManagerCandidates } from "@/lib/team/queries";
import { formatDateTime } from "@/components/ui/format";
import { TeamTabs } from "../team-tabs";
import { RestoreForm } from "./restore-form";

export const metadata = { title: "Deleted users" };

export default async function DeletedUsersPage() {
  const caller = await requirePartnerPage("users.manage");
  const [deleted, managers] = await Promise.all([listDeletedMembers(caller), listManagerCandidates(caller)]);

  return (
    <>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Team</h1>
        <Link href="/team/invite" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">Invite user</Link>
      </div>
      <TeamTabs current="deleted" />
      <p className="mb-4 text-sm text-gray-700">
        Deleted users can be restored with their role, permissions, manager and settings for 30 days. After that they are removed for good.
      </p>
      <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">Deleted users</caption>
          <thead className="bg-gray-50 text-left">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">Name</th>
              <th scope="col" className="px-4 py-3 font-semibold">Email</th>
              <th scope="col" className="px-4 py-3 font-semibold">Role</th>
              <th scope="col" className="px-4 py-3 font-semibold">Deleted</th>
              <th scope="col" className="px-4 py-3 font-semibold">Deleted by</th>
              <th scope="col" className="px-4 py-3 font-semibold">Days left</th>
              <th scope="col" className="px-4 py-3 font-semibold"><span className="sr-only">Restore</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {deleted.length === 0 && (
              <tr><td colSpan={7} className="px-4 py-6 text-center text-gray-600">No deleted users in the last 30 days.</td></tr>
            )}
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
          </tbody>
        </table>
      </div>
    </>
  );
}
