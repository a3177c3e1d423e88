import { db } from "@/lib/db/client";
import { expect, test, TEST_PASSWORD, uniqueEmail } from "./fixtures";
import { waitForEmail } from "./support/mail";
import { activationLinkIn, NewPasswordPage } from "./pages/new-password-page";
import { createPartner } from "../support/factories";

const NEW_PASSWORD = "violet sunrise over the harbour";

test("a partner admin invites a team member who activates from the real email and signs in", async ({
  page,
  signedInAdmin,
  teamPage,
  loginPage,
}) => {
  const email = uniqueEmail("Invitee");
  await teamPage.goto();
  await teamPage.invite({ firstName: "Iris", lastName: "Invitee", email, phone: "+1 415 555 0100", role: "Sales" });

  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${email}`);
  await teamPage.goto();
  await expect(teamPage.row(email)).toContainText("Invited");
  await expect(teamPage.row(email)).toContainText("Sales");

  const mail = await waitForEmail({ to: email, subject: /invit/i });
  expect(mail.text).toContain(signedInAdmin.partner.name);
  const link = activationLinkIn(mail);

  await loginPage.signOut();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Welcome, Iris" })).toBeVisible();
  const activatePage = new NewPasswordPage(page);
  await activatePage.choose(NEW_PASSWORD, "Activate account", "a different passphrase");
  await expect(page.getByText("The passwords don't match.")).toBeVisible();

  await activatePage.choose(NEW_PASSWORD, "Activate account");
  await expect(page.getByRole("heading", { name: "Welcome, Iris" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Your account is active");

  await loginPage.signOut();
  await loginPage.signIn(email.toUpperCase(), NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: "Welcome, Iris" })).toBeVisible();

  // The link was used: opening it again offers a new one instead.
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
});

test("an expired link explains itself and sends a new link that works", async ({
  page,
  signedInAdmin,
  teamPage,
  loginPage,
}) => {
  const email = uniqueEmail("late");
  await teamPage.goto();
  await teamPage.invite({ firstName: "Leo", lastName: "Late", email, role: "Read-only" });
  await expect(page.getByRole("status")).toContainText("Invitation sent");
  const first = await waitForEmail({ to: email, subject: /invit/i });
  expect(first.text).toContain(signedInAdmin.partner.name);
  const firstLink = activationLinkIn(first);

  await db.userToken.updateMany({
    where: { user: { emailNormalized: email.toLowerCase() } },
    data: { expiresAt: new Date(Date.now() - 60_000) },
  });
  await loginPage.signOut();

  await page.goto(firstLink);
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
  await page.getByRole("button", { name: "Send a new link" }).click();
  await expect(page.getByRole("status")).toContainText("a new link is on its way");

  const second = await waitForEmail({ to: email, subject: /new.*link|link.*new/i });
  const secondLink = activationLinkIn(second);
  expect(secondLink).not.toBe(firstLink);
  await page.goto(secondLink);
  await new NewPasswordPage(page).choose(NEW_PASSWORD, "Activate account");
  await expect(page.getByRole("heading", { name: "Welcome, Leo" })).toBeVisible();
});

test.describe("the invite form refuses bad input and changes nothing", () => {
  test("no role and no permission", async ({ page, signedInAdmin, teamPage }) => {
    const email = uniqueEmail("noperm");
    await teamPage.goto();
    await teamPage.invite({ firstName: "Nora", lastName: "None", email });
    await expect(page.getByText("Choose a role or at least one permission.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(email);
    expect(await db.user.count({ where: { partnerId: signedInAdmin.partner.id, emailNormalized: email.toLowerCase() } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(0);
    await teamPage.goto();
    await expect(teamPage.row(email)).toHaveCount(0);
  });

  test("an email already in use, in the same and in a different case", async ({ page, signedInAdmin, teamPage }) => {
    await teamPage.goto();
    await teamPage.invite({ firstName: "Dup", lastName: "Licate", email: signedInAdmin.admin.email, role: "Sales" });
    await expect(page.getByText("This email already belongs to someone in your organization.")).toBeVisible();

    await page.getByLabel("Email").fill(signedInAdmin.admin.email.toUpperCase());
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("This email already belongs to someone in your organization.")).toBeVisible();
    expect(await db.user.count({ where: { emailNormalized: signedInAdmin.admin.email.toLowerCase() } })).toBe(1);
  });

  test("an email that belongs to another organization", async ({ page, signedInAdmin, teamPage }) => {
    const other = await createPartner();
    await teamPage.goto();
    await teamPage.invite({ firstName: "Other", lastName: "Org", email: other.admin.email.toUpperCase(), role: "Sales" });
    await expect(
      page.getByText("This email address can't be used. Contact support if it should belong to your organization."),
    ).toBeVisible();
    await expect(page.getByText(other.partner.name)).toHaveCount(0);
    expect(await db.user.count({ where: { partnerId: signedInAdmin.partner.id } })).toBe(1);
  });
});

test("a wrong password gets one generic message", async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn("nobody@example.test", TEST_PASSWORD);
  await expect(page.getByText("The email, username or password is incorrect.")).toHaveAttribute("role", "alert");
  await loginPage.signIn("nobody@example.test", "");
  await expect(page.getByText("Enter your password.")).toBeVisible();
});
