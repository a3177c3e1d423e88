import "server-only";
import { operation } from "../operations/define.ts";
import { PartnerImportCheckInput, PartnerImportInput, runPartnerImport, runPartnerImportCheck } from "./import.ts";

// Bulk onboarding of partners (decision 0022): the vendor console's import
// form (lib/partners/import-actions.ts) is an adapter over these. Staff who
// manage partners only: a partner or customer user gets "not found", other
// staff a 403, before the file is read.

export const checkPartnerImportOp = operation({
  name: "partners.importCheck",
  summary: "Check a CSV file of partners and their primary users, row by row, without writing anything (dry run).",
  input: PartnerImportCheckInput,
  access: { staff: "partners.manage" },
  audit: null,
  run: (staff, input) => runPartnerImportCheck(staff, input),
});

export const importPartnersOp = operation({
  name: "partners.import",
  summary:
    "Create the partners of a CSV file, each with its primary user invited by email, in one transaction (every row must be valid unless validOnly).",
  input: PartnerImportInput,
  access: { staff: "partners.manage" },
  audit: ["partner.created", "partners.imported"],
  run: (staff, input) => runPartnerImport(staff, input),
});

export const PARTNER_IMPORT_OPERATIONS = [checkPartnerImportOp, importPartnersOp];
