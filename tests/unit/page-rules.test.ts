// Rules that pages used to compute themselves, now asked of lib: which email
// notifications a person may choose, and who may become a partner's primary
// user (both the member page's button and the vendor console's list).
import { describe, expect, it } from "vitest";
import { PARTNER_ROLES } from "@/lib/auth/permissions";
import { NOTIFICATION_KINDS, notificationKindsFor } from "@/lib/notifications/kinds";
import { mayBecomePrimary } from "@/lib/team/rules";

describe("the notifications a person may choose (Your account → Email notifications)", () => {
  it("offers a Partner Admin every kind", () => {
    expect(notificationKindsFor(PARTNER_ROLES.partner_admin.permissions)).toEqual(NOTIFICATION_KINDS);
  });

  it("offers Sales only what they can receive: no team or seat notices", () => {
    expect(notificationKindsFor(PARTNER_ROLES.sales.permissions)).toEqual(["license_changes", "new_orders", "weekly_summary", "security"]);
  });

  it("offers someone with no permission the summary and security notices only", () => {
    expect(notificationKindsFor([])).toEqual(["weekly_summary", "security"]);
  });
});

describe("who may become the primary user", () => {
  it("is an active Partner Admin", () => {
    expect(mayBecomePrimary({ role: "partner_admin", status: "ACTIVE" })).toBe(true);
  });

  it("is never an invited or disabled admin, nor an active member of another role or with custom permissions", () => {
    expect(mayBecomePrimary({ role: "partner_admin", status: "INVITED" })).toBe(false);
    expect(mayBecomePrimary({ role: "partner_admin", status: "DISABLED" })).toBe(false);
    expect(mayBecomePrimary({ role: "account_executive", status: "ACTIVE" })).toBe(false);
    expect(mayBecomePrimary({ role: null, status: "ACTIVE" })).toBe(false);
  });
});
