import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { requireCaller } from "@/lib/auth/caller";
import { mayOpenPage } from "@/lib/auth/page-access";
import { AppHeader, callerAffiliation } from "@/components/ui/app-header";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const caller = await requireCaller();
  // A temporary password must be replaced before anything else (DESIGN §4).
  if (caller.mustChangePassword) redirect("/account/change-password");
  const partner = caller.kind === "PARTNER";
  const links = [
    { href: "/", label: "Dashboard", show: true },
    // Shown when the page's guard would let the caller in: the same table (lib/auth/page-access.ts).
    { href: "/team", label: "Team", show: partner && mayOpenPage(caller, "/team") },
    { href: "/customers", label: "Customers", show: partner && mayOpenPage(caller, "/customers") },
    { href: "/orders/new", label: "New order", show: partner && mayOpenPage(caller, "/orders/new") },
    { href: "/audit", label: "Audit log", show: partner && mayOpenPage(caller, "/audit") },
    { href: "/settings", label: "Settings", show: partner && mayOpenPage(caller, "/settings") },
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
