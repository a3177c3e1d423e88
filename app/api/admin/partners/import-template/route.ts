import { NextResponse } from "next/server";
import { getCaller } from "@/lib/auth/caller";
import { partnerImportTemplateCsv } from "@/lib/partners/import";
import { assertStaff } from "@/lib/support/staff-access";
import { AppError, UnauthenticatedError } from "@/lib/errors";

/** The partner import template (vendor console, partners.manage): signed out 401, not staff 404, other staff 403. */
export async function GET() {
  try {
    const caller = await getCaller();
    if (!caller) throw new UnauthenticatedError();
    assertStaff(caller, "partners.manage");
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ title: error.message }, { status: error.status });
    throw error;
  }
  return new NextResponse(partnerImportTemplateCsv(), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="partners-import-template.csv"' },
  });
}
