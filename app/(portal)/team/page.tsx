import Link from "next/link";
import { requirePartnerPage } from "@/lib/auth/page-guards";
import { can, roleLabel } from "@/lib/auth/permissions";
import { listTeamMembers } from "@/lib/team/queries";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/components/ui/format";
import { ResendInviteButton } from "./resend-invite-button";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const caller = await requirePartnerPage("users.view");
  const members = await listTeamMembers(caller);
  const canManage = can(caller, "users.manage");

  return (
    <>
      <div className="mb-6 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Team</h1>
        {canManage && (
          <Link
            href="/team/invite"
            className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
          >
            Invite user
          </Link>
        )}
      </div>
      <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">Team members</caption>
          <thead className="bg-gray-50 text-left">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">Name</th>
              <th scope="col" className="px-4 py-3 font-semibold">Email</th>
              <th scope="col" className="px-4 py-3 font-semibold">Role</th>
              <th scope="col" className="px-4 py-3 font-semibold">Status</th>
              <th scope="col" className="px-4 py-3 font-semibold">Last sign-in</th>
              {canManage && (
                <th scope="col" className="px-4 py-3 font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {members.map((member) => (
              <tr key={member.id}>
                <td className="px-4 py-3">
                  {member.firstName} {member.lastName}
                  {member.manager && (
                    <span className="block text-xs text-gray-500">
                      Reports to {member.manager.firstName} {member.manager.lastName}
                    </span>
                  )}
                </td>
                <td className="px-4 py-3">{member.email}</td>
                <td className="px-4 py-3">
                  {member.role ? roleLabel(member.role) : "Custom permissions"}
                  {member.role && member.permissions.length > 0 && (
                    <span className="block text-xs text-gray-500">+ {member.permissions.length} extra</span>
                  )}
                </td>
                <td className="px-4 py-3">
                  <StatusBadge status={member.invitationExpired ? "EXPIRED" : member.status} />
                </td>
                <td className="px-4 py-3">{formatDateTime(member.lastSignInAt)}</td>
                {canManage && (
                  <td className="px-4 py-3 text-right">
                    {member.status === "INVITED" && (
                      <ResendInviteButton userId={member.id} name={`${member.firstName} ${member.lastName}`} />
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
