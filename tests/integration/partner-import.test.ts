// Bulk onboarding of partners (decision 0022): a CSV of partners and their
// primary users, checked by line, then created in one transaction through
// the same function as creating one partner, each primary user invited with
// one activation email. Called as production calls it: runOperation.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runOperation } from "@/lib/operations/run";
import type { AnyOperation } from "@/lib/operations/define";
import { checkPartnerImportOp, importPartnersOp } from "@/lib/partners/import-operations";
import { partnerImportTemplateCsv } from "@/lib/partners/import";
import { parseCsv } from "@/lib/csv/parse";
import { EMAIL_HELD_PREFIX } from "@/lib/support/email-holder";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { createPartner, uniqueEmail } from "../support/factories";
import { createStaffUser } from "../support/staff-factories";
import { fileErrorOf } from "../support/refusals";

const tag = () => randomUUID().slice(0, 8);
const csvFile = (text: string) => new File([text], "partners.csv", { type: "text/csv" });
const HEADER = "Partner name,First name,Last name,Email,Phone";

/** What the file would write: partners by name, users and activation emails by address. */
async function written(names: string[], emails: string[]) {
  const [partners, users, mails] = await Promise.all([
    db.partner.count({ where: { name: { in: names } } }),
    db.user.count({ where: { emailNormalized: { in: emails.map((e) => e.toLowerCase()) } } }),
    db.outboxEmail.count({ where: { to: { in: emails } } }),
  ]);
  return { partners, users, mails };
}

/** A file with one valid row and one of each mistake. */
async function mixedFile() {
  const t = tag();
  const holder = await createPartner(`Holder ${t}`);
  const good = { name: `Alpha ${t}`, email: uniqueEmail("alpha") };
  const second = { name: `Gamma ${t}`, email: uniqueEmail("gamma") };
  const lines = [
    HEADER,
    `${good.name},Ann,Alpha,${good.email},+44 20 7946 0958`, // 2: valid
    `Beta ${t},Bob,Beta,not-an-email,`, // 3: bad email
    `Taken ${t},Tom,Taken,${holder.admin.email},`, // 4: taken by an existing partner admin
    `Dupe ${t},Dan,Dupe,${good.email.toUpperCase()},`, // 5: email already on line 2
    `,Nina,Noname,${uniqueEmail("noname")},`, // 6: missing partner name
    `Nul ${t},Ca\u0000rl,Nul,${uniqueEmail("nul")},`, // 7: NUL byte
    `${second.name},Gina,Gamma,${second.email},`, // 8: valid
  ];
  return { text: lines.join("\r\n"), good, second, holder, t };
}

describe("checking a partner import file (dry run)", () => {
  it("reports every error by line and writes nothing", async () => {
    const { caller } = await createStaffUser("portal_admin");
    const { text, good, second, holder } = await mixedFile();
    const auditBefore = await db.auditEvent.count();

    const check = await runOperation(checkPartnerImportOp, { file: csvFile(text) }, caller);

    expect(check).toMatchObject({ validCount: 2, invalidCount: 5, moreErrors: 0 });
    const byLine = (line: number) => check.errors.filter((e) => e.line === line);
    expect(byLine(2)).toEqual([]);
    expect(byLine(3)).toEqual([{ line: 3, field: "Email", message: expect.stringMatching(/email/i) }]);
    // Staff are told who holds it, as everywhere in the console.
    expect(byLine(4)).toEqual([
      { line: 4, field: "Email", message: expect.stringContaining(`${EMAIL_HELD_PREFIX} Alice Admin, partner user at ${holder.partner.name}`) },
    ]);
    expect(byLine(5)).toEqual([{ line: 5, field: "Email", message: "The same email is already on line 2 of this file." }]);
    expect(byLine(6)).toEqual([{ line: 6, field: "Partner name", message: "Enter the partner's name." }]);
    expect(byLine(7)).toHaveLength(1);
    expect(byLine(7)[0]).toMatchObject({ field: "First name" });
    expect(byLine(8)).toEqual([]);
    // The results file: one row per line, Partner, Primary user email, Status, Error.
    const results = parseCsv(check.resultsCsv).records.map((r) => r.fields);
    expect(results[0]).toEqual(["Partner", "Primary user email", "Status", "Error"]);
    expect(results[1]).toEqual([good.name, good.email, "Ready", ""]);
    expect(results[2]).toEqual([expect.stringMatching(/^Beta /), "not-an-email", "Error", expect.stringMatching(/^Email: /)]);

    expect(await written([good.name, second.name], [good.email, second.email])).toEqual({ partners: 0, users: 0, mails: 0 });
    expect(await db.auditEvent.count()).toBe(auditBefore);
  });

  it("refuses duplicate partner names in the file and names already on the portal", async () => {
    const { caller } = await createStaffUser("portal_owner");
    const existing = await createPartner(`Existing ${tag()}`);
    const name = `Twice ${tag()}`;
    const text = [HEADER, `${name},A,One,${uniqueEmail()},`, `${name.toUpperCase()},B,Two,${uniqueEmail()},`, `${existing.partner.name},C,Three,${uniqueEmail()},`].join("\n");
    const check = await runOperation(checkPartnerImportOp, { file: csvFile(text) }, caller);
    expect(check.errors).toEqual([
      { line: 3, field: "Partner name", message: "The same partner name is already on line 2 of this file." },
      { line: 4, field: "Partner name", message: "A partner with this name already exists on the portal." },
    ]);
  });

  it("reads Excel's files: BOM, semicolons, headers in any case and order, no Phone column", async () => {
    const { caller } = await createStaffUser("portal_admin");
    const text = `\uFEFFemail;LAST NAME;first name;partner name\r\n${uniqueEmail()};Lovelace;Ada;"Semi; Colon ${tag()}"\r\n`;
    const check = await runOperation(checkPartnerImportOp, { file: csvFile(text) }, caller);
    expect(check).toMatchObject({ validCount: 1, invalidCount: 0, errors: [] });
  });

  it("refuses a file without the required columns, with the file's error", async () => {
    const { caller } = await createStaffUser("portal_admin");
    const message = await fileErrorOf(runOperation(checkPartnerImportOp, { file: csvFile("Name,Email\nA,a@example.com\n") }, caller));
    expect(message).toMatch(/Missing: Partner name, First name, Last name\./);
    expect(await fileErrorOf(runOperation(checkPartnerImportOp, {}, caller))).toBe("Choose a CSV file to import.");
  });

  it("passes the downloadable template as it is", async () => {
    const { caller } = await createStaffUser("portal_admin");
    const check = await runOperation(checkPartnerImportOp, { file: csvFile(partnerImportTemplateCsv()) }, caller);
    expect(check).toMatchObject({ validCount: 1, invalidCount: 0, errors: [] });
  });
});

describe("importing partners", () => {
  it("writes nothing when any row is invalid (unless valid rows only)", async () => {
    const { caller } = await createStaffUser("portal_admin");
    const { text, good, second } = await mixedFile();
    const message = await fileErrorOf(runOperation(importPartnersOp, { file: csvFile(text) }, caller));
    expect(message).toBe("5 rows have errors. Fix the file, or import the valid rows only.");
    expect(await written([good.name, second.name], [good.email, second.email])).toEqual({ partners: 0, users: 0, mails: 0 });
  });

  it("with valid rows only, creates each partner with its primary user invited and one activation email", async () => {
    const { caller, user: staff } = await createStaffUser("portal_owner");
    const { text, good, second } = await mixedFile();

    const result = await runOperation(importPartnersOp, { file: csvFile(text), validOnly: true }, caller);

    expect(result.skipped).toBe(5);
    expect(result.created.map((row) => [row.line, row.name, row.email])).toEqual([
      [2, good.name, good.email],
      [8, second.name, second.email],
    ]);
    for (const row of [good, second]) {
      const partner = await db.partner.findFirstOrThrow({ where: { name: row.name }, include: { primaryUser: true, users: true } });
      expect(partner.users).toHaveLength(1);
      expect(partner.primaryUser).toMatchObject({ email: row.email, status: "INVITED", role: "partner_admin", kind: "PARTNER", invitedById: staff.id });
      const mails = await db.outboxEmail.findMany({ where: { to: row.email } });
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ template: "activation", props: expect.objectContaining({ partnerName: row.name }) });
      expect(await db.auditEvent.count({ where: { action: "partner.created", targetId: partner.id, actorId: staff.id } })).toBe(1);
    }
    expect(await db.auditEvent.findFirst({ where: { action: "partners.imported", actorId: staff.id } })).toMatchObject({
      changes: { rows: { from: null, to: 7 }, created: { from: null, to: 2 }, skipped: { from: null, to: 5 } },
    });
    const results = parseCsv(result.resultsCsv).records.map((r) => r.fields);
    expect(results.map((r) => r[2])).toEqual(["Status", "Created", "Not imported", "Not imported", "Not imported", "Not imported", "Not imported", "Created"]);
    expect(results[4]).toEqual([expect.stringMatching(/^Dupe /), good.email.toUpperCase(), "Not imported", "Email: The same email is already on line 2 of this file."]);

    // Importing the same file again creates nothing twice.
    const again = await runOperation(checkPartnerImportOp, { file: csvFile(text) }, caller);
    expect(again.validCount).toBe(0);
  });

  it("is for staff who manage partners: support 403, a partner user 404, signed out 401, before the file is read", async () => {
    const support = await createStaffUser("support");
    const { caller: partnerAdmin } = await createPartner();
    const { text, good, second } = await mixedFile();
    for (const op of [checkPartnerImportOp, importPartnersOp] as AnyOperation[]) {
      const input = { file: csvFile(text), validOnly: true };
      await expect(runOperation(op, input, support.caller)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(runOperation(op, input, partnerAdmin)).rejects.toBeInstanceOf(NotFoundError);
      await expect(runOperation(op, input, null)).rejects.toBeInstanceOf(UnauthenticatedError);
    }
    expect(await written([good.name, second.name], [good.email, second.email])).toEqual({ partners: 0, users: 0, mails: 0 });
  });
});
