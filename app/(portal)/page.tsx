import Link from "next/link";
import { redirect } from "next/navigation";
import { requireCaller } from "@/lib/auth/caller";
import { can, roleLabel } from "@/lib/auth/permissions";
import { flag, readSearchParams, type RawSearchParams } from "@/lib/http/params";
import { CustomersDashboardSection } from "./customers/dashboard-section";
import { callerAffiliation } from "@/components/ui/app-header";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const caller = await requireCaller();
  // Notices are codes with a fixed sentence, never text from the URL.
  const {
    values: { welcome, passwordReset },
  } = readSearchParams(await searchParams, { welcome: flag, passwordReset: flag });
  // Vendor staff work in the vendor console, which says so after their own password change too.
  if (caller.kind === "STAFF") redirect(passwordReset ? "/admin?passwordReset=1" : "/admin");
  return (
    <>
      {welcome && (
        <p role="status" className="mb-6 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          Your account is active. Welcome to Partner Portal.
        </p>
      )}
      {passwordReset && (
        <p role="status" className="mb-6 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          Your password was changed. Other sessions have been signed out.
        </p>
      )}
      <h1 className="text-2xl font-semibold">Welcome, {caller.firstName}</h1>
      <p className="mt-1 text-gray-700">
        {caller.kind === "CUSTOMER" ? callerAffiliation(caller) : `${caller.partnerName ?? "Vendor console"} · ${roleLabel(caller.role)}`}
      </p>
      {caller.kind === "PARTNER" && can(caller, "users.view") && (
        <section className="mt-8 rounded-lg border border-gray-200 bg-white p-6">
          <h2 className="text-lg font-semibold">Your team</h2>
          <p className="mt-1 text-sm text-gray-700">Invite colleagues and manage what they can do.</p>
          <Link href="/team" className="mt-4 inline-block text-sm font-semibold text-blue-700 underline">
            Go to Team
          </Link>
        </section>
      )}
      <CustomersDashboardSection caller={caller} />
      {caller.kind === "PARTNER" && (
        <p className="mt-8 text-sm">
          <Link href="/team/me" className="font-semibold text-blue-700 underline">
            Your account: sign-in email and email notifications
          </Link>
        </p>
      )}
      {caller.kind === "CUSTOMER" && (
        <p className="mt-8 text-sm">
          {/* The one own-password form of every signed-in user; it asks for the current password. */}
          <Link href="/account/change-password" className="font-semibold text-blue-700 underline">
            Your account: change your password
          </Link>
        </p>
      )}
    </>
  );
}
