import { db } from "@/lib/db/client";
import { createPartner, createPartnerUser } from "../support/factories";
import { createStaffUser } from "../support/staff-factories";
import { createCustomerUser, createCustomerWithSubscription } from "../support/customer-factories";
import { expect, test, TEST_PASSWORD, uniqueEmail } from "./fixtures";

// Decision 0025, as a user meets it: one display status everywhere, a message
// after every vendor-console action, counted Deleted users tabs, an invite
// confirmation that repeats the grant, own-password links, a 403 page that
// names the missing permission.

test("the vendor console shows an expired invitation and Re-invite exactly as the Team page does; Make primary user confirms", async ({
  page,
  loginPage,
}) => {
  const { partner, admin } = await createPartner();
  const expired = await createPartnerUser(partner.id, { firstName: "Eve", lastName: "Expired", status: "INVITED", role: "sales", email: uniqueEmail("eve") });
  await db.userToken.create({
    data: { userId: expired.id, purpose: "ACTIVATION", tokenHash: `expired-${expired.id}`, expiresAt: new Date(Date.now() - 3600_000) },
  });
  const backup = await createPartnerUser(partner.id, { firstName: "Bob", lastName: "Backup", role: "partner_admin" });

  // The partner's own Team page.
  await loginPage.goto();
  await loginPage.signIn(admin.email, TEST_PASSWORD);
  await page.getByRole("heading", { name: "Welcome, Alice" }).waitFor();
  await page.goto("/team");
  const teamRow = page.getByRole("row").filter({ hasText: expired.email });
  await expect(teamRow).toContainText("Invitation expired");
  await expect(teamRow.getByRole("button", { name: "Re-invite Eve Expired" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();

  // The vendor console's page of that partner: the same words and the same button.
  const { user: owner } = await createStaffUser("portal_owner");
  await loginPage.goto();
  await loginPage.signIn(owner.email, TEST_PASSWORD);
  await expect(page.getByRole("heading", { name: "Partners" })).toBeVisible();
  await page.goto(`/admin/partners/${partner.id}`);
  const row = page.getByRole("table", { name: `Team of ${partner.name}` }).getByRole("row").filter({ hasText: expired.email });
  await expect(row).toContainText("Invitation expired");
  await row.getByRole("button", { name: "Re-invite Eve Expired" }).click();
  await expect(row).toContainText(`A new invitation was sent to ${expired.email}`);
  await expect(row).toContainText("Invited");
  await expect(row).not.toContainText("Invitation expired");

  // Make primary user says what happened.
  const transfer = page.getByRole("form", { name: "Transfer primary user" });
  await transfer.getByLabel("New primary user").selectOption({ label: `Bob Backup (${backup.email})` });
  await transfer.getByRole("button", { name: "Transfer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Bob Backup is now the primary user." })).toBeVisible();
  await expect(page.getByText(/Primary user: Bob Backup/)).toBeVisible();
});

test("the 403 page names the missing permission and the primary user to ask, and links to support", async ({ page, loginPage }) => {
  const { partner } = await createPartner();
  const seller = await createPartnerUser(partner.id, { role: null, permissions: ["orders.create"] });
  await loginPage.goto();
  await loginPage.signIn(seller.email, TEST_PASSWORD);
  await page.getByRole("heading", { name: "Welcome, Test" }).waitFor();

  const response = await page.goto("/team");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access" })).toBeVisible();
  await expect(page.getByText("This page needs the “View team” permission, which your account doesn't have.")).toBeVisible();
  await expect(page.getByText("Ask Alice Admin, your organization's primary user, for it.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Contact support" })).toHaveAttribute("href", /^mailto:support@partner-portal\.local\?subject=/);

  // Placing an order needs two permissions; only the one this account lacks is named.
  await page.goto("/orders/new");
  await expect(page.getByText("This page needs the “View customers” permission, which your account doesn't have.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Missing permissions" })).not.toContainText("Place orders");
});

test("Deleted users tabs show a count, and the invite confirmation repeats role, permissions and manager", async ({ page, signedInAdmin }) => {
  const gone = await createPartnerUser(signedInAdmin.partner.id, { role: "sales" });
  await db.user.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
  const { customer } = await createCustomerWithSubscription(signedInAdmin.partner.id, 2);
  for (let i = 0; i < 2; i++) {
    const user = await createCustomerUser(customer);
    await db.user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
  }

  await page.goto("/team");
  await expect(page.getByRole("navigation", { name: "Team views" }).getByRole("link", { name: "Deleted users (1)" })).toBeVisible();
  await page.goto(`/customers/${customer.id}/users`);
  await expect(page.getByRole("navigation", { name: "User lists" }).getByRole("link", { name: "Deleted users (2)" })).toBeVisible();

  await page.goto("/team/invite");
  const form = page.getByRole("form", { name: "Invite user" });
  const email = uniqueEmail("ada");
  await form.getByLabel("First name").fill("Ada");
  await form.getByLabel("Last name").fill("Lovelace");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("radio", { name: "Partner Account Executive", exact: true }).check();
  await form.getByLabel(/^Manager/).selectOption({ label: "Alice Admin" });
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(
    `Invitation sent to ${email}. As Partner Account Executive, reporting to Alice Admin. They can: View customers, Manage customers, Manage licenses, Place orders.`,
  );
});

test("a customer user and a staff member find their own password form, which asks for the current password", async ({ page, loginPage }) => {
  const { user: support } = await createStaffUser("support");
  await loginPage.goto();
  await loginPage.signIn(support.email, TEST_PASSWORD);
  await page.getByRole("navigation", { name: "Vendor console" }).getByRole("link", { name: "Change password" }).click();
  await expect(page.getByLabel("Current password")).toBeVisible();
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password", { exact: true }).fill("copper kettle on a quiet morning");
  await page.getByLabel("Confirm password").fill("copper kettle on a quiet morning");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByRole("form", { name: "Choose a new password" })).toContainText("That isn't your current password.");
  await page.getByLabel("Current password").fill(TEST_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("copper kettle on a quiet morning");
  await page.getByLabel("Confirm password").fill("copper kettle on a quiet morning");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password was changed. Other sessions have been signed out.");

  const { partner, admin } = await createPartner();
  const { customer } = await createCustomerWithSubscription(partner.id, 1);
  const lena = await createCustomerUser(customer, { firstName: "Lena" });
  await db.user.update({ where: { id: lena.id }, data: { passwordHash: (await db.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash } });
  await page.getByRole("button", { name: "Sign out" }).click();
  await loginPage.goto();
  await loginPage.signIn(lena.email, TEST_PASSWORD);
  await page.getByRole("link", { name: "Your account: change your password" }).click();
  await expect(page.getByLabel("Current password")).toBeVisible();
});
