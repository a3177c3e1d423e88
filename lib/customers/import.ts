import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client.ts";
import { ConflictError, isUniqueViolation, NotFoundError, RateLimitedError, ValidationError } from "../errors.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { requirePermission } from "../auth/permissions.ts";
import { generateTemporaryPassword, hashTemporaryPassword } from "../auth/temporary-password.ts";
import { countOutsideConflicts, EMAIL_CONFLICTS_POLICY, emailTakenMessage } from "../accounts/email-rule.ts";
import { normalizeEmail } from "../validation/fields.ts";
import { recordAudit, recordAuditMany } from "../audit/record.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { CsvSyntaxError, parseCsv } from "../csv/parse.ts";
import { restoreCell, toCsv } from "../csv/write.ts";
import { takeSeats } from "../licenses/seats.ts";
import { recordImportedLicenses } from "../notifications/events.ts";
import { generateUsername } from "./usernames.ts";
import {
  IMPORT_MAX_COLUMNS,
  IMPORT_MAX_ECHOED_CELL_CHARS,
  IMPORT_MAX_HEADER_CHARS,
  IMPORT_MAX_ROWS,
  importFileSizeError,
  ImportRowInput,
  type WelcomeMethod,
} from "./schemas.ts";
import { queueWelcomeEmails } from "./welcome.ts";
import type { IssuedCredential } from "./customer-users.ts";
import { type ImportCheckResult, summarizeImportCheck } from "../csv/import-check.ts";

// Bulk import of customer users (DESIGN §5). Every row is validated before
// anything is written; the write is one transaction, so a crash midway
// leaves nothing behind; 10,000 rows stay well under the 15 s target by
// writing with bulk INSERTs, hashing temporary passwords with HMAC and
// taking seats with one guarded UPDATE per subscription for the whole file.
//
// Limits (decision 0013): the file size, the header and the columns are
// bounded before any per-row structure is built; every answer is bounded
// (per-line errors, echoed cell text); each row goes through the same field
// schemas as adding a user one by one; a taken email gets the one-by-one
// message, and addresses held outside the partner's organization count
// towards a per-partner hourly limit and are audited (never the addresses).

const IMPORT_COLUMNS = ["First name", "Last name", "Email", "Phone", "Licenses"] as const;
const REQUIRED_COLUMNS = ["first name", "last name", "email"];
/** More product codes than any catalog offers one user. */
const IMPORT_MAX_LICENSES_PER_ROW = 20;
/** The per-partner limit on "held elsewhere" answers, shared with the one-by-one paths (lib/accounts/email-rule.ts). */
export const IMPORT_CONFLICTS_POLICY = EMAIL_CONFLICTS_POLICY;

/** The import's columns and the fields of ImportRowInput they fill. */
const FIELDS = {
  firstName: { column: "first name", label: "First name" },
  lastName: { column: "last name", label: "Last name" },
  email: { column: "email", label: "Email" },
  phone: { column: "phone", label: "Phone" },
  licenses: { column: "licenses", label: "Licenses" },
} as const;

type ImportRowError = { field: string; message: string };
type ImportRow = {
  line: number;
  fields: string[];
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  productCodes: string[];
  errors: ImportRowError[];
};

export type ImportCheck = {
  header: string[];
  rows: ImportRow[];
  validCount: number;
  invalidCount: number;
  /** The original rows (cells clipped) plus Status and Message columns. */
  resultsCsv: string;
  /** What the import then writes against, as the check read it. */
  customer: { id: string; name: string };
  /** The customer's subscription ids by product code (lowercase). */
  subscriptionIds: Map<string, string>;
};


export function importTemplateCsv() {
  // Licenses left empty: product codes depend on the customer's subscriptions,
  // and the template must pass the check as it is (the page explains the column).
  return toCsv([[...IMPORT_COLUMNS], ["Ada", "Lovelace", "ada.lovelace@example.com", "+44 20 7946 0958", ""]]);
}

/** A refusal of the whole file, shown next to the file field (every CSV import). */
export function fileError(message: string): never {
  throw ValidationError.field("file", message);
}

/** A cell as echoed back in answers and results files: at most IMPORT_MAX_ECHOED_CELL_CHARS characters. */
export function clip(value: string, max = IMPORT_MAX_ECHOED_CELL_CHARS) {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/**
 * Parses an uploaded CSV under the import limits (size, columns, header
 * length, at most `maxRows` data rows kept) before any per-row structure is
 * built; every refusal is a field error on the file (decision 0013). Shared by
 * every CSV import (customer users, partners).
 */
export function parseImportCsv(text: string, maxRows: number) {
  // A decoded file has at most as many characters as bytes.
  const tooLarge = importFileSizeError(text.length);
  if (tooLarge) fileError(tooLarge);
  let parsed;
  try {
    parsed = parseCsv(text, { maxColumns: IMPORT_MAX_COLUMNS, maxHeaderChars: IMPORT_MAX_HEADER_CHARS, maxRecords: maxRows + 1 });
  } catch (error) {
    if (error instanceof CsvSyntaxError) fileError(error.message);
    throw error;
  }
  const { records, omittedRecords } = parsed;
  if (records.length === 0) fileError("The file is empty. Start from the template.");
  const [headerRecord, ...dataRecords] = records;
  return { headerRecord, dataRecords, omittedRecords };
}

/** The posted form value as text, refused with a field error when missing or too large. */
export async function readImportFile(file: FormDataEntryValue | null): Promise<string> {
  if (!(file instanceof File) || file.size === 0) fileError("Choose a CSV file to import.");
  const tooLarge = importFileSizeError(file.size);
  if (tooLarge) fileError(tooLarge);
  return new TextDecoder("utf-8").decode(await file.arrayBuffer());
}

/** A dry run's answer for the browser: the first errors by line, the count of the rest, the results file. */
export function importCheckResult(check: ImportCheck): ImportCheckResult {
  return summarizeImportCheck(check, check.resultsCsv);
}

/** Validates every row of the file against the customer's data; writes nothing but the conflicts' audit event. */
export async function checkImport(caller: PartnerCaller, customerId: string, text: string): Promise<ImportCheck> {
  requirePermission(caller, "customers.manage");
  const customer = await db.customer.findFirst({ where: { id: customerId, partnerId: caller.partnerId }, select: { id: true, name: true } });
  if (!customer) throw new NotFoundError("That customer doesn't exist.");
  const { headerRecord, dataRecords, omittedRecords } = parseImportCsv(text, IMPORT_MAX_ROWS);
  const header = headerRecord.fields.map((name) => name.trim());
  const index = new Map(header.map((name, i) => [name.toLowerCase(), i] as const));
  const missing = REQUIRED_COLUMNS.filter((name) => !index.has(name));
  if (missing.length) {
    fileError(
      `The header line must name the columns ${IMPORT_COLUMNS.join(", ")} (Phone and Licenses may be left out). Missing: ${missing
        .map((name) => IMPORT_COLUMNS.find((column) => column.toLowerCase() === name))
        .join(", ")}.`,
    );
  }
  if (dataRecords.length === 0) fileError("The file has a header line but no users.");
  const userCount = dataRecords.length + omittedRecords;
  if (userCount > IMPORT_MAX_ROWS) {
    fileError(`The file has ${userCount.toLocaleString("en")} users; at most ${IMPORT_MAX_ROWS.toLocaleString("en")} can be imported at once. Split it into smaller files.`);
  }

  // The raw cell, as the one-by-one form would post it (the schemas trim);
  // a quote we put in front of a formula start on export is taken off again.
  const cell = (fields: string[], name: string) => {
    const i = index.get(name);
    return i === undefined ? undefined : restoreCell(fields[i] ?? "");
  };

  const subscriptions = await db.subscription.findMany({
    where: { customerId: customer.id, partnerId: caller.partnerId },
    select: { id: true, purchased: true, assigned: true, product: { select: { code: true, name: true } } },
  });
  const byCode = new Map(subscriptions.map((s) => [s.product.code.toLowerCase(), s]));
  const catalog = new Set((await db.product.findMany({ select: { code: true } })).map((p) => p.code.toLowerCase()));

  const firstLineOfEmail = new Map<string, number>();
  const rows: ImportRow[] = dataRecords.map(({ line, fields }) => {
    const errors: ImportRowError[] = [];
    // Every known cell through the shared field schema, in column order; the first problem of each is reported.
    const value = <K extends keyof typeof FIELDS>(key: K) => {
      const result = ImportRowInput.shape[key].safeParse(cell(fields, FIELDS[key].column));
      if (result.success) return result.data;
      errors.push({ field: FIELDS[key].label, message: result.error.issues[0].message });
      return null;
    };
    const firstName = value("firstName") ?? "";
    const lastName = value("lastName") ?? "";
    const email = value("email") ?? "";
    const phone = value("phone") ?? null;
    const licenses = value("licenses") ?? "";
    const productCodes = [...new Set(licenses.split("|").map((code) => code.trim()).filter(Boolean))];
    if (productCodes.length > IMPORT_MAX_LICENSES_PER_ROW) {
      errors.push({ field: "Licenses", message: `List at most ${IMPORT_MAX_LICENSES_PER_ROW} product codes.` });
      productCodes.length = 0;
    }
    for (const code of productCodes) {
      if (!catalog.has(code.toLowerCase())) errors.push({ field: "Licenses", message: `Unknown product code ${clip(code, 40)}.` });
      else if (!byCode.has(code.toLowerCase())) errors.push({ field: "Licenses", message: `This customer has no ${code} subscription. Place an order first.` });
    }
    if (email) {
      const key = normalizeEmail(email);
      const first = firstLineOfEmail.get(key);
      if (first !== undefined) errors.push({ field: "Email", message: `The same email is already on line ${first} of this file.` });
      else firstLineOfEmail.set(key, line);
    }
    return { line, fields, firstName, lastName, email, phone, productCodes, errors };
  });

  // Against existing accounts: one query per 5,000 addresses.
  const emails = [...firstLineOfEmail.keys()];
  const taken = new Map<string, string | null>();
  for (let i = 0; i < emails.length; i += 5000) {
    const holders = await db.user.findMany({
      where: { emailNormalized: { in: emails.slice(i, i + 5000) }, deletedAt: null },
      select: { emailNormalized: true, partnerId: true, customer: { select: { partnerId: true } } },
    });
    for (const holder of holders) taken.set(holder.emailNormalized, holder.partnerId ?? holder.customer?.partnerId ?? null);
  }
  if (taken.size > 0) await countConflicts(caller, customer.id, rows.length, taken);
  for (const row of rows) {
    const key = row.email ? normalizeEmail(row.email) : null;
    if (key === null || !taken.has(key)) continue;
    row.errors.push({ field: "Email", message: emailTakenMessage(taken.get(key), caller.partnerId) });
  }
  // Seats for the whole file, in line order: rows past the free seats are refused.
  const free = new Map(subscriptions.map((s) => [s.product.code.toLowerCase(), s.purchased - s.assigned]));
  const needed = new Map<string, number>();
  for (const row of rows) {
    if (row.errors.length) continue;
    for (const code of row.productCodes) needed.set(code.toLowerCase(), (needed.get(code.toLowerCase()) ?? 0) + 1);
  }
  const used = new Map<string, number>();
  for (const row of rows) {
    if (row.errors.length) continue;
    const short = row.productCodes.filter((code) => (used.get(code.toLowerCase()) ?? 0) >= (free.get(code.toLowerCase()) ?? 0));
    if (short.length) {
      for (const code of short) {
        const key = code.toLowerCase();
        row.errors.push({
          field: "Licenses",
          message: `Not enough ${byCode.get(key)?.product.code ?? code} seats for the whole file: ${needed.get(key)} needed, ${free.get(key)} free.`,
        });
      }
      continue;
    }
    for (const code of row.productCodes) used.set(code.toLowerCase(), (used.get(code.toLowerCase()) ?? 0) + 1);
  }

  const invalidCount = rows.filter((row) => row.errors.length).length;
  // Bounded: at most IMPORT_MAX_COLUMNS columns of at most IMPORT_MAX_ECHOED_CELL_CHARS characters each.
  const resultsCsv = toCsv([
    [...header.map((name) => clip(name)), "Status", "Message"],
    ...rows.map((row) => [
      ...header.map((_, i) => clip(row.fields[i] ?? "")),
      row.errors.length ? "Error" : "OK",
      row.errors.map((error) => `${error.field}: ${error.message}`).join(" "),
    ]),
  ]);
  return {
    header,
    rows,
    validCount: rows.length - invalidCount,
    invalidCount,
    resultsCsv,
    customer,
    subscriptionIds: new Map(subscriptions.map((s) => [s.product.code.toLowerCase(), s.id])),
  };
}

/**
 * A check found addresses already in use. Those held outside the caller's
 * organization count towards the partner's hourly limit (one unit each):
 * past it the check is refused, so the import is no way to learn which of
 * thousands of addresses have accounts on the portal. Audited with the
 * counts only, never the addresses.
 */
async function countConflicts(caller: PartnerCaller, customerId: string, rows: number, taken: Map<string, string | null>) {
  const outside = [...taken.values()].filter((holder) => holder !== caller.partnerId).length;
  let refused: RateLimitedError | null = null;
  try {
    await countOutsideConflicts(caller.partnerId, outside);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    refused = error;
  }
  await recordAudit(db, caller, {
    action: "customer_users.import_conflicts_checked",
    target: { type: "customer", id: customerId },
    changes: { rows, conflicts: taken.size, outsideOrganization: outside, refused: refused !== null },
  });
  if (refused) throw refused;
}

/**
 * Writes the valid rows in one transaction. Refuses when any row is invalid
 * unless `validOnly`. The file is validated again here: the dry run's answer
 * may be stale, and nothing from the browser is trusted.
 */
export async function importCustomerUsers(
  caller: PartnerCaller,
  customerId: string,
  text: string,
  options: { validOnly: boolean; welcome?: WelcomeMethod },
): Promise<{ credentials: IssuedCredential[]; welcomed: WelcomedUser[]; skipped: number }> {
  requirePermission(caller, "customers.manage");
  const check = await checkImport(caller, customerId, text);
  if (check.invalidCount > 0 && !options.validOnly) {
    throw ValidationError.field("file", `${check.invalidCount} rows have errors. Fix the file, or import the valid rows only.`);
  }
  const valid = check.rows.filter((row) => row.errors.length === 0);
  // Welcomed by email: Invited accounts without a password, each sent an activation link (lib/customers/welcome.ts).
  const byEmail = options.welcome === "activation_email";
  if (valid.length === 0) throw ValidationError.field("file", "No row of the file can be imported.");

  const subscriptionIdFor = (code: string) => {
    const id = check.subscriptionIds.get(code.toLowerCase());
    if (!id) throw new ConflictError(`The ${code} subscription changed since the check. Check the file again.`);
    return id;
  };
  const usernames = new Set<string>();
  const people = valid.map((row) => {
    let username = generateUsername(row.firstName, row.lastName);
    while (usernames.has(username)) username = generateUsername(row.firstName, row.lastName);
    usernames.add(username);
    return { id: randomUUID(), row, username, temporaryPassword: byEmail ? null : generateTemporaryPassword() };
  });
  const now = new Date();
  const customerName = check.customer.name;

  try {
    await db.$transaction(
      async (tx) => {
        // One INSERT … SELECT FROM unnest(arrays) per table: a few statements
        // for the whole file instead of one bound parameter per value.
        await tx.$executeRaw`
          INSERT INTO "User" ("id", "kind", "partnerId", "customerId", "firstName", "lastName", "email", "emailNormalized",
                              "phone", "username", "status", "passwordHash", "mustChangePassword", "invitedById", "createdAt", "updatedAt")
          SELECT u.id, 'CUSTOMER'::"UserKind", ${caller.partnerId}::uuid, ${customerId}::uuid, u.first_name, u.last_name, u.email,
                 u.email_normalized, u.phone, u.username, ${byEmail ? "INVITED" : "ACTIVE"}::"UserStatus", u.password_hash, ${!byEmail},
                 ${caller.userId}::uuid, ${now}, ${now}
          FROM unnest(
            ${people.map((p) => p.id)}::uuid[], ${people.map((p) => p.row.firstName)}::text[], ${people.map((p) => p.row.lastName)}::text[],
            ${people.map((p) => p.row.email)}::text[], ${people.map((p) => normalizeEmail(p.row.email))}::text[],
            ${people.map((p) => p.row.phone)}::text[], ${people.map((p) => p.username)}::text[],
            ${people.map((p) => (p.temporaryPassword === null ? null : hashTemporaryPassword(p.temporaryPassword)))}::text[]
          ) AS u(id, first_name, last_name, email, email_normalized, phone, username, password_hash)`;

        const assignments = people.flatMap(({ id, row }) =>
          row.productCodes.map((code) => ({ subscriptionId: subscriptionIdFor(code), userId: id })),
        );
        const perSubscription = new Map<string, number>();
        for (const a of assignments) perSubscription.set(a.subscriptionId, (perSubscription.get(a.subscriptionId) ?? 0) + 1);
        for (const [subscriptionId, count] of perSubscription) {
          if (!(await takeSeats(tx, caller.partnerId, subscriptionId, count))) {
            throw new ConflictError("Seats were assigned elsewhere since the check. Check the file again.");
          }
        }
        if (assignments.length) {
          await tx.$executeRaw`
            INSERT INTO "LicenseAssignment" ("id", "subscriptionId", "userId", "createdAt")
            SELECT gen_random_uuid(), a.subscription_id, a.user_id, ${now}
            FROM unnest(${assignments.map((a) => a.subscriptionId)}::uuid[], ${assignments.map((a) => a.userId)}::uuid[]) AS a(subscription_id, user_id)`;
        }
        if (byEmail) {
          await queueWelcomeEmails(tx, caller, customerName, people.map(({ id, row, username }) => ({ id, firstName: row.firstName, email: row.email, username })));
        }
        // "License changes" notifications: one INSERT for the file, mailed as one digest (lib/notifications).
        await recordImportedLicenses(tx, caller, customerId, people.map(({ row }) => row));
        // One audit event per created user (DESIGN §8), written in bulk like the users.
        await recordAuditMany(
          tx,
          caller,
          people.map(({ id, row }) => ({
            action: "customer_user.imported",
            target: { type: "user", id },
            changes: { customerId, email: row.email, line: row.line, licenses: row.productCodes, welcome: options.welcome ?? "temporary_password" },
          })),
        );
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Someone took one of the emails since the check: nothing was written.
    if (isUniqueViolation(error)) throw new ConflictError("An email of the file was taken since the check. Check the file again.");
    throw error;
  }
  wakeOutboxWorker();
  return {
    credentials: people.flatMap(({ id, row, username, temporaryPassword }) =>
      temporaryPassword === null ? [] : [{ userId: id, name: `${row.firstName} ${row.lastName}`, username, temporaryPassword }],
    ),
    welcomed: byEmail ? people.map(({ id, row }) => ({ userId: id, name: `${row.firstName} ${row.lastName}`, email: row.email })) : [],
    skipped: check.invalidCount,
  };
}

/** What the import form asks for: a dry run, an import of a fully valid file, or of its valid rows only. */
export const IMPORT_INTENTS = ["check", "import", "import-valid"] as const;
export type ImportIntent = (typeof IMPORT_INTENTS)[number];
export type ImportOutcome =
  | { step: "checked"; check: ImportCheckResult }
  | { step: "imported"; credentials: IssuedCredential[]; welcomed: WelcomedUser[]; skipped: number };

/** An imported user sent an activation link instead of a temporary password. */
export type WelcomedUser = { userId: string; name: string; email: string };

/**
 * One step of the import form (operation customerUsers.import): the posted
 * file is read under the size rule, then checked (nothing written) or
 * imported. Authorization has run before the file is read.
 */
export async function runImport(
  caller: PartnerCaller,
  input: { customerId: string; intent: ImportIntent; file?: FormDataEntryValue | null; welcome?: WelcomeMethod },
): Promise<ImportOutcome> {
  requirePermission(caller, "customers.manage");
  const text = await readImportFile(input.file ?? null);
  if (input.intent === "check") return { step: "checked", check: importCheckResult(await checkImport(caller, input.customerId, text)) };
  return { step: "imported", ...(await importCustomerUsers(caller, input.customerId, text, { validOnly: input.intent === "import-valid", welcome: input.welcome })) };
}

/** The users of one customer as CSV, in the import's column layout plus user name and status. */
export function customerUsersCsv(
  users: { firstName: string; lastName: string; email: string; phone: string | null; username: string | null; status: string; licenses: { subscription: { product: { code: string } } }[] }[],
) {
  return toCsv([
    [...IMPORT_COLUMNS, "User name", "Status"],
    ...users.map((user) => [
      user.firstName,
      user.lastName,
      user.email,
      user.phone ?? "",
      user.licenses.map((l) => l.subscription.product.code).join("|"),
      user.username ?? "",
      user.status,
    ]),
  ]);
}
