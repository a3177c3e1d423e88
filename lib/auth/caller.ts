import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { NotFoundError } from "../errors.ts";
import { effectivePermissions, type Permission, requirePermission } from "./permissions.ts";
import { sessionIdFromCookie } from "./next-auth.ts";
import { findLiveSession } from "./sessions.ts";
import { getRequestMeta } from "./request-meta.ts";

export type Caller = {
  userId: string;
  sessionId: string;
  kind: "STAFF" | "PARTNER" | "CUSTOMER";
  /** The tenant: always from the session, never from the request. */
  partnerId: string | null;
  partnerName: string | null;
  /** A customer user's own company (their partner is the reseller); null for everyone else. */
  customerName?: string | null;
  role: string | null;
  permissions: Permission[];
  firstName: string;
  lastName: string;
  email: string;
  mustChangePassword: boolean;
  ip: string | null;
  userAgent: string | null;
  /**
   * Set when an API key calls (lib/api-keys/authenticate.ts). Such a caller
   * is nobody's self: its userId is the key's id, never a user's, so "your own
   * account" checks never match, and audit events name the key.
   */
  apiKeyId?: string;
  apiKeyName?: string;
};

export type PartnerCaller = Caller & { kind: "PARTNER"; partnerId: string };

/** A partner API key acting through /api/v1. */
export type ApiCaller = PartnerCaller & { apiKeyId: string; apiKeyName: string };

/** Who is calling, resolved once per request; null when not signed in. */
export const getCaller = cache(async (): Promise<Caller | null> => {
  // The cookie's session id, decrypted with a key derived once per process (not next-auth's auth(): decision 0020).
  const sessionId = await sessionIdFromCookie();
  if (!sessionId) return null;
  const live = await findLiveSession(sessionId);
  if (!live) return null;
  const { user } = live;
  const meta = await getRequestMeta();
  return {
    userId: user.id,
    sessionId: live.id,
    kind: user.kind,
    partnerId: user.partnerId,
    partnerName: user.partner?.name ?? null,
    customerName: user.customer?.name ?? null,
    role: user.role,
    permissions: effectivePermissions(user.role, user.permissions),
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    mustChangePassword: user.mustChangePassword,
    ...meta,
  };
});

/** For pages: the signed-in caller, or a redirect to sign-in. */
export async function requireCaller(): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) redirect("/login");
  return caller;
}

export function isPartnerCaller(caller: Caller): caller is PartnerCaller {
  return caller.kind === "PARTNER" && caller.partnerId !== null;
}

/**
 * A partner user holding `permission`. Anyone else gets "not found": the
 * partner portal doesn't exist for them, and a missing permission on a
 * partner page is a 403 (ForbiddenError).
 */
export async function requirePartnerPermission(permission: Permission): Promise<PartnerCaller> {
  const caller = await requireCaller();
  if (!isPartnerCaller(caller)) throw new NotFoundError();
  requirePermission(caller, permission);
  return caller;
}
