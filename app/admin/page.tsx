import Link from "next/link";
import { redirect } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/staff";
import { can } from "@/lib/auth/permissions";
import { flag, readSearchParams, type RawSearchParams } from "@/lib/http/params";

export const metadata = { title: "Vendor console" };

export default async function AdminHome({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage();
  const home = can(staff, "partners.view") ? "/admin/partners" : "/admin/accounts";
  // After changing their own password (/account/change-password) staff land here: say it worked.
  const {
    values: { passwordReset },
  } = readSearchParams(await searchParams, { passwordReset: flag });
  if (!passwordReset) redirect(home);
  return (
    <>
      <p role="status" className="mb-6 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
        Your password was changed. Other sessions have been signed out.
      </p>
      <h1 className="mb-4 text-2xl font-semibold">Welcome, {staff.firstName}</h1>
      <Link href={home} className="text-blue-700 underline">
        Continue to the vendor console
      </Link>
    </>
  );
}
