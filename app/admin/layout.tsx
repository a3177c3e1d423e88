import type { ReactNode } from "react";
import { requireStaffPage } from "@/lib/auth/staff";
import { can, roleLabel } from "@/lib/auth/permissions";
import { AppHeader } from "@/components/ui/app-header";

// The vendor console: vendor staff only. Everyone else gets 404, here and in
// every page and action below (each checks again).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaffPage();
  const links = [
    { href: "/admin/partners", label: "Partners", show: can(staff, "partners.view") },
    { href: "/admin/accounts", label: "Accounts", show: can(staff, "accounts.lookup") },
    { href: "/admin/audit", label: "Audit", show: can(staff, "audit.view.all") },
    { href: "/admin/staff", label: "Staff", show: can(staff, "staff.manage") },
    // Your account: the one own-password form (asks for the current password), as for every signed-in user.
    { href: "/account/change-password", label: "Change password", show: true },
  ].filter((link) => link.show);

  return (
    <div className="min-h-screen">
      <AppHeader
        theme="console"
        home={{
          href: "/admin",
          label: (
            <>
              Partner Portal <span className="font-normal text-slate-300">· Vendor console</span>
            </>
          ),
        }}
        navLabel="Vendor console"
        links={links}
        user={
          <>
            {staff.firstName} {staff.lastName} <span className="text-slate-400">· {roleLabel(staff.role)}</span>
          </>
        }
      />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
