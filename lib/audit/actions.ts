// Every action the audit log records, with the name people read (DESIGN §8).
// The audit filter offers these instead of a free-text code, and
// tests/unit/audit-actions.test.ts fails when lib/ records an action that
// isn't here, so a new one can't be forgotten. Pure data: safe anywhere.

export const AUDIT_ACTIONS = {
  "auth.signed_in": "Signed in",
  "auth.sign_in_failed": "Sign-in refused",
  "auth.account_locked": "Account locked after failed sign-ins",
  "auth.password_changed": "Changed own password",
  "auth.password_change_failed": "Password change refused",
  "user.invited": "Team member invited",
  "user.invite_resent": "Invitation resent",
  "user.invite_reminder_sent": "Invitation reminder sent",
  "user.activation_link_requested": "New activation link requested",
  "user.activated": "Account activated",
  "user.updated": "Team member edited",
  "user.notifications_changed": "Email notifications changed",
  "user.disabled": "Account disabled",
  "user.enabled": "Account enabled",
  "user.deleted": "Account deleted",
  "user.restored": "Account restored",
  "user.purged": "Deleted account purged",
  "user.password_reset_requested": "Password reset requested",
  "user.password_reset_sent": "Password reset link sent",
  "user.password_reset": "Password reset",
  "user.email_change_requested": "Email change requested",
  "user.email_changed": "Email changed",
  "user.email_detached": "Email detached by support",
  "user.moved_to_partner": "Invited user moved to another partner",
  "customer.created": "Customer created",
  "customer.updated": "Customer edited",
  "customer_user.created": "Customer user created",
  "customer_user.imported": "Customer users imported",
  "customer_users.import_conflicts_checked": "Import checked for taken emails",
  "customer_user.deleted": "Customer user deleted",
  "customer_user.restored": "Customer user restored",
  "customer_user.purged": "Deleted customer user purged",
  "customer_user.password_reset": "Customer user's password reset",
  "customer_user.credentials_emailed": "Customer user's sign-in details emailed",
  "customer_user.updated": "Customer user edited",
  "customer_user.welcome_sent": "Customer user's welcome email sent",
  "license.assigned": "License assigned",
  "license.changed": "Licenses changed",
  "order.placed": "Order placed",
  "partner.created": "Partner created",
  "partner.updated": "Partner edited",
  "partner.profile_updated": "Organization profile edited",
  "partner.suspended": "Partner suspended",
  "partner.reactivated": "Partner reactivated",
  "partner.primary_user_transferred": "Primary user changed",
  "partner.invite_reminders_changed": "Invitation reminders switched",
  "partners.imported": "Partners imported",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "staff.invited": "Staff member invited",
  "staff.disabled": "Staff member disabled",
  "staff.enabled": "Staff member enabled",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The readable name of a recorded action; an unknown one (e.g. from an older version) shows as its code. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}

const GROUP_LABELS: Record<string, string> = {
  auth: "Sign-in and passwords",
  user: "Accounts and team",
  customer: "Customers",
  customer_user: "Customer users",
  customer_users: "Customer users",
  license: "Licenses",
  order: "Orders",
  partner: "Partners",
  partners: "Partners",
  api_key: "API keys",
  staff: "Vendor staff",
};

/** The Action filter's choices: each action by its readable name, grouped by what it concerns. */
export function auditActionGroups(): { label: string; actions: { value: AuditAction; label: string }[] }[] {
  const groups = new Map<string, { value: AuditAction; label: string }[]>();
  for (const [value, label] of Object.entries(AUDIT_ACTIONS) as [AuditAction, string][]) {
    const domain = value.split(".")[0];
    const groupLabel = GROUP_LABELS[domain] ?? domain;
    groups.set(groupLabel, [...(groups.get(groupLabel) ?? []), { value, label }]);
  }
  return [...groups].map(([label, actions]) => ({ label, actions }));
}
