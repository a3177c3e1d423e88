// The permission catalog and role presets (DESIGN §3), shared by the UI,
// server actions and the API. Pure data and pure functions: safe anywhere.
import { ForbiddenError } from "../errors.ts";

export const PARTNER_PERMISSIONS = [
  "users.view",
  "users.manage",
  "customers.view",
  "customers.manage",
  "licenses.manage",
  "orders.create",
  "audit.view",
  "settings.manage",
] as const;

export type PartnerPermission = (typeof PARTNER_PERMISSIONS)[number];

export const STAFF_PERMISSIONS = [
  "partners.view",
  "partners.manage",
  "accounts.lookup",
  "accounts.resolve",
  "staff.manage",
  "audit.view.all",
] as const;

export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];
export type Permission = PartnerPermission | StaffPermission;

export const PERMISSION_INFO: Record<PartnerPermission, { label: string; description: string }> = {
  "users.view": { label: "View team", description: "See the team members and their roles." },
  "users.manage": {
    label: "Manage team",
    description: "Invite, edit, delete and restore team members and change their permissions.",
  },
  "customers.view": { label: "View customers", description: "See customers, their users and licenses." },
  "customers.manage": {
    label: "Manage customers",
    description: "Create and edit customers and their users, import users and reset their passwords.",
  },
  "licenses.manage": { label: "Manage licenses", description: "Assign and revoke licenses." },
  "orders.create": { label: "Place orders", description: "Place license orders for customers." },
  "audit.view": { label: "View audit log", description: "Read this organization's audit log." },
  "settings.manage": { label: "Manage settings", description: "Edit the partner profile and API keys." },
};

// Tuples, so that z.enum(PARTNER_ROLE_KEYS) keeps the key type; the database
// refuses any other role (CHECK constraints, migration 20261201130000_known_roles_and_permissions).
export const PARTNER_ROLE_KEYS = ["partner_admin", "account_executive", "sales", "read_only"] as const;
export const STAFF_ROLE_KEYS = ["portal_owner", "portal_admin", "support"] as const;
export type PartnerRoleKey = (typeof PARTNER_ROLE_KEYS)[number];
export type StaffRoleKey = (typeof STAFF_ROLE_KEYS)[number];

type RoleDefinition<P extends Permission> = {
  label: string;
  description: string;
  permissions: readonly P[];
  requiresManager: boolean;
};

export const PARTNER_ROLES: Record<PartnerRoleKey, RoleDefinition<PartnerPermission>> = {
  partner_admin: {
    label: "Partner Admin",
    description: "Everything in this organization.",
    permissions: PARTNER_PERMISSIONS,
    requiresManager: false,
  },
  account_executive: {
    label: "Partner Account Executive",
    description: "Customers, licenses and orders; reports to a Partner Admin.",
    permissions: ["customers.view", "customers.manage", "licenses.manage", "orders.create"],
    requiresManager: true,
  },
  sales: {
    label: "Sales",
    description: "Sees customers and places orders.",
    permissions: ["customers.view", "orders.create"],
    requiresManager: false,
  },
  read_only: {
    label: "Read-only",
    description: "Sees the team and customers, changes nothing.",
    permissions: ["users.view", "customers.view"],
    requiresManager: false,
  },
};

export const STAFF_ROLES: Record<StaffRoleKey, RoleDefinition<StaffPermission>> = {
  portal_owner: {
    label: "Portal Owner",
    description: "Everything in the vendor console.",
    permissions: STAFF_PERMISSIONS,
    requiresManager: false,
  },
  portal_admin: {
    label: "Portal Admin",
    description: "Manages partners and support tasks.",
    permissions: ["partners.view", "partners.manage", "accounts.lookup", "accounts.resolve", "audit.view.all"],
    requiresManager: false,
  },
  support: {
    label: "Support",
    description: "Finds accounts, resolves duplicates, resends invites.",
    permissions: ["partners.view", "accounts.lookup", "accounts.resolve", "audit.view.all"],
    requiresManager: false,
  },
};

export function isPartnerRole(value: string | null | undefined): value is PartnerRoleKey {
  return value != null && value in PARTNER_ROLES;
}

function isStaffRole(value: string | null | undefined): value is StaffRoleKey {
  return value != null && value in STAFF_ROLES;
}

export function roleLabel(role: string | null | undefined): string {
  if (isPartnerRole(role)) return PARTNER_ROLES[role].label;
  if (isStaffRole(role)) return STAFF_ROLES[role].label;
  return "Custom";
}

/** What a user may do: their role's preset plus any extra permissions. */
export function effectivePermissions(role: string | null | undefined, extras: readonly string[]): Permission[] {
  const fromRole: readonly Permission[] = isPartnerRole(role)
    ? PARTNER_ROLES[role].permissions
    : isStaffRole(role)
      ? STAFF_ROLES[role].permissions
      : [];
  const known = new Set<string>([...PARTNER_PERMISSIONS, ...STAFF_PERMISSIONS]);
  return [...new Set([...fromRole, ...extras.filter((p) => known.has(p))])] as Permission[];
}

export type PermissionHolder = { permissions: readonly Permission[] };

export function can(holder: PermissionHolder | null | undefined, permission: Permission): boolean {
  return holder?.permissions.includes(permission) ?? false;
}

export function requirePermission(holder: PermissionHolder, permission: Permission): void {
  if (!can(holder, permission)) throw new ForbiddenError();
}
