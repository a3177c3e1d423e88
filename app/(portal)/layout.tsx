import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { requireCaller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";
import { AppHeader, callerAffiliation } from "@/components/ui/app-header";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const caller = await requireCaller();
  // A temporary password must be replaced before anything else (DESIGN §4).
  if (caller.mustChangePassword) redirect("/account/change-password");
  const partner = caller.kind === "PARTNER";
  const links = [
    { href: "/", label: "Dashboard", show: true },
    { href: "/team", label: "Team", show: partner && can(caller, "users.view") },
    { href: "/customers", label: "Customers", show: partner && can(caller, "customers.view") },
    // Placing an order needs both (decision 0015), as /orders/new checks.
    { href: "/orders/new", label: "New order", show: partner && can(caller, "orders.create") && can(caller, "customers.view") },
    { href: "/audit", label: "Audit log", show: partner && can(caller, "audit.view") },
    { href: "/settings", label: "Settings", show: partner && can(caller, "settings.manage") },
    { href: "/admin", label: "Vendor console", show: caller.kind === "STAFF" },
  ].filter((link) => link.show);

  return (
    <div className="min-h-screen">
      <AppHeader
        theme="portal"
        home={{ href: "/", label: "Partner Portal" }}
        navLabel="Main"
        links={links}
        user={
          <>
            {caller.firstName} {caller.lastName}
            {callerAffiliation(caller) && <span className="text-gray-500"> · {callerAffiliation(caller)}</span>}
          </>
        }
      />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
