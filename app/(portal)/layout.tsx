import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { signOutAction } from "@/lib/auth/actions";
import { requireCaller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const caller = await requireCaller();
  // A temporary password must be replaced before anything else (DESIGN §4).
  if (caller.mustChangePassword) redirect("/account/change-password");
  const partner = caller.kind === "PARTNER";
  const links = [
    { href: "/", label: "Dashboard", show: true },
    { href: "/team", label: "Team", show: partner && can(caller, "users.view") },
    { href: "/customers", label: "Customers", show: partner && can(caller, "customers.view") },
    { href: "/orders/new", label: "New order", show: partner && can(caller, "orders.create") },
    { href: "/audit", label: "Audit log", show: partner && can(caller, "audit.view") },
    { href: "/admin", label: "Vendor console", show: caller.kind === "STAFF" },
  ].filter((link) => link.show);

  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <div className="flex items-center gap-6">
            <Link href="/" className="font-semibold text-blue-800">
              Partner Portal
            </Link>
            <nav aria-label="Main">
              <ul className="flex gap-4 text-sm">
                {links.map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} className="text-gray-700 hover:text-blue-800">
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div className="flex items-center gap-4 text-sm">
            <span className="text-gray-700">
              {caller.firstName} {caller.lastName}
              {caller.partnerName && <span className="text-gray-500"> · {caller.partnerName}</span>}
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-gray-300 px-3 py-1.5 hover:bg-gray-50">
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
