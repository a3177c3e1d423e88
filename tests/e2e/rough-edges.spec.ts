import { db } from "@/lib/db/client";
import { createPartner, createPartnerUser } from "../support/factories";
import { createCustomer, createCustomerUser } from "../support/customer-factories";
import { expect, test, TEST_PASSWORD } from "./fixtures";

// The portal's rough edges (decision 0021), as a user meets them in the browser.

test("a taken email links to support with the address in the subject", async ({ page, signedInAdmin, teamPage }) => {
  const other = await createPartner();
  await teamPage.goto();
  await teamPage.invite({ firstName: "Dup", lastName: "Licate", email: other.admin.email, role: "Sales" });
  const form = page.getByRole("form", { name: "Invite user" });
  await expect(form.getByText("This email address can't be used. Contact support if it should belong to your organization.")).toBeVisible();
  const link = form.getByRole("link", { name: "Contact support" });
  await expect(link).toHaveAttribute(
    "href",
    `mailto:support@partner-portal.local?subject=${encodeURIComponent(`Duplicate email for ${other.admin.email}`)}`,
  );
  expect(signedInAdmin.partner.id).not.toBe(other.partner.id);
});

test("the Manager field says it is required once Partner Account Executive is chosen", async ({ page, signedInAdmin, teamPage }) => {
  await teamPage.goto();
  await page.getByRole("link", { name: "Invite user" }).click();
  const form = page.getByRole("form", { name: "Invite user" });
  await expect(form.getByLabel("Manager (optional)")).toBeVisible();
  await form.getByRole("radio", { name: "Partner Account Executive", exact: true }).check();
  await expect(form.getByLabel("Manager (required for a Partner Account Executive)")).toBeVisible();
  await expect(form.getByText("Manager (optional)")).toHaveCount(0);
  await form.getByRole("radio", { name: "Sales", exact: true }).check();
  await expect(form.getByLabel("Manager (optional)")).toBeVisible();
  expect(signedInAdmin.admin.firstName).toBe("Alice");
});

test("a disabled partner user who typed the right password is told whom to ask", async ({ page, loginPage }) => {
  const { partner } = await createPartner();
  const disabled = await createPartnerUser(partner.id, { status: "DISABLED", role: "sales" });
  await loginPage.goto();
  await loginPage.signIn(disabled.email, TEST_PASSWORD);
  // (Next's route announcer is an empty alert too: the form's own one is meant.)
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "Your account is disabled. Contact Alice Admin, your organization's primary user, to enable it.",
  );
});

test("a suspended partner's user gets a support link with the reason", async ({ page, loginPage }) => {
  const suspended = await createPartner();
  await db.partner.update({ where: { id: suspended.partner.id }, data: { status: "SUSPENDED", suspendedAt: new Date(), suspendedReason: "Unpaid" } });
  await loginPage.goto();
  await loginPage.signIn(suspended.admin.email, TEST_PASSWORD);
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toContainText("Your organization's access to Partner Portal is suspended: Unpaid.");
  await expect(alert.getByRole("link", { name: "Contact support" })).toHaveAttribute(
    "href",
    `mailto:support@partner-portal.local?subject=${encodeURIComponent(`Suspended organization: ${suspended.admin.email}`)}`,
  );
});

test("a customer user's header shows their own company and that they are a customer user", async ({ page, loginPage }) => {
  const { partner } = await createPartner("Reseller Plc");
  const customer = await createCustomer(partner.id, { name: "Fabrikam Dental" });
  const { email } = await createCustomerUser(customer, { firstName: "Cy", lastName: "Customer", withPassword: true });
  await loginPage.goto();
  await loginPage.signIn(email, TEST_PASSWORD);
  await page.getByRole("heading", { name: "Welcome, Cy" }).waitFor();
  const header = page.getByRole("banner");
  await expect(header).toContainText("Cy Customer · Fabrikam Dental · Customer user");
  await expect(header).not.toContainText("Reseller Plc");
  await expect(page.getByRole("main").getByText("Fabrikam Dental · Customer user", { exact: true })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("Reseller Plc");
});

test("pages are titled by name, and the site has icons and keeps out of search engines", async ({ page, signedInAdmin, request }) => {
  await page.goto("/team");
  await expect(page).toHaveTitle("Team · Partner Portal");
  await page.goto("/settings");
  await expect(page).toHaveTitle("Settings · Partner Portal");
  await expect(page.locator('head link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="apple-touch-icon"][href^="/apple-touch-icon.png"]')).toHaveCount(1);

  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/m);
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  const touch = await request.get("/apple-touch-icon.png");
  expect(touch.status()).toBe(200);
  expect(touch.headers()["content-type"]).toBe("image/png");
  expect(signedInAdmin.partner.name).toBeTruthy();
});
