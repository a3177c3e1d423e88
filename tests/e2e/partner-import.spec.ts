import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { parseCsv } from "@/lib/csv/parse";
import { expect, test, TEST_PASSWORD, uniqueEmail } from "./fixtures";
import { waitForEmail } from "./support/mail";
import { activationLinkIn, NewPasswordPage } from "./pages/new-password-page";
import { AdminConsole } from "./pages/admin-console";
import { createStaffUser } from "../support/staff-factories";

const NEW_PASSWORD = "lanterns along the harbour wall";

test("a portal owner imports partners from a CSV (valid rows only), downloads the results, and an invitee activates", async ({ page, loginPage }) => {
  const admin = new AdminConsole(page);
  const { user: owner } = await createStaffUser("portal_owner", { firstName: "Olga" });
  const t = randomUUID().slice(0, 6);
  const ada = { partner: `Adatum Resellers ${t}`, email: uniqueEmail("ada.import") };
  const lin = { partner: `Lindqvist IT ${t}`, email: uniqueEmail("lin.import") };
  // Excel in a semicolon locale, with a BOM, and one bad row (line 3).
  const csv = [
    "\uFEFFPartner name;First name;Last name;Email;Phone",
    `${ada.partner};Ada;Adams;${ada.email};+44 20 7946 0958`,
    `Broken Co ${t};Bo;Broken;not-an-email;`,
    `${lin.partner};Lin;Lindqvist;${lin.email};`,
  ].join("\r\n");

  await loginPage.goto();
  await loginPage.signIn(owner.email, TEST_PASSWORD);
  await admin.nav("Partners").click();
  await page.getByRole("link", { name: "Import partners" }).click();
  await expect(page.getByRole("heading", { name: "Import partners" })).toBeVisible();
  const template = await page.request.get("/api/admin/partners/import-template");
  expect(template.status()).toBe(200);
  expect(await template.text()).toContain("Partner name,First name,Last name,Email,Phone");

  await page.getByLabel("CSV file").setInputFiles({ name: "partners.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Check file" }).click();
  const results = page.getByRole("region", { name: "Check results" });
  await expect(results).toContainText("2 partners are ready to import, 1 row has errors");
  const errorRow = results.getByRole("row").filter({ has: page.getByRole("cell", { name: "3", exact: true }) });
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow.getByRole("cell").nth(1)).toHaveText("Email");
  await expect(page.getByRole("button", { name: /^Import 2 partners/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Import valid rows only (2)" }).click();

  await expect(page.getByRole("status").first()).toContainText("2 partners created; 1 row with errors was skipped");
  const created = page.getByRole("table", { name: "Created partners" });
  await expect(created.getByRole("link", { name: ada.partner })).toBeVisible();
  await expect(created.getByRole("link", { name: lin.partner })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download results as CSV" }).click();
  const download = await downloading;
  const rows = parseCsv(readFileSync((await download.path())!, "utf8")).records.map((record) => record.fields);
  expect(rows).toEqual([
    ["Partner", "Primary user email", "Status", "Error"],
    [ada.partner, ada.email, "Created", ""],
    [`Broken Co ${t}`, "not-an-email", "Not imported", expect.stringMatching(/^Email: Enter a valid email/)],
    [lin.partner, lin.email, "Created", ""],
  ]);
  expect(await db.partner.count({ where: { name: `Broken Co ${t}` } })).toBe(0);

  // The new partner's primary user activates from the real email and lands in their partner's portal.
  const link = activationLinkIn(await waitForEmail({ to: lin.email }));
  await loginPage.signOut();
  await page.goto(link);
  await new NewPasswordPage(page).choose(NEW_PASSWORD, "Activate account");
  await expect(page.getByRole("heading", { name: "Welcome, Lin" })).toBeVisible();
  await expect(page.getByText(lin.partner).first()).toBeVisible();
  const partner = await db.partner.findFirstOrThrow({ where: { name: lin.partner }, include: { primaryUser: true } });
  expect(partner.primaryUser).toMatchObject({ email: lin.email, status: "ACTIVE", role: "partner_admin" });
});
