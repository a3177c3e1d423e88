import { test as base } from "@playwright/test";
import { createPartner, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { LoginPage } from "./pages/login-page";
import { TeamPage } from "./pages/team-page";

type Fixtures = {
  /** A fresh partner whose Partner Admin is signed in. */
  signedInAdmin: Awaited<ReturnType<typeof createPartner>>;
  loginPage: LoginPage;
  teamPage: TeamPage;
};

/**
 * A client address of its own for each browser page: per-IP sign-in limits
 * (shared through Postgres) would otherwise add up across tests and runs, as
 * every test comes from 127.0.0.1. The app reads the client from
 * X-Forwarded-For, as behind a proxy.
 */
export const clientIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

export const test = base.extend<Fixtures>({
  page: async ({ page }, use) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIp() });
    await use(page);
  },
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  teamPage: async ({ page }, use) => use(new TeamPage(page)),
  signedInAdmin: async ({ loginPage, page }, use) => {
    const partner = await createPartner();
    await loginPage.goto();
    await loginPage.signIn(partner.admin.email, TEST_PASSWORD);
    await page.getByRole("heading", { name: `Welcome, ${partner.admin.firstName}` }).waitFor();
    await use(partner);
  },
});

export { expect } from "@playwright/test";
export { TEST_PASSWORD, uniqueEmail };
