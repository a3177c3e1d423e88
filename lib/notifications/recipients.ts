import "server-only";
import type { Tx } from "../db/client.ts";
import { effectivePermissions, type Permission } from "../auth/permissions.ts";
import { holdsPermission } from "../team/rules.ts";
import { NOTIFICATION_INFO, type NotificationKind } from "./kinds.ts";
import { liveTeamMembers } from "../team/member-scope.ts";

export type NotificationRecipient = {
  id: string;
  firstName: string;
  email: string;
  /** What they may see: an email's content follows it (the weekly summary's sections). */
  permissions: Permission[];
};

/**
 * Active team members of one partner who opted in to `kind` and, where the
 * kind needs one, hold its permission (through their role or as an extra).
 */
export async function notificationRecipients(tx: Tx, partnerId: string, kind: NotificationKind): Promise<NotificationRecipient[]> {
  const { requires, alwaysOn } = NOTIFICATION_INFO[kind];
  const users = await tx.user.findMany({
    where: {
      ...liveTeamMembers(partnerId),
      status: "ACTIVE",
      ...(alwaysOn ? {} : { notifications: { has: kind } }),
      ...(requires ? holdsPermission(requires) : {}),
    },
    select: { id: true, firstName: true, email: true, role: true, permissions: true },
  });
  return users.map(({ role, permissions, ...user }) => ({ ...user, permissions: effectivePermissions(role, permissions) }));
}
