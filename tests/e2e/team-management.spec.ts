import { db } from "@/lib/db/client";
import { clientIp, expect, test, TEST_PASSWORD, uniqueEmail } from "./fixtures";
import { waitForEmail } from "./support/mail";
import { LoginPage } from "./pages/login-page";
import { TeamMemberPage } from "./pages/team-member-page";
import { NewPasswordPage } from "./pages/new-password-page";
import { createPartner, createPartnerUser } from "../support/factories";

const NEW_PASSWORD = "copper kettle on a quiet morning";


async function resetLinkFor(email: string, subject = /reset/i) {
  const mail = await waitForEmail({ to: email, subject });
  const link = mail.links.find((href) => href.includes("/reset-password/"));
  expect(link).toBeTruthy();
  return link!;
}

test("forgot password: the emailed link sets a new password once, then the old one stops working", async ({ page, loginPage }) => {
  const { partner } = await createPartner();
  const user = await createPartnerUser(partner.id, { firstName: "Rita", role: "sales", email: uniqueEmail("Rita") });

  await loginPage.goto();
  await page.getByRole("link", { name: /forgot/i }).click();
  // The sign-in form has a field of the same name: wait for the new page first.
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email or username").fill(user.email.toUpperCase());
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account matches");

  const link = await resetLinkFor(user.email);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await new NewPasswordPage(page).choose(NEW_PASSWORD, "Set new password");
  await expect(page.getByRole("heading", { name: "Welcome, Rita" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Your password was changed");

  await loginPage.signOut();
  await loginPage.signIn(user.email, TEST_PASSWORD);
  await expect(page.getByText("The email, username or password is incorrect.")).toBeVisible();
  await loginPage.signIn(user.email, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: "Welcome, Rita" })).toBeVisible();

  // Used once: the same link now explains itself.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
});

test("an expired reset link explains itself and offers a new one", async ({ page }) => {
  const { partner } = await createPartner();
  const user = await createPartnerUser(partner.id, { role: "sales", email: uniqueEmail("late") });
  await page.goto("/forgot-password");
  await page.getByLabel("Email or username").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const link = await resetLinkFor(user.email);
  await db.userToken.updateMany({ where: { userId: user.id, purpose: "PASSWORD_RESET" }, data: { expiresAt: new Date(Date.now() - 1000) } });

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
  await expect(page.getByText("expired or has already been used")).toBeVisible();
  await page.getByRole("link", { name: "Reset your password again" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
});

test("an admin's permission change reaches the other user on their next click", async ({ page, browser, signedInAdmin }) => {
  const member = await createPartnerUser(signedInAdmin.partner.id, { firstName: "Otto", lastName: "Other", role: "read_only" });

  // Otto signs in in his own browser and can see the team.
  const ottoContext = await browser.newContext();
  const otto = await ottoContext.newPage();
  await otto.setExtraHTTPHeaders({ "x-forwarded-for": clientIp() });
  const ottoLogin = new LoginPage(otto);
  await ottoLogin.goto();
  await ottoLogin.signIn(member.email, TEST_PASSWORD);
  await expect(otto.getByRole("heading", { name: "Welcome, Otto" })).toBeVisible();
  await expect(otto.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" })).toBeVisible();

  // The admin makes Otto a Sales user (no View team).
  const memberPage = new TeamMemberPage(page);
  await memberPage.open("Otto Other");
  await memberPage.setRole("Sales");
  await memberPage.save();

  // Otto's next click: his session no longer holds, and after signing in again Team is gone.
  await otto.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect(otto.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await ottoLogin.signIn(member.email, TEST_PASSWORD);
  await expect(otto.getByRole("heading", { name: "Welcome, Otto" })).toBeVisible();
  await expect(otto.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" })).toHaveCount(0);
  const response = await otto.goto("/team");
  expect(response?.status()).toBe(403);
  await ottoContext.close();
});

test("delete a team member after confirming, then restore them from Deleted users", async ({ page, signedInAdmin, teamPage }) => {
  const member = await createPartnerUser(signedInAdmin.partner.id, { firstName: "Dora", lastName: "Deleted", role: "sales", email: uniqueEmail("dora") });
  const memberPage = new TeamMemberPage(page);
  await memberPage.open("Dora Deleted");
  await memberPage.delete("Dora Deleted");

  await expect(page.getByRole("status")).toContainText("Dora Deleted was deleted and signed out");
  await expect(teamPage.row(member.email)).toHaveCount(0);

  await page.getByRole("link", { name: "Deleted users" }).click();
  const row = page.getByRole("row").filter({ hasText: member.email });
  await expect(row).toContainText("Alice Admin");
  await expect(row).toContainText("30");
  await row.getByRole("button", { name: "Restore Dora Deleted" }).click();

  await expect(page.getByRole("status")).toContainText("Dora Deleted is restored");
  await expect(teamPage.row(member.email)).toContainText("Sales");
  expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).deletedAt).toBeNull();
});

test("an expired invitation shows as Expired and Re-invite sends a fresh link to the same account", async ({ signedInAdmin, teamPage }) => {
  const invitee = await createPartnerUser(signedInAdmin.partner.id, { firstName: "Eve", lastName: "Expired", status: "INVITED", email: uniqueEmail("eve") });
  await db.userToken.create({
    data: { userId: invitee.id, purpose: "ACTIVATION", tokenHash: `expired-${invitee.id}`, expiresAt: new Date(Date.now() - 3600_000) },
  });
  await teamPage.goto();
  await expect(teamPage.row(invitee.email)).toContainText("Invitation expired");
  await teamPage.row(invitee.email).getByRole("button", { name: "Re-invite Eve Expired" }).click();
  await expect(teamPage.row(invitee.email)).toContainText("A new invitation was sent");

  const mail = await waitForEmail({ to: invitee.email, subject: /invit/i });
  expect(mail.links.some((href) => href.includes("/activate/"))).toBe(true);
  expect(await db.user.count({ where: { emailNormalized: invitee.email.toLowerCase() } })).toBe(1);
});

test("Copy user starts an invitation with the same role, manager and settings", async ({ page, signedInAdmin }) => {
  await createPartnerUser(signedInAdmin.partner.id, { firstName: "Cora", lastName: "Copied", role: "account_executive", managerId: signedInAdmin.admin.id });
  const memberPage = new TeamMemberPage(page);
  await memberPage.open("Cora Copied");
  await page.getByRole("link", { name: "Copy user" }).click();
  await expect(page.getByRole("heading", { name: "Invite user" })).toBeVisible();
  await expect(page.getByText("Copying role, permissions, manager and notification settings from Cora Copied")).toBeVisible();
  const form = page.getByRole("form", { name: "Invite user" });
  await expect(form.getByRole("radio", { name: "Partner Account Executive" })).toBeChecked();
  await expect(form.getByLabel("Manager")).toHaveValue(signedInAdmin.admin.id);
  await expect(form.getByRole("checkbox", { name: "Security notices" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "Security notices" })).toBeDisabled();
});

test("five wrong passwords lock sign-in with the wait, and a reset link still gets the user in", async ({ page, loginPage }) => {
  const { partner } = await createPartner();
  const user = await createPartnerUser(partner.id, { firstName: "Lola", role: "sales", email: uniqueEmail("lola") });
  await loginPage.goto();
  for (let i = 0; i < 4; i++) {
    await loginPage.signIn(user.email, `wrong guess number ${i}`);
    await expect(page.getByText("The email, username or password is incorrect.")).toBeVisible();
    // Each attempt is counted before the next one is typed.
    await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(i + 1);
  }
  await loginPage.signIn(user.email, "wrong guess number 5");
  await expect(page.getByText(/this account is locked for 1 more minute/)).toBeVisible();
  // Even the right password is refused while locked.
  await loginPage.signIn(user.email, TEST_PASSWORD);
  await expect(page.getByText(/this account is locked/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await waitForEmail({ to: user.email, subject: /locked/i });

  await page.goto("/forgot-password");
  await page.getByLabel("Email or username").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await page.goto(await resetLinkFor(user.email, /reset your/i));
  await new NewPasswordPage(page).choose(NEW_PASSWORD, "Set new password");
  await expect(page.getByRole("heading", { name: "Welcome, Lola" })).toBeVisible();
});

test("a changed sign-in email takes effect only once the new address confirms", async ({ page, signedInAdmin, loginPage }) => {
  const member = await createPartnerUser(signedInAdmin.partner.id, { firstName: "Max", lastName: "Moved", role: "sales", email: uniqueEmail("max") });
  const newEmail = uniqueEmail("max.new");
  const memberPage = new TeamMemberPage(page);
  await memberPage.open("Max Moved");
  const form = page.getByRole("form", { name: "Change sign-in email" });
  await form.getByLabel("New email").fill(newEmail);
  await form.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(form.getByRole("status")).toContainText(`A confirmation link was sent to ${newEmail}`);
  await waitForEmail({ to: member.email, subject: /change.*requested/i });

  const mail = await waitForEmail({ to: newEmail, subject: /confirm/i });
  const link = mail.links.find((href) => href.includes("/confirm-email/"))!;
  await loginPage.signOut();
  await page.goto(link);
  await expect(page.getByText(`changes from ${member.email} to ${newEmail}`)).toBeVisible();
  await page.getByRole("button", { name: "Confirm new email" }).click();
  await expect(page.getByRole("status")).toContainText(`Your sign-in email is now ${newEmail}`);

  await loginPage.goto();
  await loginPage.signIn(newEmail, TEST_PASSWORD);
  await expect(page.getByRole("heading", { name: "Welcome, Max" })).toBeVisible();
});

test("restoring someone whose manager is gone asks for a new manager", async ({ page, signedInAdmin }) => {
  const boss = await createPartnerUser(signedInAdmin.partner.id, { firstName: "Bo", lastName: "Boss" });
  const ae = await createPartnerUser(signedInAdmin.partner.id, { firstName: "Ada", lastName: "Exec", role: "account_executive", managerId: boss.id });
  await db.user.updateMany({ where: { id: { in: [ae.id, boss.id] } }, data: { deletedAt: new Date(), deletedById: signedInAdmin.admin.id } });

  await page.goto("/team/deleted");
  const row = page.getByRole("row").filter({ hasText: ae.email });
  await row.getByRole("button", { name: "Restore Ada Exec" }).click();
  await expect(row.getByText("Their manager is no longer available")).toBeVisible();
  await row.getByLabel("New manager for Ada Exec").selectOption({ label: "Alice Admin" });
  await row.getByRole("button", { name: "Restore Ada Exec" }).click();
  await expect(page.getByRole("status")).toContainText("Ada Exec is restored");
  await expect(page.getByRole("row").filter({ hasText: ae.email })).toContainText("Reports to Alice Admin");
});
