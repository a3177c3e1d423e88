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

export const test = base.extend<Fixtures>({
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
