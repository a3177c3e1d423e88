// Which permissions each partner page needs: the one table read by the page
// guard (`requirePartnerPage("/team/[id]")`, lib/auth/page-guards.ts) and by
// the 403 page (app/forbidden.tsx), which learns the path from the request
// header proxy.ts sets and names what is missing (decision 0025).
// Pure data and pure functions: safe in server and client components.
import { can, PERMISSION_INFO, type PartnerPermission, type PermissionHolder } from "./permissions.ts";

/** Page route (as its folder under app/(portal) spells it) → every permission it needs. */
export const PARTNER_PAGES = {
  "/team": ["users.view"],
  "/team/invite": ["users.manage"],
  "/team/deleted": ["users.manage"],
  "/team/[id]": ["users.manage"],
  "/customers": ["customers.view"],
  "/customers/new": ["customers.manage"],
  "/customers/[id]": ["customers.view"],
  "/customers/[id]/edit": ["customers.manage"],
  "/customers/[id]/users": ["customers.view"],
  "/customers/[id]/users/new": ["customers.manage"],
  "/customers/[id]/users/import": ["customers.manage"],
  "/customers/[id]/users/[userId]": ["customers.manage"],
  // Placing an order picks a customer, so it needs both (decision 0015).
  "/orders/new": ["orders.create", "customers.view"],
  "/audit": ["audit.view"],
  "/settings": ["settings.manage"],
} as const satisfies Record<string, readonly PartnerPermission[]>;

export type PartnerPage = keyof typeof PARTNER_PAGES;

/** Whether a partner user may open the page (navigation links ask this, as the guard does). */
export function mayOpenPage(holder: PermissionHolder, page: PartnerPage): boolean {
  return PARTNER_PAGES[page].every((permission) => can(holder, permission));
}

/**
 * The page route a request path belongs to ("/team/3f…" → "/team/[id]"), or
 * null. A static segment beats a dynamic one ("/team/invite" is not a member id).
 */
export function matchPartnerPage(pathname: string): PartnerPage | null {
  const path = pathname.split("?")[0].replace(/\/+$/, "") || "/";
  const segments = path.split("/").slice(1);
  let best: { page: PartnerPage; dynamic: number } | null = null;
  for (const page of Object.keys(PARTNER_PAGES) as PartnerPage[]) {
    const pattern = page.split("/").slice(1);
    if (pattern.length !== segments.length) continue;
    let dynamic = 0;
    const matches = pattern.every((part, i) => {
      if (part.startsWith("[")) return ++dynamic > 0 && segments[i] !== "";
      return part === segments[i];
    });
    if (matches && (!best || dynamic < best.dynamic)) best = { page, dynamic };
  }
  return best?.page ?? null;
}

export type PermissionNeeded = { permission: PartnerPermission; label: string; description: string };

/**
 * What the 403 page says a path needs: every permission of its page, or only
 * those the holder lacks when the holder is known. Empty for a path that
 * isn't a partner page (or a refusal that isn't about the page's permissions).
 */
export function permissionsNeededFor(pathname: string, holder?: PermissionHolder): PermissionNeeded[] {
  const page = matchPartnerPage(pathname);
  if (!page) return [];
  return PARTNER_PAGES[page]
    .filter((permission) => !holder || !can(holder, permission))
    .map((permission) => ({ permission, ...PERMISSION_INFO[permission] }));
}
