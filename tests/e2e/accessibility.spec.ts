import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, TEST_PASSWORD } from "./fixtures";
import { createCustomerUser, createCustomerWithSubscription } from "../support/customer-factories";
import { createPartner } from "../support/factories";
import { createStaffUser } from "../support/staff-factories";

// Every page a person works with, checked by axe-core in the real browser:
// labels, names, roles, contrast, landmarks (WCAG 2.1 A and AA rules).
// Any serious or critical finding fails, naming the rule and the element.
async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(serious, `accessibility of ${path}`).toEqual([]);
}

async function signIn(page: Page, login: string) {
  await page.goto("/login");
  await page.getByLabel("Email or username").fill(login);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test("public pages", async ({ page }) => {
  for (const path of ["/login", "/forgot-password", "/activate/not-a-real-token-000000", "/reset-password/not-a-real-token-000000"]) {
    await expectAccessible(page, path);
  }
});

// Each test walks many pages one after another; on a busy 2-core machine that takes longer than one page's budget.
test.describe.configure({ timeout: 180_000 });

test("partner pages", async ({ page }) => {
  const { partner, admin } = await createPartner();
  const { customer } = await createCustomerWithSubscription(partner.id, 5);
  await createCustomerUser(customer, { firstName: "Cara", lastName: "Customer" });
  await signIn(page, admin.email);
  for (const path of [
    "/",
    "/team",
    "/team/invite",
    `/team/${admin.id}`,
    "/team/deleted",
    "/customers",
    "/customers/new",
    `/customers/${customer.id}`,
    `/customers/${customer.id}/users`,
    `/customers/${customer.id}/users/new`,
    `/customers/${customer.id}/users/import`,
    "/orders/new",
    "/audit",
    "/settings",
    "/team/me",
    "/account/change-password",
  ]) {
    await expectAccessible(page, path);
  }
});

test("vendor console pages", async ({ page }) => {
  const { user } = await createStaffUser("portal_owner");
  const { partner } = await createPartner();
  await signIn(page, user.email);
  for (const path of ["/admin/partners", "/admin/partners/new", "/admin/partners/import", `/admin/partners/${partner.id}`, "/admin/accounts?q=a", "/admin/audit", "/admin/staff"]) {
    await expectAccessible(page, path);
  }
});
