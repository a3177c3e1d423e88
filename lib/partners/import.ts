import "server-only";
import { z } from "zod";
import { db } from "../db/client.ts";
import { ConflictError, isUniqueViolation, ValidationError } from "../errors.ts";
import type { Caller } from "../auth/caller.ts";
import { recordAudit } from "../audit/record.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { restoreCell, toCsv } from "../csv/write.ts";
import { normalizeEmail } from "../validation/fields.ts";
import { clip, fileError, parseImportCsv, readImportFile } from "../customers/import.ts";
import { type ImportCheckResult, summarizeImportCheck } from "../csv/import-check.ts";
import { assertStaff, staffActor, type StaffCaller } from "../support/staff-access.ts";
import { emailHeldError } from "../support/email-holder.ts";
import { createPartnerInTransaction } from "./mutations.ts";
import { CreatePartnerInput } from "./schemas.ts";

// Bulk onboarding of partners in the vendor console (decision 0022): a CSV of
// partners and their primary users, checked row by row (dry run), then
// written in one transaction through the same function that creates one
// partner (createPartnerInTransaction → createInvitedUser), so every primary
// user is an Invited Partner Admin with one activation email in the outbox.
//
// The file rules are the customer-user import's (lib/customers): the same
// reader (lib/csv/parse.ts), size, header and column limits, the same
// bounded answers. Each row goes through CreatePartnerInput's field schemas;
// a taken email is named as the console names it everywhere (emailHeldError).

/** Partners per file: each one is a handful of writes in the one transaction. */
export const PARTNER_IMPORT_MAX_ROWS = 1_000;
export const PARTNER_IMPORT_COLUMNS = ["Partner name", "First name", "Last name", "Email", "Phone"] as const;
const PARTNER_RESULTS_COLUMNS = ["Partner", "Primary user email", "Status", "Error"] as const;

/** The import's columns (lower case, as matched) and the CreatePartnerInput fields they fill. */
const FIELDS = {
  name: { column: "partner name", label: "Partner name", required: true },
  firstName: { column: "first name", label: "First name", required: true },
  lastName: { column: "last name", label: "Last name", required: true },
  email: { column: "email", label: "Email", required: true },
  phone: { column: "phone", label: "Phone", required: false },
} as const;
type FieldKey = keyof typeof FIELDS;

type PartnerImportRowError = { field: string; message: string };
type PartnerImportRow = {
  line: number;
  /** The row's values as entered (clipped), for the results file. */
  name: string;
  email: string;
  /** The parsed input when the row is valid. */
  input: CreatePartnerInput | null;
  errors: PartnerImportRowError[];
  /** The partner name and email as parsed, when they are (checked against the portal). */
  parsedName?: string;
  parsedEmail?: string;
};

export type PartnerImportCheck = { rows: PartnerImportRow[]; validCount: number; invalidCount: number };

export type PartnerImportResult = {
  created: { line: number; partnerId: string; name: string; email: string }[];
  skipped: number;
  resultsCsv: string;
};

export const PartnerImportCheckInput = z.object({
  /** The posted file (the form adapter passes it through); read and bounded by readImportFile. */
  file: z.file().optional(),
});
export const PartnerImportInput = PartnerImportCheckInput.extend({
  /** Skip the rows with errors instead of refusing the whole file. */
  validOnly: z.boolean().default(false),
});

export function partnerImportTemplateCsv() {
  return toCsv([[...PARTNER_IMPORT_COLUMNS], ["Example Reseller Ltd", "Ada", "Lovelace", "ada.lovelace@reseller.example", "+44 20 7946 0958"]]);
}

/** Validates every row of the file; writes nothing. */
async function checkPartnerImport(caller: Caller, text: string): Promise<PartnerImportCheck> {
  assertStaff(caller, "partners.manage");
  const { headerRecord, dataRecords, omittedRecords } = parseImportCsv(text, PARTNER_IMPORT_MAX_ROWS);
  const index = new Map(headerRecord.fields.map((name, i) => [name.trim().toLowerCase(), i] as const));
  const missing = Object.values(FIELDS).filter((field) => field.required && !index.has(field.column));
  if (missing.length) {
    fileError(
      `The header line must name the columns ${PARTNER_IMPORT_COLUMNS.join(", ")} (Phone may be left out). Missing: ${missing.map((field) => field.label).join(", ")}.`,
    );
  }
  if (dataRecords.length === 0) fileError("The file has a header line but no partners.");
  const total = dataRecords.length + omittedRecords;
  if (total > PARTNER_IMPORT_MAX_ROWS) {
    fileError(`The file has ${total.toLocaleString("en")} partners; at most ${PARTNER_IMPORT_MAX_ROWS.toLocaleString("en")} can be imported at once. Split it into smaller files.`);
  }

  // The raw cell, as the one-by-one form would post it (the schemas trim); a quote we put before a formula start is dropped.
  const cell = (fields: string[], key: FieldKey) => {
    const i = index.get(FIELDS[key].column);
    return i === undefined ? undefined : restoreCell(fields[i] ?? "");
  };

  const firstLineOfName = new Map<string, number>();
  const firstLineOfEmail = new Map<string, number>();
  const rows: PartnerImportRow[] = dataRecords.map(({ line, fields }) => {
    const errors: PartnerImportRowError[] = [];
    // Every cell through the one-partner form's field schema; the first problem of each is reported.
    const value = <K extends FieldKey>(key: K) => {
      const result = CreatePartnerInput.shape[key].safeParse(cell(fields, key));
      if (result.success) return result.data as z.output<(typeof CreatePartnerInput.shape)[K]>;
      errors.push({ field: FIELDS[key].label, message: result.error.issues[0].message });
      return undefined;
    };
    const name = value("name");
    const firstName = value("firstName");
    const lastName = value("lastName");
    const email = value("email");
    const phone = value("phone");
    if (name) {
      const key = name.toLowerCase();
      const first = firstLineOfName.get(key);
      if (first !== undefined) errors.push({ field: "Partner name", message: `The same partner name is already on line ${first} of this file.` });
      else firstLineOfName.set(key, line);
    }
    if (email) {
      const key = normalizeEmail(email);
      const first = firstLineOfEmail.get(key);
      if (first !== undefined) errors.push({ field: "Email", message: `The same email is already on line ${first} of this file.` });
      else firstLineOfEmail.set(key, line);
    }
    const input =
      errors.length === 0 && name !== undefined && firstName !== undefined && lastName !== undefined && email !== undefined
        ? { name, firstName, lastName, email, phone: phone ?? null }
        : null;
    return {
      line,
      name: clip(name ?? cell(fields, "name") ?? ""),
      email: clip(email ?? cell(fields, "email") ?? ""),
      input,
      errors,
      parsedName: name,
      parsedEmail: email,
    };
  });

  // Partners already on the portal: a second import of the same file must not create them twice.
  const names = [...firstLineOfName.keys()];
  const existing = names.length
    ? await db.$queryRaw<{ name: string }[]>`SELECT DISTINCT lower(name) AS name FROM "Partner" WHERE lower(name) = ANY(${names}::text[])`
    : [];
  const existingNames = new Set(existing.map((row) => row.name));
  // Addresses held by any account: one query per 5,000, then the console's message naming the holder.
  const emails = [...firstLineOfEmail.keys()];
  const taken = new Set<string>();
  for (let i = 0; i < emails.length; i += 5000) {
    const holders = await db.user.findMany({ where: { emailNormalized: { in: emails.slice(i, i + 5000) }, deletedAt: null }, select: { emailNormalized: true } });
    for (const holder of holders) taken.add(holder.emailNormalized);
  }
  for (const row of rows) {
    if (row.parsedName && existingNames.has(row.parsedName.toLowerCase())) {
      row.errors.push({ field: "Partner name", message: "A partner with this name already exists on the portal." });
    }
    if (row.parsedEmail && taken.has(normalizeEmail(row.parsedEmail))) {
      const held = await emailHeldError(row.parsedEmail);
      row.errors.push({ field: "Email", message: held.fieldErrors.email?.[0] ?? held.message });
    }
    if (row.errors.length) row.input = null;
  }
  const invalidCount = rows.filter((row) => row.errors.length).length;
  return { rows, validCount: rows.length - invalidCount, invalidCount };
}

const rowMessage = (row: PartnerImportRow) => row.errors.map((error) => `${error.field}: ${error.message}`).join(" ");

/** A dry run's answer: the first errors by line, the count of the rest, the results file (Ready / Error). */
function partnerImportCheckResult(check: PartnerImportCheck): ImportCheckResult {
  const resultsCsv = toCsv([
    [...PARTNER_RESULTS_COLUMNS],
    ...check.rows.map((row) => [row.name, row.email, row.errors.length ? "Error" : "Ready", rowMessage(row)]),
  ]);
  return summarizeImportCheck(check, resultsCsv);
}

/**
 * Creates the partners of the valid rows in one transaction. Refuses when any
 * row is invalid unless `validOnly`. The file is checked again here: the dry
 * run's answer may be stale, and nothing from the browser is trusted.
 */
async function importPartners(caller: Caller, text: string, options: { validOnly: boolean }): Promise<PartnerImportResult> {
  assertStaff(caller, "partners.manage");
  const staff: StaffCaller = caller;
  const check = await checkPartnerImport(staff, text);
  if (check.invalidCount > 0 && !options.validOnly) {
    throw ValidationError.field(
      "file",
      `${check.invalidCount} ${check.invalidCount === 1 ? "row has" : "rows have"} errors. Fix the file, or import the valid rows only.`,
    );
  }
  const valid = check.rows.flatMap(({ line, input }) => (input ? [{ line, input }] : []));
  if (valid.length === 0) fileError("No row of the file can be imported.");

  let created: PartnerImportResult["created"];
  try {
    created = await db.$transaction(
      async (tx) => {
        const done: PartnerImportResult["created"] = [];
        for (const row of valid) {
          const { partner, user } = await createPartnerInTransaction(tx, staff, row.input);
          done.push({ line: row.line, partnerId: partner.id, name: partner.name, email: user.email });
        }
        await recordAudit(tx, staffActor(staff, null), {
          action: "partners.imported",
          partnerId: null,
          changes: { rows: check.rows.length, created: done.length, skipped: check.invalidCount },
        });
        return done;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Someone took one of the emails since the check: nothing was written.
    if (isUniqueViolation(error)) throw new ConflictError("An email of the file was taken since the check. Check the file again.");
    throw error;
  }
  wakeOutboxWorker();
  const createdLines = new Set(created.map((row) => row.line));
  const resultsCsv = toCsv([
    [...PARTNER_RESULTS_COLUMNS],
    ...check.rows.map((row) => [row.name, row.email, createdLines.has(row.line) ? "Created" : "Not imported", rowMessage(row)]),
  ]);
  return { created, skipped: check.invalidCount, resultsCsv };
}

/** partners.importCheck: the posted file read under the size rule, then checked. Authorization ran before the file is read. */
export async function runPartnerImportCheck(caller: Caller, input: z.output<typeof PartnerImportCheckInput>) {
  assertStaff(caller, "partners.manage");
  return partnerImportCheckResult(await checkPartnerImport(caller, await readImportFile(input.file ?? null)));
}

/** partners.import: the posted file read under the size rule, checked again, then written. */
export async function runPartnerImport(caller: Caller, input: z.output<typeof PartnerImportInput>) {
  assertStaff(caller, "partners.manage");
  return importPartners(caller, await readImportFile(input.file ?? null), { validOnly: input.validOnly });
}
