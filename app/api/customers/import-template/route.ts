import { NextResponse } from "next/server";
import { importTemplateCsv } from "@/lib/customers/import";
import { requirePartnerPermission } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";

export async function GET() {
  try {
    await requirePartnerPermission("customers.manage");
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ title: error.message }, { status: error.status });
    throw error;
  }
  return new NextResponse(importTemplateCsv(), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="users-import-template.csv"' },
  });
}
