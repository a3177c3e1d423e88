-- Roles and permissions are keys of the catalog in lib/auth/permissions.ts
-- (decision 0028). The database refuses any other value, so a typo or a
-- stale key can never grant or hide anything. tests/integration/known-roles.test.ts
-- checks that these lists and the catalog agree: a new role or permission
-- needs a migration that replaces these constraints.

-- A partner user holds a partner role or none (custom permissions); vendor
-- staff hold a staff role; a customer user holds no role.
ALTER TABLE "User" ADD CONSTRAINT "User_role_known" CHECK (
  CASE "kind"
    WHEN 'PARTNER' THEN "role" IS NULL OR "role" IN ('partner_admin', 'account_executive', 'sales', 'read_only')
    WHEN 'STAFF' THEN "role" IS NOT NULL AND "role" IN ('portal_owner', 'portal_admin', 'support')
    ELSE "role" IS NULL
  END
);

-- Extra permissions: partner permissions for partner users, staff
-- permissions for staff, none for customer users.
ALTER TABLE "User" ADD CONSTRAINT "User_permissions_known" CHECK (
  array_position("permissions", NULL) IS NULL AND
  CASE "kind"
    WHEN 'PARTNER' THEN "permissions" <@ ARRAY['users.view', 'users.manage', 'customers.view', 'customers.manage', 'licenses.manage', 'orders.create', 'audit.view', 'settings.manage']::text[]
    WHEN 'STAFF' THEN "permissions" <@ ARRAY['partners.view', 'partners.manage', 'accounts.lookup', 'accounts.resolve', 'staff.manage', 'audit.view.all']::text[]
    ELSE cardinality("permissions") = 0
  END
);

-- An API key is scoped to partner permissions only.
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_permissions_known" CHECK (
  array_position("permissions", NULL) IS NULL AND
  "permissions" <@ ARRAY['users.view', 'users.manage', 'customers.view', 'customers.manage', 'licenses.manage', 'orders.create', 'audit.view', 'settings.manage']::text[]
);
