// Customer users welcomed by email, edited and copied (decision 0024).
import { expect, test, uniqueEmail } from "./fixtures";
import { waitForEmail } from "./support/mail";
import { CustomerUsersPage } from "./pages/customer-users-page";
import { activationLinkIn, NewPasswordPage } from "./pages/new-password-page";
import { createCustomer, createCustomerUser, createProduct, createSubscription } from "../support/customer-factories";

test("an admin adds a customer user with an emailed activation link; the user activates, signs in and sees their license", async ({
  page,
  signedInAdmin,
  loginPage,
}) => {
  const customer = await createCustomer(signedInAdmin.partner.id, { name: "Welcome Dental" });
  const product = await createProduct({ name: "Welcome Suite" });
  await createSubscription(customer, product.id, 3);
  const email = uniqueEmail("wendy");

  const users = new CustomerUsersPage(page);
  await users.goto(customer.id);
  await page.getByRole("link", { name: "Add user" }).click();
  await page.getByLabel("First name", { exact: true }).fill("Wendy");
  await page.getByLabel("Last name", { exact: true }).fill("Welcome");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("checkbox", { name: /Welcome Suite/ }).check();
  await page.getByRole("radio", { name: /Email an activation link/ }).check();
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText(`Wendy Welcome was added. A welcome email with an activation link is on its way to ${email}.`);
  await expect(page.getByText(/temporary password/i)).toHaveCount(0);

  const subject = /Welcome: activate your Welcome Dental account/;
  const activationLink = async () => activationLinkIn(await waitForEmail({ to: email, subject }));
  const firstLink = await activationLink();

  // Resend from the user's page (never signed in): a new link replaces the first.
  await users.goto(customer.id);
  await expect(users.row("Wendy Welcome")).toContainText("Invited");
  await page.getByRole("link", { name: "Wendy Welcome" }).click();
  await page.getByRole("button", { name: "Resend welcome email" }).click();
  await expect(page.getByText(`A new welcome email with an activation link is on its way to Wendy Welcome at ${email}.`)).toBeVisible();

  // The newest welcome email carries the new link (wait for it: the worker delivers asynchronously).
  let link = firstLink;
  await expect.poll(async () => (link = await activationLink()), { timeout: 15_000 }).not.toBe(firstLink);
  await loginPage.signOut();
  await page.goto(firstLink);
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Welcome, Wendy" })).toBeVisible();
  await new NewPasswordPage(page).choose("lighthouse over the bay", "Activate account");
  await expect(page.getByRole("region", { name: "Your licenses" })).toContainText("Welcome Suite");

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
});

test("an admin edits a customer user's name and sign-in email, then copies them with their license until seats run out", async ({ page, signedInAdmin }) => {
  const customer = await createCustomer(signedInAdmin.partner.id);
  const product = await createProduct({ name: "Copy Suite" });
  const subscription = await createSubscription(customer, product.id, 2);
  await createCustomerUser(customer, { firstName: "Lena", lastName: "Larsen", subscriptionIds: [subscription.id] });
  const newEmail = uniqueEmail("lena.lund");

  const users = new CustomerUsersPage(page);
  await users.goto(customer.id);
  await page.getByRole("link", { name: "Lena Larsen" }).click();
  const details = page.getByRole("form", { name: "Edit user" });
  await details.getByLabel("Last name", { exact: true }).fill("Lund");
  await details.getByLabel("Phone").fill("12");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByText("Enter a valid phone number", { exact: false })).toBeVisible();
  await details.getByLabel("Phone").fill("+44 20 7946 0958");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Lena Lund was saved.")).toBeVisible();

  const emailForm = page.getByRole("form", { name: "Change sign-in email" });
  await emailForm.getByLabel("New email").fill(newEmail);
  await emailForm.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByText(`A confirmation link was sent to ${newEmail}.`, { exact: false })).toBeVisible();
  await waitForEmail({ to: newEmail, subject: /Confirm/i });

  await page.getByRole("link", { name: "Copy user" }).click();
  await expect(page.getByRole("heading", { name: "Copy Lena Lund" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Copy Suite/ })).toBeChecked();
  await page.getByLabel("First name", { exact: true }).fill("Carl");
  await page.getByLabel("Last name", { exact: true }).fill("Copy");
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("carl"));
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("Carl Copy was added.");

  // The last seat is gone: a second copy says so and creates nobody.
  await users.goto(customer.id);
  await page.getByRole("link", { name: "Lena Lund" }).click();
  await page.getByRole("link", { name: "Copy user" }).click();
  await expect(page.getByRole("note")).toContainText("No free seat is left for Copy Suite");
  await page.getByLabel("First name", { exact: true }).fill("Cora");
  await page.getByLabel("Last name", { exact: true }).fill("Copy");
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("cora"));
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("No free seat left for Copy Suite. Order more seats or untick it.")).toBeVisible();
  await users.goto(customer.id);
  await expect(users.row("Cora Copy")).toHaveCount(0);
});
