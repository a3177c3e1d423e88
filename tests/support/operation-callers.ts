// Every kind of caller an operation can meet (DESIGN §9): partner roles, vendor
// staff roles, a customer user, an API key with all or no permissions — as
// the callers production builds (a real key through authenticateApiKey, a
// real session through a cookie next-auth would issue) — and a request scope
// so a server action (formAction) can run in a test with that session.
import { encode } from "@auth/core/jwt";
import { AsyncLocalStorage } from "node:async_hooks";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Caller } from "@/lib/auth/caller";
import { PARTNER_PERMISSIONS, type PartnerRoleKey, type StaffRoleKey } from "@/lib/auth/permissions";
import { insertApiKey } from "@/lib/api-keys/keys";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createSession } from "@/lib/auth/sessions";
import { callerFor, createPartner, createPartnerUser, testCaller } from "./factories";
import { createStaffUser } from "./staff-factories";
import { createCustomer, createCustomerUser } from "./customer-factories";

export const PARTNER_CALLERS = ["partner_admin", "account_executive", "sales", "read_only"] as const satisfies readonly PartnerRoleKey[];
export const STAFF_CALLERS = ["portal_owner", "portal_admin", "support"] as const satisfies readonly StaffRoleKey[];
const OTHER_CALLERS = ["customer", "signedOut", "apiKeyAll", "apiKeyNone"] as const;
/** Every kind of caller, in the order the matrix walks them. */
export const CALLER_KINDS = [...PARTNER_CALLERS, ...STAFF_CALLERS, ...OTHER_CALLERS] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

/** A partner of its own: its primary Partner Admin (as a caller) and an API key with every permission. */
export type TestPartner = Awaited<ReturnType<typeof createPartner>> & { apiKey: string };

/** A fresh partner with its primary admin and an all-permission key. */
export async function createPartnerWithKey(permissions: readonly string[] = PARTNER_PERMISSIONS): Promise<TestPartner> {
  const setup = await createPartner();
  const { key } = await insertApiKey(setup.caller, { partnerId: setup.partner.id, name: "all", permissions, expiresAt: null, createdById: setup.admin.id });
  return { ...setup, apiKey: key };
}

/** The caller of `kind` in `partner` (staff belong to no partner); null for signed out. */
export async function callerOfKind(kind: CallerKind, partner: TestPartner): Promise<Caller | null> {
  switch (kind) {
    case "partner_admin":
      return partner.caller;
    case "account_executive":
    case "sales":
    case "read_only": {
      const user = await createPartnerUser(partner.partner.id, { role: kind, managerId: kind === "account_executive" ? partner.admin.id : null });
      return callerFor(user, partner.partner.name);
    }
    case "portal_owner":
    case "portal_admin":
    case "support":
      return (await createStaffUser(kind)).caller;
    case "customer": {
      const customer = await createCustomer(partner.partner.id);
      const user = await createCustomerUser(customer, { withPassword: true });
      return testCaller({ ...user, role: null, permissions: [] }, { kind: "CUSTOMER", partnerId: partner.partner.id, partnerName: partner.partner.name });
    }
    case "signedOut":
      return null;
    case "apiKeyAll":
    case "apiKeyNone": {
      const permissions = kind === "apiKeyAll" ? PARTNER_PERMISSIONS : [];
      const { key } = await insertApiKey(partner.caller, { partnerId: partner.partner.id, name: kind, permissions, expiresAt: null, createdById: null });
      return authenticateApiKey(new Headers({ authorization: `Bearer ${key}` }));
    }
  }
}

/** A real session for `user` and the cookie next-auth would set for it. */
async function sessionCookieFor(user: { id: string }): Promise<string> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, sessionVersion: true } });
  const session = await createSession(db, row, { ip: "127.0.0.1", userAgent: "vitest" });
  const name = "authjs.session-token";
  const token = await encode({ token: { sub: user.id, sid: session.id }, secret: env().AUTH_SECRET, salt: name });
  return `${name}=${token}`;
}

/**
 * Signs in once a Partner Admin of `partner` and a Portal Owner; answers which session cookie to post an operation's
 * form with: the Portal Owner's for staff operations, none for public ones, the Partner Admin's for the rest.
 */
export async function sessionsByAccess(partner: TestPartner) {
  const cookies = { partner: await sessionCookieFor(partner.admin), staff: await sessionCookieFor((await createStaffUser("portal_owner")).user) };
  return (op: { access: object }) => ("staff" in op.access ? cookies.staff : "public" in op.access ? null : cookies.partner);
}

/**
 * Runs `fn` as Next runs a server action: inside a request (headers, cookies)
 * and a work store (so revalidatePath works). Only what our code reads is set.
 */
export async function inRequestScope<T>(cookie: string | null, fn: () => Promise<T>, extraHeaders: Record<string, string> = {}): Promise<T> {
  // Next's server runtime provides this global before its stores load (next/dist/server/node-environment).
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
  const { workAsyncStorage } = await import("next/dist/server/app-render/work-async-storage.external.js");
  const { workUnitAsyncStorage } = await import("next/dist/server/app-render/work-unit-async-storage.external.js");
  const { createRequestStoreForAPI } = await import("next/dist/server/async-storage/request-store.js");
  const headers = new Headers({ "user-agent": "vitest", ...(cookie ? { cookie } : {}), ...extraHeaders });
  const url = { pathname: "/", search: "" };
  const requestStore = createRequestStoreForAPI({ headers } as never, url as never, { tags: [], expirationsByCacheKind: new Map() } as never, undefined, undefined as never, undefined);
  const workStore = {
    route: "/",
    page: "/",
    isStaticGeneration: false,
    forceStatic: false,
    dynamicShouldError: false,
    incrementalCache: {},
    cacheLifeProfiles: {},
    pendingRevalidatedTags: [],
  };
  return workAsyncStorage.run(workStore as never, () => workUnitAsyncStorage.run(requestStore, fn));
}
