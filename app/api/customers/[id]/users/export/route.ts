import { NextResponse } from "next/server";
import { requirePartnerPermission } from "@/lib/auth/caller";
import { exportCustomerUsers } from "@/lib/customers/customer-users";
import { customerUsersCsv } from "@/lib/customers/import";
import { AppError, NotFoundError } from "@/lib/errors";
import { readId } from "@/lib/http/params";

// GET only and read-only: a cross-site link can start a download but never change anything.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const caller = await requirePartnerPermission("customers.view");
    // An id that can't exist is "not found", before anything reaches the database.
    const id = readId((await params).id);
    if (!id) throw new NotFoundError("That customer doesn't exist.");
    const csv = customerUsersCsv(await exportCustomerUsers(caller, id));
    return new NextResponse(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="users.csv"',
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ title: error.message }, { status: error.status });
    throw error;
  }
}
