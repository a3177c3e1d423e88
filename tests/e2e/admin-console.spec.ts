import { db } from "@/lib/db/client";
import { expect, test, TEST_PASSWORD, uniqueEmail } from "./fixtures";
import { waitForEmail } from "./support/mail";
import { activationLinkIn, NewPasswordPage } from "./pages/new-password-page";
import { AdminConsole } from "./pages/admin-console";
import { createPartner, createPartnerUser } from "../support/factories";
import { createStaffUser } from "../support/staff-factories";

const NEW_PASSWORD = "copper kettle on a quiet morning";

test("support finds a duplicate email, detaches it, invites the address to the right partner, and the invitee activates", async ({
  page,
  loginPage,
}) => {
  const admin = new AdminConsole(page);
  const wrong = await createPartner();
  const right = await createPartner();
  const email = uniqueEmail("Dora.Duplicate");
  // Invited to the wrong partner: the right partner's admin is refused this address.
  const misplaced = await createPartnerUser(wrong.partner.id, { firstName: "Dora", lastName: "Duplicate", email, status: "INVITED", role: "sales" });
  // A live activation link, as every invitation has (without one it shows "Invitation expired", decision 0025).
  await db.userToken.create({ data: { userId: misplaced.id, purpose: "ACTIVATION", tokenHash: `live-${misplaced.id}`, expiresAt: new Date(Date.now() + 86400_000) } });
  const { user: support } = await createStaffUser("support", { firstName: "Sam" });

  await loginPage.goto();
  await loginPage.signIn(support.email, TEST_PASSWORD);
  await expect(page.getByRole("heading", { name: "Partners" })).toBeVisible();

  await admin.lookUp(email.toUpperCase());
  const row = admin.accountRow(email);
  await expect(row).toContainText(wrong.partner.name);
  await expect(row).toContainText("Partner user");
  await expect(row).toContainText("Invited");
  await row.getByRole("link", { name: "Dora Duplicate" }).click();

  await expect(page.getByRole("heading", { name: "Dora Duplicate" })).toBeVisible();
  await admin.detachEmail("");
  await expect(page.getByText(/Give a reason/)).toBeVisible();
  await admin.detachEmail("Belongs to an employee of the right partner");
  await expect(page.getByRole("status")).toContainText(`The email ${email} was detached`);
  await expect(page.getByText(`detached+${misplaced.id}@invalid`, { exact: true })).toBeVisible();

  await admin.inviteToPartner({ partner: right.partner.name, phone: "+1 415 555 0100", role: "Sales" });
  await expect(page.getByRole("heading", { name: right.partner.name })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${email}`);
  const team = page.getByRole("table", { name: `Team of ${right.partner.name}` });
  await expect(team.getByRole("row").filter({ hasText: email })).toContainText("Invited");

  const link = activationLinkIn(await waitForEmail({ to: email, subject: new RegExp(right.partner.name) }));

  await loginPage.signOut();
  await page.goto(link);
  await new NewPasswordPage(page).choose(NEW_PASSWORD, "Activate account");
  await expect(page.getByRole("heading", { name: "Welcome, Dora" })).toBeVisible();
  await expect(page.getByText(right.partner.name).first()).toBeVisible();

  await loginPage.signOut();
  await loginPage.signIn(email, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: "Welcome, Dora" })).toBeVisible();

  const events = await db.auditEvent.findMany({ where: { actorId: support.id, action: { startsWith: "user." } }, orderBy: { id: "asc" } });
  expect(events.map((event) => event.action)).toEqual(["user.email_detached", "user.invited"]);
});

test("a portal owner adds a partner user, is told exactly who holds a taken address, and suspends the partner", async ({ page, loginPage }) => {
  const admin = new AdminConsole(page);
  const target = await createPartner();
  const elsewhere = await createPartner();
  const { user: owner } = await createStaffUser("portal_owner", { firstName: "Olga" });

  await loginPage.goto();
  await loginPage.signIn(owner.email, TEST_PASSWORD);
  await admin.nav("Partners").click();
  await page.getByLabel("Search by name").fill(target.partner.name);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: target.partner.name }).click();
  await expect(page.getByRole("heading", { name: target.partner.name })).toBeVisible();

  await admin.addPartnerUser({ firstName: "Taken", lastName: "Address", email: elsewhere.admin.email, phone: "+1 415 555 0100", role: "Sales" });
  await expect(
    page.getByText(`This email already belongs to Alice Admin, partner user at ${elsewhere.partner.name}, active.`),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: `Open the account that holds ${elsewhere.admin.email}` })).toBeVisible();

  const email = uniqueEmail("new.member");
  await admin.addPartnerUser({ firstName: "Nia", lastName: "Member", email, phone: "12345", role: "Sales" });
  await expect(page.getByText("Enter a valid phone number with its country code, like +1 415 555 0100.")).toBeVisible();
  await page.getByRole("form", { name: "Add partner user" }).getByLabel("Phone").fill("+44 20 7946 0958");
  await page.getByRole("form", { name: "Add partner user" }).getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${email}`);
  expect(await db.user.findFirst({ where: { emailNormalized: email.toLowerCase() } })).toMatchObject({
    partnerId: target.partner.id,
    phone: "+442079460958",
    status: "INVITED",
  });

  const suspend = page.getByRole("form", { name: "Suspend partner" });
  await suspend.getByLabel(/Reason/).fill("Contract under review");
  await suspend.getByRole("button", { name: "Suspend partner" }).click();
  await expect(page.getByRole("note")).toContainText("Contract under review");

  await loginPage.signOut();
  await loginPage.signIn(target.admin.email, TEST_PASSWORD);
  await expect(
    page.getByText("Your organization's access to Partner Portal is suspended: Contract under review. Contact your vendor to restore it."),
  ).toHaveAttribute("role", "alert");
});

test("a partner admin gets 404 on every vendor console page", async ({ page, signedInAdmin }) => {
  const other = await createPartner();
  const paths = [
    "/admin",
    "/admin/partners",
    "/admin/partners/new",
    `/admin/partners/${other.partner.id}`,
    `/admin/partners/${signedInAdmin.partner.id}`,
    "/admin/accounts?q=a",
    `/admin/accounts/${other.admin.id}`,
    "/admin/audit",
    "/admin/staff",
  ];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  // No way in from the portal either.
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Vendor console" })).toHaveCount(0);
});
