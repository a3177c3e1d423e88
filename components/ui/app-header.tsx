import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/lib/auth/actions";
import type { Caller } from "@/lib/auth/caller";

export type NavLink = { href: string; label: string };

/**
 * Where the signed-in person belongs, as the header and dashboard say it: a
 * customer user's own company ("Fabrikam Dental · Customer user"), a partner
 * user's organization, or nothing for vendor staff.
 */
export function callerAffiliation(caller: Pick<Caller, "kind" | "partnerName" | "customerName">): string | null {
  if (caller.kind === "CUSTOMER") return caller.customerName ? `${caller.customerName} · Customer user` : "Customer user";
  return caller.partnerName;
}

const THEMES = {
  portal: {
    header: "border-b border-gray-200 bg-white",
    home: "font-semibold text-blue-800",
    link: "text-gray-700 hover:text-blue-800",
    user: "text-gray-700",
    signOut: "rounded-md border border-gray-300 px-3 py-1.5 hover:bg-gray-50",
  },
  console: {
    header: "border-b border-gray-200 bg-slate-900 text-white",
    home: "font-semibold",
    link: "text-slate-200 hover:text-white hover:underline",
    user: "text-slate-200",
    signOut: "rounded-md border border-slate-500 px-3 py-1.5 hover:bg-slate-800",
  },
} as const;

/**
 * The bar at the top of every signed-in page: home link, main navigation, who
 * is signed in, and Sign out. Each layout decides the links (after its own
 * access checks) and how the caller is named.
 */
export function AppHeader({
  theme,
  home,
  navLabel,
  links,
  user,
}: {
  theme: keyof typeof THEMES;
  home: { href: string; label: ReactNode };
  /** The accessible name of the navigation landmark. */
  navLabel: string;
  links: NavLink[];
  /** The caller's display name, as the layout wants it shown. */
  user: ReactNode;
}) {
  const styles = THEMES[theme];
  return (
    <header className={styles.header}>
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <div className="flex items-center gap-6">
          <Link href={home.href} className={styles.home}>
            {home.label}
          </Link>
          <nav aria-label={navLabel}>
            <ul className="flex gap-4 text-sm">
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className={styles.link}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="flex items-center gap-4 text-sm">
          <span className={styles.user}>{user}</span>
          <form action={signOutAction}>
            <button type="submit" className={styles.signOut}>
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
