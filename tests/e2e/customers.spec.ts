import { db } from "@/lib/db/client";
import { formatCustomerNumber } from "@/lib/customers/format";
import { expect, test, uniqueEmail } from "./fixtures";
import { waitForEmail } from "./support/mail";
import { CustomerUsersPage } from "./pages/customer-users-page";
import { createCustomer, createCustomerUser, createProduct, createSubscription } from "../support/customer-factories";
import { createPartner } from "../support/factories";

test("a partner admin places an order that creates the customer's subscription", async ({ page, signedInAdmin }) => {
  const customer = await createCustomer(signedInAdmin.partner.id, { name: "Orderly Bakery" });
  const product = await createProduct({ maxSeatsPerOrder: 50 });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New order" }).click();
  await page.getByLabel("Find a customer").fill(formatCustomerNumber(customer.number).toLowerCase());
  await page.getByRole("button", { name: "Find customer" }).click();
  await page.getByRole("link", { name: "Choose Orderly Bakery" }).click();

  const seats = page.getByLabel(product.name);
  await seats.fill("51");
  await page.getByRole("button", { name: "Review order" }).click();
  await expect(page.getByText("At most 50 seats per order.")).toBeVisible();

  await seats.fill("12");
  await page.getByRole("button", { name: "Review order" }).click();
  const review = page.getByRole("region", { name: "Review order" });
  await expect(review.getByRole("row").filter({ hasText: product.name })).toContainText("12");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("status")).toContainText(/Order O-\d{6} placed for Orderly Bakery/);

  await page.getByRole("link", { name: "View customer" }).click();
  await expect(page.getByText(`${product.name} (${product.code}): 0 / 12 seats assigned`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Orders" })).toContainText(`12 × ${product.name}`);
});

test("an admin imports users from a CSV, prints and emails the passwords, and an imported user replaces theirs", async ({
  page,
  signedInAdmin,
  loginPage,
}) => {
  const customer = await createCustomer(signedInAdmin.partner.id);
  const product = await createProduct();
  await createSubscription(customer, product.id, 5);
  const ada = uniqueEmail("ada");
  const grace = uniqueEmail("grace");
  // Excel in many locales: BOM, semicolons, quoted fields, a blank line and one bad row.
  const csv = [
    "\uFEFFFirst name;Last name;Email;Phone;Licenses",
    `Ada;"Lovelace; Countess";${ada};;${product.code}`,
    `;Nameless;nobody@example.test;;`,
    "",
    `Grace;Hopper;${grace};+1 415 555 0100;${product.code}`,
  ].join("\r\n");

  const users = new CustomerUsersPage(page);
  await users.goto(customer.id);
  await page.getByRole("link", { name: "Import users" }).click();
  const template = await page.request.get("/api/customers/import-template");
  expect(await template.text()).toContain("First name,Last name,Email,Phone,Licenses");
  await page.getByLabel("CSV file").setInputFiles({ name: "users.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Check file" }).click();

  const results = page.getByRole("region", { name: "Check results" });
  await expect(results).toContainText("2 rows are ready to import, 1 row has errors");
  await expect(results.getByRole("row").filter({ hasText: "Enter a first name." })).toContainText("3");
  await expect(results.getByRole("link", { name: "Download results as CSV" })).toBeVisible();
  await page.getByRole("button", { name: "Import valid rows only (2)" }).click();

  await expect(page.getByRole("status").first()).toContainText("2 users imported; 1 rows with errors were skipped");
  const confirmation = page.getByRole("region", { name: "Imported users" });
  const adaRow = confirmation.getByRole("row").filter({ hasText: "Ada Lovelace; Countess" });
  const username = (await adaRow.getByRole("cell").nth(1).textContent())!.trim();
  const password = (await adaRow.getByRole("cell").nth(2).textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){4}$/);

  // Printing shows the credentials without the portal's chrome or buttons.
  await expect(confirmation.getByRole("button", { name: "Print" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(confirmation.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(adaRow).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await confirmation.getByRole("button", { name: "Email to me" }).click();
  await expect(confirmation.getByRole("status")).toContainText(`emailed to ${signedInAdmin.admin.email}`);
  const mail = await waitForEmail({ to: signedInAdmin.admin.email, subject: /Sign-in details for 2 users/ });
  expect(mail.text).toContain(password);

  // Temporary passwords are never stored in clear.
  const stored = await db.user.findFirstOrThrow({ where: { username } });
  expect(stored.passwordHash).not.toContain(password.replace(/-/g, ""));

  await loginPage.signOut();
  await loginPage.signIn(username, password);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("Current password", { exact: true }).fill(password);
  await page.getByLabel("New password", { exact: true }).fill("copper kettle on the stove");
  await page.getByLabel("Confirm password", { exact: true }).fill("copper kettle on the stove");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your licenses" })).toContainText(product.name);

  await loginPage.signOut();
  await loginPage.signIn(ada, password);
  await expect(page.getByText("The email, username or password is incorrect.")).toBeVisible();
});

test("an admin bulk-assigns licenses, then deletes and restores users with their licenses", async ({ page, signedInAdmin }) => {
  const customer = await createCustomer(signedInAdmin.partner.id);
  const basic = await createProduct({ name: "Basic Suite" });
  const backup = await createProduct({ name: "Backup Vault" });
  const basicSub = await createSubscription(customer, basic.id, 2);
  const backupSub = await createSubscription(customer, backup.id, 5);
  await createCustomerUser(customer, { firstName: "Ann", lastName: "Archer" });
  await createCustomerUser(customer, { firstName: "Ben", lastName: "Baker" });
  await createCustomerUser(customer, { firstName: "Cleo", lastName: "Cook" });

  const users = new CustomerUsersPage(page);
  await users.goto(customer.id);
  await page.getByRole("checkbox", { name: "Select all users on this page" }).check();
  const dialog = await users.manageLicenses({ [basic.name]: true, [backup.name]: true });
  await expect(dialog).toContainText("3 needed, 2 free");
  await expect(dialog).toContainText("3 needed, 5 free");
  await dialog.getByRole("button", { name: "Save licenses" }).click();

  const changes = page.getByRole("status", { name: "License changes" });
  await expect(changes).toContainText(`Ann Archer: assigned ${backup.name}, ${basic.name}`);
  await expect(changes).toContainText(`Cleo Cook: assigned ${backup.name}; refused ${basic.name} (no free seat)`);
  await expect(page.getByRole("region", { name: "Seats" })).toContainText(`${basic.name} 2 / 2 assigned`);

  await page.getByRole("checkbox", { name: "Select all users on this page" }).uncheck();
  await users.select("Ann Archer");
  await users.deleteSelected();
  await expect(page.getByRole("status")).toContainText("1 user deleted");
  await expect(users.row("Ann Archer")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Seats" })).toContainText(`${basic.name} 1 / 2 assigned`);

  await users.openDeletedTab();
  await expect(users.row("Ann Archer")).toContainText("30 days");
  await expect(users.row("Ann Archer")).toContainText(basic.name);
  await users.select("Ann Archer");
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("status", { name: "Restore results" })).toContainText(`Ann Archer: restored with ${backup.name}, ${basic.name}`);

  expect((await db.subscription.findUniqueOrThrow({ where: { id: basicSub.id } })).assigned).toBe(2);
  expect((await db.subscription.findUniqueOrThrow({ where: { id: backupSub.id } })).assigned).toBe(3);

  // Export: every user with their licenses, formulas neutralised.
  await createCustomerUser(customer, { firstName: "=HYPERLINK(\"http://x\")", lastName: "Formula" });
  const exported = await page.request.get(`/api/customers/${customer.id}/users/export`);
  expect(exported.headers()["content-disposition"]).toContain("attachment");
  const text = await exported.text();
  expect(text).toContain("First name,Last name,Email,Phone,Licenses,User name,Status");
  expect(text).toContain(`Ann,Archer,`);
  expect(text).toContain(`"'=HYPERLINK(""http://x"")",Formula`);
});

test("an admin adds a customer with its type's fields, adds users one after another, filters them and resets a password", async ({
  page,
  signedInAdmin,
}) => {
  void signedInAdmin;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
  await page.getByRole("link", { name: "Add customer" }).click();
  const form = page.getByRole("form", { name: "Add customer" });
  await form.getByRole("radio", { name: "Individual" }).check();
  await expect(form.getByLabel("Company name")).toHaveCount(0);
  await form.getByLabel("First name").fill("Maria");
  await form.getByLabel("Last name").fill("Lopez");
  await form.getByLabel("Contact email").fill("not-an-email");
  await form.getByLabel("Phone").fill("+1 415 555 0100");
  await form.getByRole("button", { name: "Add customer" }).click();
  await expect(form.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await form.getByLabel("Contact email").fill(uniqueEmail("maria"));
  await form.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("status")).toContainText(/Customer C-\d{6} added/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Maria Lopez");
  const customerId = page.url().split("/customers/")[1].split("?")[0];

  const product = await createProduct({ name: "Mail Plan" });
  await createSubscription({ id: customerId, partnerId: signedInAdmin.partner.id }, product.id, 3);

  await page.getByRole("link", { name: "Users and licenses" }).click();
  await page.getByRole("link", { name: "Add user" }).click();
  const addForm = page.getByRole("form", { name: "Add user" });
  await addForm.getByLabel("First name").fill("Hugo");
  await addForm.getByLabel("Last name").fill("Licensed");
  await addForm.getByLabel("Email", { exact: true }).fill(uniqueEmail("hugo"));
  await addForm.getByRole("checkbox", { name: "Mail Plan" }).check();
  await addForm.getByRole("button", { name: "Add user" }).click();
  const details = page.getByRole("region", { name: "Sign-in details" });
  await expect(details.getByRole("row").filter({ hasText: "Hugo Licensed" })).toContainText(/[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){4}/);

  await page.getByRole("button", { name: "Add another user" }).click();
  await addForm.getByLabel("First name").fill("Ines");
  await addForm.getByLabel("Last name").fill("Unlicensed");
  await addForm.getByLabel("Email", { exact: true }).fill(uniqueEmail("ines"));
  await addForm.getByRole("button", { name: "Add user" }).click();
  await expect(details.getByRole("row").filter({ hasText: "Ines Unlicensed" })).toBeVisible();
  await page.getByRole("link", { name: "Back to users" }).click();

  const users = new CustomerUsersPage(page);
  await expect(page.getByRole("region", { name: "Seats" })).toContainText("Mail Plan 1 / 3 assigned");
  await page.getByLabel("License", { exact: true }).selectOption({ label: "No license" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(users.row("Ines Unlicensed")).toBeVisible();
  await expect(users.row("Hugo Licensed")).toHaveCount(0);

  await users.select("Ines Unlicensed");
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByRole("region", { name: "Password reset" }).getByRole("row").filter({ hasText: "Ines Unlicensed" })).toContainText(
    /[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){4}/,
  );
});

test("a new order can create its customer inline", async ({ page, signedInAdmin }) => {
  void signedInAdmin;
  const product = await createProduct();
  await page.goto("/orders/new");
  await page.getByText("Create a new customer").click();
  const form = page.getByRole("form", { name: "Create customer and continue" });
  await form.getByLabel("Company name").fill("Inline Traders");
  await form.getByLabel("Contact email").fill(uniqueEmail("inline"));
  await form.getByRole("button", { name: "Create customer and continue" }).click();
  await expect(page.getByText("Customer: Inline Traders")).toBeVisible();
  await page.getByLabel(product.name).fill("3");
  await page.getByRole("button", { name: "Review order" }).click();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("status")).toContainText(/Order O-\d{6} placed for Inline Traders/);
});

test("another partner's admin gets not found for this partner's customers, users and export", async ({ page, signedInAdmin }) => {
  const victim = await createPartner();
  const customer = await createCustomer(victim.partner.id, { name: "Victim Corp" });
  await createCustomerUser(customer, { firstName: "Vera", lastName: "Victim" });
  void signedInAdmin;

  for (const path of [`/customers/${customer.id}`, `/customers/${customer.id}/users`, `/customers/${customer.id}/users/import`, `/orders/new?customerId=${customer.id}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Victim Corp")).toHaveCount(0);
  }
  const response = await page.request.get(`/api/customers/${customer.id}/users/export`);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("Vera");

  await page.goto(`/customers?q=Victim`);
  await expect(page.getByText("No customer matches")).toBeVisible();
});
