import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/email/render";
import { linksIn } from "@/lib/email/links";
import { isoWeekOf, previousIsoWeek, weekLabel } from "@/lib/notifications/weekly-summary";
import type { LicenseChangeItem, LicenseChangesEmailProps } from "@/emails/license-changes";

// The notification emails people opt in to (decision 0017): one event reads
// as that event, several as a digest; each has a plain-text part and the
// link to the recipient's notification settings.

const settingsUrl = "https://portal.example.test/team/me#notifications";
const change = (userName: string, overrides: Partial<LicenseChangeItem> = {}): LicenseChangeItem => ({
  actorName: "Alice Admin",
  customerName: "Fabrikam Dental",
  userName,
  assigned: ["Productivity Standard"],
  revoked: [],
  ...overrides,
});

/** The license changes email to Nadia of Northwind, with her notification settings link. */
const licenseChangesEmail = (props: Pick<LicenseChangesEmailProps, "changes" | "totals" | "linkUrl">) =>
  renderEmail("license-changes", { firstName: "Nadia", organizationName: "Northwind", settingsUrl, ...props });

describe("the license changes email", () => {
  it("tells a single change as it happened", async () => {
    const email = await licenseChangesEmail({
      changes: [change("Lena Larsen")],
      totals: { changes: 1, assigned: 1, revoked: 0, customers: 1 },
      linkUrl: "https://portal.example.test/customers/c1/users",
    });
    expect(email.subject).toBe("Lena Larsen (Fabrikam Dental) was assigned Productivity Standard");
    expect(email.text).toContain("Hello Nadia,");
    expect(email.text).toContain("Alice Admin assigned Productivity Standard to Lena Larsen (Fabrikam Dental).");
    expect(linksIn(email.html)).toEqual(["https://portal.example.test/customers/c1/users", settingsUrl]);
    expect(email.text).toContain(settingsUrl);
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it("sums up many changes as one digest listing the first ones", async () => {
    const email = await licenseChangesEmail({
      changes: [change("Ann One", { via: "CSV import" }), change("Ben Two", { assigned: [], revoked: ["Security Plus"], customerName: "Tailspin" })],
      totals: { changes: 1500, assigned: 1400, revoked: 100, customers: 2 },
      linkUrl: "https://portal.example.test/customers",
    });
    expect(email.subject).toBe("1,500 license changes for 2 customers");
    expect(email.text).toContain("1,400 licenses assigned and 100 licenses revoked, for 1,500 users of 2 customers");
    expect(email.text).toContain("Alice Admin assigned Productivity Standard to Ann One (Fabrikam Dental, CSV import)");
    expect(email.text).toContain("Alice Admin revoked Security Plus from Ben Two (Tailspin)");
    expect(email.text).toContain("… and 1,498 more changes.");
    expect(linksIn(email.html)).toContain(settingsUrl);
  });

  it("escapes names in the HTML", async () => {
    const email = await licenseChangesEmail({
      changes: [change(`<script>x</script>`)],
      totals: { changes: 1, assigned: 1, revoked: 0, customers: 1 },
      linkUrl: "https://portal.example.test/customers",
    });
    expect(email.html).not.toContain("<script>x");
  });
});

describe("the new orders email", () => {
  const order = { actorName: "Alice Admin", customerName: "Fabrikam Dental", customerNumber: "C-000007", orderNumber: "O-000042" };

  it("names the order's customer, products and seats", async () => {
    const email = await renderEmail("new-orders", {
      firstName: "Nadia",
      organizationName: "Northwind",
      orders: [{ ...order, lines: [{ product: "Productivity Standard", seats: 25 }, { product: "Security Plus", seats: 1 }] }],
      totals: { orders: 1, seats: 26, customers: 1 },
      linkUrl: "https://portal.example.test/customers/c1",
      settingsUrl,
    });
    expect(email.subject).toBe("New order O-000042 for Fabrikam Dental");
    expect(email.text).toContain("Alice Admin placed order O-000042 for Fabrikam Dental (C-000007): 25 seats of Productivity Standard, 1 seat of Security Plus.");
    expect(email.text).toContain(settingsUrl);
  });

  it("digests several orders", async () => {
    const email = await renderEmail("new-orders", {
      firstName: "Nadia",
      organizationName: "Northwind",
      orders: [{ ...order, lines: [{ product: "Productivity Standard", seats: 5 }] }, { ...order, orderNumber: "O-000043", lines: [{ product: "Security Plus", seats: 3 }] }],
      totals: { orders: 2, seats: 8, customers: 1 },
      linkUrl: "https://portal.example.test/customers/c1",
      settingsUrl,
    });
    expect(email.subject).toBe("2 new orders for Fabrikam Dental");
    expect(email.text).toContain("2 orders for 1 customer, 8 seats in all");
    expect(email.text).toContain("O-000043 for Fabrikam Dental (C-000007) by Alice Admin: 3 seats of Security Plus");
  });
});

describe("the weekly summary email", () => {
  const base = {
    firstName: "Nadia",
    organizationName: "Northwind",
    weekLabel: "23–29 November 2026",
    portalUrl: "https://portal.example.test/",
    settingsUrl,
  };
  const team = { invitationsSent: 3, invitationsAccepted: 2, invitationsExpired: 1, membersDeleted: 4 };
  const customers = {
    usersAdded: 1000,
    usersDeleted: 5,
    licensesAssigned: 990,
    licensesRevoked: 6,
    orders: 2,
    seatsOrdered: 1200,
    nearlyFull: [{ customerName: "Fabrikam Dental", productName: "Productivity Standard", assigned: 9, purchased: 10 }],
    nearlyFullTotal: 3,
  };

  it("shows the week's figures in HTML and text, with the settings link", async () => {
    const email = await renderEmail("weekly-summary", { ...base, team, customers });
    expect(email.subject).toBe("Northwind: your week on Partner Portal (23–29 November 2026)");
    for (const line of [
      "Invitations sent: 3",
      "Invitations accepted: 2",
      "Invitations expired: 1",
      "Team members deleted: 4",
      "Customer users added: 1000",
      "Licenses assigned: 990",
      "Licenses revoked: 6",
      "Orders placed: 2 (1,200 seats)",
      "Subscriptions at 90% of their seats or more: 3",
      "Fabrikam Dental, Productivity Standard: 9 of 10 seats assigned",
      "… and 2 more subscriptions.",
    ]) {
      expect(email.text).toContain(line);
      expect(email.html.replace(/<!-- -->/g, "")).toContain(line);
    }
    expect(linksIn(email.html)).toEqual(["https://portal.example.test/", settingsUrl]);
  });

  it("leaves out the sections the recipient may not see", async () => {
    const email = await renderEmail("weekly-summary", { ...base, customers });
    expect(email.text).not.toContain("Invitations sent");
    expect(email.text).toContain("Licenses assigned");
  });
});

describe("ISO weeks", () => {
  it("start on Monday 00:00 UTC and are keyed by ISO year and week", () => {
    expect(isoWeekOf(new Date("2026-12-02T15:00:00Z"))).toEqual({
      key: "2026-W49",
      start: new Date("2026-11-30T00:00:00Z"),
      end: new Date("2026-12-07T00:00:00Z"),
    });
    expect(isoWeekOf(new Date("2027-01-01T12:00:00Z")).key).toBe("2026-W53");
    expect(isoWeekOf(new Date("2025-12-29T00:00:00Z")).key).toBe("2026-W01");
    expect(isoWeekOf(new Date("2026-11-29T23:59:59Z")).key).toBe("2026-W48");
  });

  it("name the week before on a Monday", () => {
    const week = previousIsoWeek(new Date("2026-11-30T06:00:00Z"));
    expect(week.key).toBe("2026-W48");
    // Spacing around the dash follows the ICU version.
    expect(weekLabel(week)).toMatch(/^23\s?–\s?29 November 2026$/);
    expect(weekLabel(previousIsoWeek(new Date("2026-12-07T06:00:00Z")))).toMatch(/^30 November\s?–\s?6 December 2026$/);
  });
});
