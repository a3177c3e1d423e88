import { expect, test, uniqueEmail } from "./fixtures";
import { createPartner } from "../support/factories";
import { db } from "@/lib/db/client";

test("a partner admin filters the audit log by action and target, and sees only their organization", async ({ page, signedInAdmin, teamPage }) => {
  const email = uniqueEmail("audited");
  await teamPage.goto();
  await teamPage.invite({ firstName: "Aud", lastName: "Ited", email, role: "Sales" });
  await expect(page.getByRole("status")).toContainText("Invitation sent");

  // Another organization's events never show, even when asked for by id.
  const other = await createPartner();
  await db.auditEvent.create({
    data: { partnerId: other.partner.id, actorId: other.admin.id, action: "user.invited", targetType: "user", targetId: other.admin.id },
  });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  const filters = page.getByRole("search", { name: "Filter audit log" });
  const events = page.getByRole("table", { name: "Audit events" });
  await expect(events).toContainText("auth.signed_in");

  await filters.getByLabel("Action").selectOption({ label: "Team member invited" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=user.invited/);
  await expect(events.getByRole("row")).toHaveCount(2); // header + the one invitation
  await expect(events).toContainText("user.invited");
  await expect(events).not.toContainText("auth.signed_in");
  await expect(filters.getByLabel("Action")).toHaveValue("user.invited");

  // By target: the invited member's event shows; the other organization's admin, though its event exists, shows nothing.
  const invited = await db.user.findFirstOrThrow({ where: { partnerId: signedInAdmin.partner.id, emailNormalized: email.toLowerCase() } });
  await page.goto(`/audit?target=${invited.id}`);
  await expect(events.getByRole("row")).toHaveCount(2);
  await expect(events).toContainText("user.invited");
  await page.goto(`/audit?target=${other.admin.id}`);
  await expect(page.getByText("No events match these filters.")).toBeVisible();
});

test("an audit filter that doesn't parse is reported and the page still works", async ({ page, signedInAdmin }) => {
  await page.goto("/audit?from=not-a-date");
  await expect(page.getByText(/Some filters were not understood \(from: Enter a date like 2026-11-26\.\)/)).toHaveAttribute("role", "alert");
  // The rest of the page works: the admin's own sign-in is listed, by them.
  const events = page.getByRole("table", { name: "Audit events" });
  await expect(events).toContainText("auth.signed_in");
  await expect(events).toContainText(signedInAdmin.admin.email);
});
