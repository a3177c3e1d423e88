import { describe, expect, it } from "vitest";
import {
  can,
  effectivePermissions,
  PARTNER_PERMISSIONS,
  PARTNER_ROLES,
  requirePermission,
} from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";

describe("permissions", () => {
  it("gives a Partner Admin every partner permission", () => {
    expect(new Set(effectivePermissions("partner_admin", []))).toEqual(new Set(PARTNER_PERMISSIONS));
  });

  it("adds per-user extras on top of a role, without duplicates", () => {
    const permissions = effectivePermissions("sales", ["audit.view", "customers.view"]);
    expect(permissions.sort()).toEqual(["audit.view", "customers.view", "orders.create"]);
  });

  it("ignores unknown permission names stored on a user", () => {
    expect(effectivePermissions(null, ["users.view", "root.everything"])).toEqual(["users.view"]);
  });

  it("grants nothing without a role or extras (deny by default)", () => {
    expect(effectivePermissions(null, [])).toEqual([]);
    expect(can({ permissions: [] }, "users.view")).toBe(false);
    expect(can(null, "users.view")).toBe(false);
  });

  it("requires a manager only for the Account Executive role", () => {
    const needing = Object.entries(PARTNER_ROLES).filter(([, role]) => role.requiresManager).map(([key]) => key);
    expect(needing).toEqual(["account_executive"]);
  });

  it("throws ForbiddenError when the permission is missing", () => {
    const readOnly = { permissions: effectivePermissions("read_only", []) };
    expect(() => requirePermission(readOnly, "users.manage")).toThrow(ForbiddenError);
    expect(() => requirePermission(readOnly, "users.view")).not.toThrow();
  });
});
