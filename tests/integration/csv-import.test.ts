import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  checkImport,
  customerUsersCsv,
  IMPORT_CONFLICTS_POLICY,
  importCheckResult,
  importCustomerUsers,
  importTemplateCsv,
  readImportFile,
} from "@/lib/customers/import";
import { addCustomerUser, exportCustomerUsers } from "@/lib/customers/customer-users";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { verifyPassword } from "@/lib/auth/password";
import { parseCsv } from "@/lib/csv/parse";
import { EMAIL_IN_OTHER_ORGANIZATION, EMAIL_IN_THIS_ORGANIZATION } from "@/lib/accounts/email-rule";
import { inviteTeamMember } from "@/lib/team/invite";
import { NotFoundError, RateLimitedError, ValidationError } from "@/lib/errors";
import { createPartner } from "../support/factories";
import { createCustomerUser, createCustomerWithSubscription } from "../support/customer-factories";
import { fileErrorOf } from "../support/refusals";
import { randomUUID } from "node:crypto";

const tag = () => randomUUID().slice(0, 8);

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
    const { caller, customer, product } = await setup(1);
    const t = tag();
    const other = await createPartner();
    const elsewhere = await createCustomerWithSubscription(other.partner.id, 1);
    const taken = await createCustomerUser(elsewhere.customer);
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
      BEGIN IF NEW.changes->'email'->>'to' = '${crash}' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$`);
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

  it("offers a template that passes its own check and imports as it is", async () => {
    const { caller, customer } = await setup();
    const template = importTemplateCsv();
    const check = await checkImport(caller, customer.id, template);
    expect(check.rows.flatMap((row) => row.errors)).toEqual([]);
    expect(check).toMatchObject({ validCount: 1, invalidCount: 0 });
    expect(check.rows[0]).toMatchObject({ firstName: "Ada", lastName: "Lovelace", phone: "+442079460958" });
    const { credentials } = await importCustomerUsers(caller, customer.id, template, { validOnly: false });
    expect(credentials.map((c) => c.name)).toEqual(["Ada Lovelace"]);
    // Free the example address again for the other tests of this worker.
    await db.user.update({ where: { id: credentials[0].userId }, data: { deletedAt: new Date() } });
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

  it("quotes every cell holding a separator of any locale, so Excel with ';' keeps one cell", async () => {
    const { caller, customer } = await setup();
    await createCustomerUser(customer, { firstName: "Jo;Ann", lastName: " @SUM(1)" });
    const csv = customerUsersCsv(await exportCustomerUsers(caller, customer.id));
    const dataLine = csv.split("\r\n")[1];
    expect(dataLine.startsWith(`"Jo;Ann",' @SUM(1),`)).toBe(true);
    // Read back under a semicolon header (what Excel in a comma-decimal locale meets), the name is still one cell.
    const semicolonView = parseCsv(`a;b\n${dataLine}`).records[1].fields;
    expect(semicolonView[0]).toMatch(/^Jo;Ann(,|$)/);
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

describe("limits of an import file (a file is no memory or enumeration tool)", () => {
  it("refuses a header of 500,000 columns at once, naming how many and the most allowed", async () => {
    const { caller, customer } = await setup();
    const text = `First name,Last name,Email${",".repeat(499_998)}\nAda,Lovelace,ada.${tag()}@example.com`;
    const started = performance.now();
    expect(await fileErrorOf(checkImport(caller, customer.id, text))).toBe("The file has too many columns (500,001; at most 50).");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a data line with too many columns by its line number", async () => {
    const { caller, customer } = await setup();
    const text = `First name,Last name,Email\nAda,Lovelace,ada.${tag()}@example.com\nB,C,d@example.com${",x".repeat(100)}`;
    expect(await fileErrorOf(checkImport(caller, customer.id, text))).toBe("Line 3 has too many columns (103; at most 50).");
  });

  it("refuses a header line longer than 2,000 characters", async () => {
    const { caller, customer } = await setup();
    const text = `First name,Last name,Email,${"x".repeat(5000)}\nAda,Lovelace,ada.${tag()}@example.com`;
    expect(await fileErrorOf(checkImport(caller, customer.id, text))).toMatch(/^The header line \(line 1\) is longer than 2,000 characters\.$/);
  });

  it("sends the browser the first 100 errors and a count of the rest, with echoed cells clipped", async () => {
    const { caller, customer } = await setup();
    const huge = "y".repeat(100_000);
    const rows = Array.from({ length: 3000 }, (_, i) => `,Nobody,nobody${i}@example.com,,,${i === 0 ? huge : ""}`);
    const check = await checkImport(caller, customer.id, ["First name,Last name,Email,Phone,Licenses,Notes", ...rows].join("\n"));
    const result = importCheckResult(check);
    expect(result.invalidCount).toBe(3000);
    expect(result.errors).toHaveLength(100);
    expect(result.errors[0]).toEqual({ line: 2, field: "First name", message: "Enter a first name." });
    expect(result.moreErrors).toBe(2900);
    // The 100,000-character cell comes back as at most 256 characters; the whole answer stays small.
    const echoed = parseCsv(result.resultsCsv).records[1].fields[5];
    expect(echoed.length).toBe(256);
    expect(echoed.endsWith("…")).toBe(true);
    expect(JSON.stringify(result).length).toBeLessThan(400_000);
  });

  it("answers a file over 10 MB with a field error, in the form and in the domain", async () => {
    const { caller, customer } = await setup();
    const big = new File(["a".repeat(10 * 1024 * 1024 + 1)], "users.csv", { type: "text/csv" });
    const error = await readImportFile(big).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.file[0]).toMatch(/^The file is larger than 10 MB\./);
    const text = `First name,Last name,Email\n${"A,B,c@example.com\n".repeat(700_000)}`;
    expect(await fileErrorOf(checkImport(caller, customer.id, text))).toMatch(/^The file is larger than 10 MB\./);
    expect(await readImportFile(new File(["First name"], "ok.csv"))).toBe("First name");
  });

  it("reports a NUL byte in a name as a line error, and the import writes nothing for that row", async () => {
    const { caller, customer } = await setup();
    const t = tag();
    const text = `First name,Last name,Email\nAda,Love\u0000lace,ada.${t}@example.com\nGrace,Hopper,grace.${t}@example.com`;
    const check = await checkImport(caller, customer.id, text);
    expect(check.rows[0].errors).toEqual([{ field: "Last name", message: "Remove the control characters from this field." }]);
    expect(check.rows[1].errors).toEqual([]);
    expect(await fileErrorOf(importCustomerUsers(caller, customer.id, text, { validOnly: false }))).toMatch(/1 rows have errors/);
    expect(await db.user.count({ where: { customerId: customer.id } })).toBe(0);
    const { credentials, skipped } = await importCustomerUsers(caller, customer.id, text, { validOnly: true });
    expect(skipped).toBe(1);
    expect(credentials.map((c) => c.name)).toEqual(["Grace Hopper"]);
    expect(await db.user.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("tells a taken address with the one-by-one message, audits the count, never the addresses", async () => {
    const { caller, customer } = await setup();
    const t = tag();
    const other = await createPartner(`Other ${t}`);
    const elsewhere = await createCustomerWithSubscription(other.partner.id, 1);
    const held = await createCustomerUser(elsewhere.customer);
    const oneByOne = await addCustomerUser(caller, {
      customerId: customer.id, firstName: "Eve", lastName: "Probe", email: held.email, phone: null, productIds: [],
    }).then(() => null, (e: unknown) => e);
    expect(oneByOne).toBeInstanceOf(ValidationError);
    const message = (oneByOne as ValidationError).fieldErrors.email[0];

    const text = `First name,Last name,Email\nEve,Probe,${held.email}\nFree,Address,free.${t}@example.com`;
    const check = await checkImport(caller, customer.id, text);
    expect(check.rows[0].errors).toEqual([{ field: "Email", message }]);
    expect(message).not.toContain(other.partner.name);
    expect(check.rows[1].errors).toEqual([]);

    const events = await db.auditEvent.findMany({
      where: { partnerId: caller.partnerId, action: "customer_users.import_conflicts_checked" },
      select: { actorId: true, targetType: true, targetId: true, changes: true },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: caller.userId, targetType: "customer", targetId: customer.id });
    expect(events[0].changes).toEqual({
      rows: { from: null, to: 2 },
      conflicts: { from: null, to: 1 },
      outsideOrganization: { from: null, to: 1 },
      refused: { from: null, to: false },
    });
    expect(JSON.stringify(events[0])).not.toContain(held.email);
  });

  it("refuses the check once a partner's checks have reported too many addresses held elsewhere this hour", async () => {
    const { caller, customer } = await setup();
    const t = tag();
    const other = await createPartner();
    const elsewhere = await createCustomerWithSubscription(other.partner.id, 1);
    const held = await Promise.all([0, 1].map(() => createCustomerUser(elsewhere.customer)));
    // Earlier checks this hour reported all but one of the addresses allowed.
    for (let i = 0; i < IMPORT_CONFLICTS_POLICY.limit - 1; i++) await consumeRateLimit(IMPORT_CONFLICTS_POLICY, caller.partnerId);

    const one = `First name,Last name,Email\nEve,Probe,${held[0].email}`;
    expect((await checkImport(caller, customer.id, one)).rows[0].errors).toHaveLength(1);
    const next = `First name,Last name,Email\nEve,Probe,${held[1].email}\nFree,Address,free.${t}@example.com`;
    await expect(checkImport(caller, customer.id, next)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(importCustomerUsers(caller, customer.id, next, { validOnly: true })).rejects.toBeInstanceOf(RateLimitedError);
    expect(await db.user.count({ where: { customerId: customer.id } })).toBe(0);
    // A file without taken addresses is still checked; another partner is not affected.
    expect((await checkImport(caller, customer.id, `First name,Last name,Email\nFree,Address,free.${t}@example.com`)).invalidCount).toBe(0);
    const refusals = await db.auditEvent.count({
      where: { partnerId: caller.partnerId, action: "customer_users.import_conflicts_checked", changes: { path: ["refused", "to"], equals: true } },
    });
    expect(refusals).toBe(2);
  });
});

describe("the one-by-one paths can't be used to get round the conflict limit", () => {
  it("counts an address held elsewhere towards the same per-partner limit when adding a customer user or inviting", async () => {
    const { caller, customer, product } = await setup(0);
    const other = await createPartner();
    const elsewhere = await createCustomerWithSubscription(other.partner.id, 1);
    const held = await createCustomerUser(elsewhere.customer);
    const ours = await createCustomerUser(customer);
    const add = (email: string) =>
      addCustomerUser(caller, { customerId: customer.id, firstName: "Eve", lastName: "Probe", email, phone: null, productIds: [product.id] });
    const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);

    // Before the limit: the one-by-one answer, and the probe costs one unit.
    const first = await errorOf(add(held.email));
    expect(first).toBeInstanceOf(ValidationError);
    expect((first as ValidationError).fieldErrors.email).toEqual([EMAIL_IN_OTHER_ORGANIZATION]);
    const bucket = await db.rateLimitBucket.findUnique({ where: { key: `${IMPORT_CONFLICTS_POLICY.name}:${caller.partnerId}` } });
    expect(bucket?.count).toBe(1);

    // A product with no free seat makes a free address fail too, writing nothing: without the limit,
    // this form would tell which of any number of addresses have accounts on the portal.
    await db.rateLimitBucket.update({ where: { key: bucket!.key }, data: { count: IMPORT_CONFLICTS_POLICY.limit } });
    await expect(add(held.email)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(
      inviteTeamMember(caller, { firstName: "Eve", lastName: "Probe", email: held.email, phone: null, role: "sales", permissions: [], managerId: null }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    // An address inside the organization is not counted and still gets its own message.
    const inside = await errorOf(add(ours.email));
    expect((inside as ValidationError).fieldErrors.email).toEqual([EMAIL_IN_THIS_ORGANIZATION]);
    expect(await db.user.count({ where: { customerId: customer.id } })).toBe(1);
  });
});
