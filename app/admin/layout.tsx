import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/lib/auth/actions";
import { requireStaffPage } from "@/lib/auth/staff";
import { can, roleLabel } from "@/lib/auth/permissions";

// The vendor console: vendor staff only. Everyone else gets 404, here and in
// every page and action below (each checks again).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaffPage();
  const links = [
    { href: "/admin/partners", label: "Partners", show: can(staff, "partners.view") },
    { href: "/admin/accounts", label: "Accounts", show: can(staff, "accounts.lookup") },
    { href: "/admin/audit", label: "Audit", show: can(staff, "audit.view.all") },
    { href: "/admin/staff", label: "Staff", show: can(staff, "staff.manage") },
  ].filter((link) => link.show);

  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <div className="flex items-center gap-6">
            <Link href="/admin" className="font-semibold">
              Partner Portal <span className="font-normal text-slate-300">· Vendor console</span>
            </Link>
            <nav aria-label="Vendor console">
              <ul className="flex gap-4 text-sm">
                {links.map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} className="text-slate-200 hover:text-white hover:underline">
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div className="flex items-center gap-4 text-sm">
            <span className="text-slate-200">
              {staff.firstName} {staff.lastName} <span className="text-slate-400">· {roleLabel(staff.role)}</span>
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-500 px-3 py-1.5 hover:bg-slate-800">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
