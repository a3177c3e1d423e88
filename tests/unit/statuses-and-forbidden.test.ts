import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { displayStatus } from "@/lib/team/status";
import { matchPartnerPage, mayOpenPage, PARTNER_PAGES, permissionsNeededFor } from "@/lib/auth/page-access";
import { effectivePermissions } from "@/lib/auth/permissions";
import { inviteConfirmation } from "@/lib/team/invite-summary";

// Decision 0025: one derivation of a user's display status, one table of
// page → permissions read by the page guards and by the 403 page.

const now = new Date("2026-11-30T12:00:00Z");
const hour = 3600_000;

describe("displayStatus", () => {
  it("calls an invitation whose newest link has run out 'Invitation expired' and offers Re-invite", () => {
    expect(displayStatus({ status: "INVITED", invitationExpiresAt: new Date(now.getTime() - hour) }, now)).toMatchObject({
      key: "INVITATION_EXPIRED",
      label: "Invitation expired",
      inviteAction: "Re-invite",
    });
    // No unused link at all can't be accepted either: never shown as plain "Invited".
    expect(displayStatus({ status: "INVITED", invitationExpiresAt: null }, now)).toMatchObject({ label: "Invitation expired", inviteAction: "Re-invite" });
  });

  it("offers Resend invite while the link still works, and no invite action to anyone else", () => {
    expect(displayStatus({ status: "INVITED", invitationExpiresAt: new Date(now.getTime() + hour) }, now)).toMatchObject({
      label: "Invited",
      inviteAction: "Resend invite",
    });
    expect(displayStatus({ status: "ACTIVE" }, now)).toMatchObject({ label: "Active", inviteAction: null });
    expect(displayStatus({ status: "DISABLED" }, now)).toMatchObject({ label: "Disabled", inviteAction: null });
    expect(displayStatus({ status: "INVITED", deletedAt: now, invitationExpiresAt: null }, now)).toMatchObject({ label: "Deleted", inviteAction: null });
  });
});

describe("the page permission table", () => {
  it("maps a request path to its page, static segments before ids", () => {
    expect(matchPartnerPage("/team/invite")).toBe("/team/invite");
    expect(matchPartnerPage("/team/3f2b8c1e-0000-4000-8000-000000000000")).toBe("/team/[id]");
    expect(matchPartnerPage("/customers/abc/users/import/")).toBe("/customers/[id]/users/import");
    expect(matchPartnerPage("/nowhere")).toBeNull();
    expect(matchPartnerPage("/team//")).toBe("/team");
  });

  it("names, for the 403 page, the permissions the page needs, with their readable names", () => {
    expect(permissionsNeededFor("/team").map((p) => p.label)).toEqual(["View team"]);
    // Placing an order needs two; someone who can place orders lacks only "View customers".
    const sales = { permissions: effectivePermissions(null, ["orders.create"]) };
    expect(permissionsNeededFor("/orders/new", sales).map((p) => p.label)).toEqual(["View customers"]);
    expect(mayOpenPage(sales, "/orders/new")).toBe(false);
    expect(permissionsNeededFor("/login")).toEqual([]);
  });

  it("is what every partner page's guard reads: each page passes its own route, each route is a page", () => {
    const root = join(process.cwd(), "app", "(portal)");
    const pages = files(root).filter((path) => path.endsWith(`${sep}page.tsx`));
    // The only pages without requirePartnerPage: every signed-in user (partner
    // member or customer user) may open them, so they guard with requireCaller.
    const openToEverySignedInUser = [
      "/", // the dashboard: it shows each caller what they may reach
      "/team/me", // one's own account
    ];
    const guarded = new Map<string, string>();
    const unguarded: string[] = [];
    for (const path of pages) {
      const source = readFileSync(path, "utf8");
      const route = `/${relative(root, path).split(sep).slice(0, -1).join("/")}`;
      const call = source.match(/requirePartnerPage\(([^)]*)\)/);
      if (call) guarded.set(route, call[1]);
      else {
        unguarded.push(route);
        expect(source, `${route} has no guard at all`).toMatch(/\brequireCaller\(\)/);
      }
    }
    expect(unguarded.sort(), "pages without requirePartnerPage").toEqual([...openToEverySignedInUser].sort());
    for (const [route, argument] of guarded) expect(argument, `guard of ${route}`).toBe(JSON.stringify(route));
    expect([...guarded.keys()].sort()).toEqual(Object.keys(PARTNER_PAGES).sort());
  });
});

describe("the invite confirmation", () => {
  it("repeats the role, what they can do and whom they report to", () => {
    const text = inviteConfirmation(
      { email: "ada@example.test", firstName: "Ada", manager: { firstName: "Nadia", lastName: "Admin" } },
      { role: "account_executive", permissions: ["audit.view"] },
    );
    expect(text).toBe(
      "Invitation sent to ada@example.test. As Partner Account Executive, reporting to Nadia Admin. They can: View customers, Manage customers, " +
        "Manage licenses, Place orders, View audit log (extra). Ada appears in the team list as Invited until they activate.",
    );
  });
});

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else out.push(path);
  }
  return out;
}
