import "server-only";
import { timingSafeEqual } from "node:crypto";
import { db } from "../db/client.ts";
import { UnauthenticatedError } from "../errors.ts";
import { PARTNER_PERMISSIONS, type Permission } from "../auth/permissions.ts";
import type { ApiCaller } from "../auth/caller.ts";
import { requestMetaFrom } from "../auth/request-meta.ts";
import { consumeRateLimit, type RateLimitPolicy } from "../security/rate-limit.ts";
import { hashApiKey, lookupPrefix } from "./keys.ts";

/** Requests per key per minute (shared by every instance through Postgres). */
export const API_KEY_RATE_LIMIT: RateLimitPolicy = { name: "api:key", limit: 300, windowSeconds: 60 };

const BEARER = /^Bearer\s+(pp_live_[A-Za-z0-9_-]{32})\s*$/;
const INVALID = "This API key is not valid. Send Authorization: Bearer pp_live_… with a key from Settings → API keys.";

/**
 * The caller behind `Authorization: Bearer <key>`: 401 without a key, for an
 * unknown, revoked or expired key, and for a suspended partner. The caller
 * acts in the key's partner with the key's permissions and is nobody's self
 * (its userId is the key's id). Counts one request against the key's rate
 * limit (429 past it).
 */
export async function authenticateApiKey(headers: Pick<Headers, "get">, now = new Date()): Promise<ApiCaller> {
  const match = BEARER.exec(headers.get("authorization") ?? "");
  if (!match) throw new UnauthenticatedError(headers.get("authorization") ? INVALID : "Send an API key: Authorization: Bearer pp_live_….");
  const key = match[1];
  const row = await db.apiKey.findUnique({
    where: { prefix: lookupPrefix(key) },
    select: {
      id: true,
      name: true,
      keyHash: true,
      permissions: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      partner: { select: { id: true, name: true, status: true } },
    },
  });
  const hash = Buffer.from(hashApiKey(key), "hex");
  if (!row || !timingSafeEqual(hash, Buffer.from(row.keyHash, "hex"))) throw new UnauthenticatedError(INVALID);
  if (row.revokedAt) throw new UnauthenticatedError("This API key was revoked.");
  if (row.expiresAt && row.expiresAt <= now) throw new UnauthenticatedError("This API key has expired.");
  if (row.partner.status !== "ACTIVE") throw new UnauthenticatedError("This partner's access is suspended.");

  await consumeRateLimit(API_KEY_RATE_LIMIT, row.id);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    // At most one write a minute per key; a parallel request may skip it.
    await db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
      data: { lastUsedAt: now },
    });
  }
  const known = new Set<string>(PARTNER_PERMISSIONS);
  return {
    userId: row.id,
    sessionId: "",
    kind: "PARTNER",
    partnerId: row.partner.id,
    partnerName: row.partner.name,
    role: null,
    permissions: row.permissions.filter((p) => known.has(p)) as Permission[],
    firstName: "",
    lastName: "",
    email: "",
    mustChangePassword: false,
    ...requestMetaFrom(headers),
    apiKeyId: row.id,
    apiKeyName: row.name,
  };
}

/** GET /me: the key's partner and permissions. */
export async function describeApiCaller(caller: { partnerId: string; partnerName: string | null; permissions: readonly string[]; apiKeyId?: string; apiKeyName?: string }) {
  const key = caller.apiKeyId
    ? await db.apiKey.findFirst({ where: { id: caller.apiKeyId, partnerId: caller.partnerId }, select: { id: true, name: true, expiresAt: true } })
    : null;
  return {
    partner: { id: caller.partnerId, name: caller.partnerName ?? "" },
    permissions: [...caller.permissions],
    apiKey: key ? { id: key.id, name: key.name, expiresAt: key.expiresAt } : null,
  };
}
