import { requireStaffPage } from "@/lib/auth/staff";
import { PARTNER_IMPORT_COLUMNS, PARTNER_IMPORT_MAX_ROWS } from "@/lib/partners/import";
import { BackLink } from "@/components/ui/back-link";
import { PartnerImportFlow } from "./import-flow";

export const metadata = { title: "Import partners · Vendor console" };

export default async function ImportPartnersPage() {
  await requireStaffPage("partners.manage");
  return (
    <div className="max-w-4xl">
      <BackLink href="/admin/partners">Partners</BackLink>
      <h1 className="mb-2 text-2xl font-semibold">Import partners</h1>
      <p className="mb-6 text-sm text-gray-700">
        Move an existing partner base onto the portal: a CSV file saved from Excel or any spreadsheet (UTF-8, comma or semicolon
        separated) with the columns {PARTNER_IMPORT_COLUMNS.join(", ")} (the partner&apos;s primary user; Phone with its country code,
        may be left empty), at most {PARTNER_IMPORT_MAX_ROWS.toLocaleString("en")} partners. Every row is checked before anything is
        created; each primary user is invited as the partner&apos;s Partner Admin and gets an activation email.{" "}
        <a href="/api/admin/partners/import-template" className="text-blue-700 underline">
          Download template
        </a>
      </p>
      <PartnerImportFlow />
    </div>
  );
}
