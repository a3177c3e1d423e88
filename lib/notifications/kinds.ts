// The emails a user can choose to receive (DESIGN §4 "notification
// settings"), shared by the edit form, the domains that send them and the
// API. Pure data: safe anywhere.
import type { PartnerPermission } from "../auth/permissions.ts";

export const NOTIFICATION_KINDS = [
  "license_changes",
  "new_orders",
  "weekly_summary",
  "security",
  "invitation_accepted",
  "invitation_expired",
  "subscription_almost_full",
  "subscription_full",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_INFO: Record<
  NotificationKind,
  { label: string; description: string; /** Only offered to holders of this permission. */ requires?: PartnerPermission; alwaysOn?: true }
> = {
  license_changes: {
    label: "License changes",
    description: "Licenses assigned to or revoked from your customers' users; many at once come as one digest.",
    requires: "customers.view",
  },
  new_orders: { label: "New orders", description: "Orders placed for your customers; many at once come as one digest.", requires: "customers.view" },
  weekly_summary: { label: "Weekly summary", description: "A Monday summary of your organization's activity in the week before." },
  security: { label: "Security notices", description: "Sign-in locks, password and email changes. Always sent.", alwaysOn: true },
  invitation_accepted: { label: "Invitation accepted", description: "Someone you manage activated their account.", requires: "users.manage" },
  invitation_expired: { label: "Invitation expired", description: "An invitation ran out before it was accepted.", requires: "users.manage" },
  subscription_almost_full: { label: "Subscription 90% assigned", description: "A customer's subscription is 90% assigned.", requires: "licenses.manage" },
  subscription_full: { label: "Subscription full", description: "A customer's subscription has no free seat left.", requires: "licenses.manage" },
};

/** What a new team member receives until they change it. */
export const DEFAULT_NOTIFICATIONS: NotificationKind[] = ["license_changes", "new_orders", "security"];

/**
 * The kinds a user with these permissions can receive, and so may choose
 * (their own account page): a kind that needs a permission is offered only to
 * its holders, as notificationRecipients sends it only to them.
 */
export function notificationKindsFor(permissions: readonly string[]): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => {
    const { requires } = NOTIFICATION_INFO[kind];
    return !requires || permissions.includes(requires);
  });
}
