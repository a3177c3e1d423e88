import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db/client.ts";
import { recordAudit, type AuditActor } from "../audit/record.ts";
import { NotFoundError, ValidationError, isUniqueViolation } from "../errors.ts";
import { PARTNER_PERMISSIONS, PERMISSION_INFO, requirePermission, type PartnerPermission } from "../auth/permissions.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { API_KEY_PREFIX, type CreateApiKeyInput } from "./schemas.ts";

// Partner API keys (DESIGN §9, decision 0018): `pp_live_` + 192 random bits,
// shown once, stored as a SHA-256 hash (the secret is high-entropy, so a
// fast hash is enough), found by its first characters, revocable.

const SECRET_BYTES = 24;
/** Characters of the key stored in clear to find it (and shown in lists): the prefix plus 8. */
const LOOKUP_LENGTH = API_KEY_PREFIX.length + 8;
const DAY_MS = 24 * 3600_000;
const MAX_EXPIRY_DAYS = 3 * 366;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function lookupPrefix(key: string): string {
  return key.slice(0, LOOKUP_LENGTH);
}

function newSecret(): string {
  return API_KEY_PREFIX + randomBytes(SECRET_BYTES).toString("base64url");
}

/** The permissions a key may hold: partner permissions the creator holds. */
export function grantablePermissions(creator: { permissions: readonly string[] }): PartnerPermission[] {
  return PARTNER_PERMISSIONS.filter((permission) => creator.permissions.includes(permission));
}

/**
 * Creates a key in the caller's partner. Its permissions must be ones the
 * caller holds (an API key creating a key is bounded by its own). Returns the
 * secret: the only time it exists outside the caller's hands.
 */
export async function createApiKey(caller: PartnerCaller, input: CreateApiKeyInput, now = new Date()) {
  requirePermission(caller, "settings.manage");
  const beyond = input.permissions.filter((permission) => !caller.permissions.includes(permission));
  if (beyond.length > 0) {
    throw ValidationError.field(
      "permissions",
      `You can't give a key permissions you don't hold (${beyond.map((p) => PERMISSION_INFO[p].label).join(", ")}).`,
    );
  }
  let expiresAt: Date | null = null;
  if (input.expiresOn) {
    expiresAt = new Date(input.expiresOn.getTime() + DAY_MS); // works through the whole last day (UTC)
    if (expiresAt <= now) throw ValidationError.field("expiresOn", "Choose a day from today on.");
    if (expiresAt.getTime() - now.getTime() > MAX_EXPIRY_DAYS * DAY_MS) {
      throw ValidationError.field("expiresOn", "Choose a day within three years, or no expiry.");
    }
  }
  return insertApiKey(caller, {
    partnerId: caller.partnerId,
    name: input.name,
    permissions: input.permissions,
    expiresAt,
    createdById: caller.apiKeyId ? null : caller.userId,
  });
}

type NewKey = { partnerId: string; name: string; permissions: readonly string[]; expiresAt: Date | null; createdById: string | null };

/** Writes a key and its audit event; returns the secret. Callers check who may (createApiKey, scripts/apikey.ts). */
export async function insertApiKey(actor: AuditActor, data: NewKey) {
  for (let attempt = 0; ; attempt++) {
    const key = newSecret();
    try {
      const created = await db.$transaction(async (tx) => {
        const row = await tx.apiKey.create({
          data: { ...data, permissions: [...new Set(data.permissions)], prefix: lookupPrefix(key), keyHash: hashApiKey(key) },
          select: { id: true, name: true, prefix: true, permissions: true, expiresAt: true },
        });
        await recordAudit(tx, { ...actor, partnerId: data.partnerId }, {
          action: "api_key.created",
          target: { type: "api_key", id: row.id },
          changes: { name: row.name, permissions: row.permissions, expiresAt: row.expiresAt?.toISOString() ?? null },
        });
        return row;
      });
      return { ...created, key };
    } catch (error) {
      // A clash of the 48 random bits of the lookup prefix: draw again.
      if (isUniqueViolation(error) && attempt < 2) continue;
      throw error;
    }
  }
}

/** Revokes a key of the caller's partner: its next request answers 401. */
export async function revokeApiKey(caller: PartnerCaller, apiKeyId: string, now = new Date()) {
  requirePermission(caller, "settings.manage");
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: apiKeyId, partnerId: caller.partnerId }, select: { id: true, name: true, revokedAt: true } });
    if (!key) throw new NotFoundError("That API key doesn't exist.");
    if (key.revokedAt) return key;
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: now }, select: { id: true, name: true, revokedAt: true } });
    await recordAudit(tx, caller, { action: "api_key.revoked", target: { type: "api_key", id: key.id }, changes: { name: key.name } });
    return revoked;
  });
}

/** The partner's keys for Settings, newest first: never the secret or its hash. */
export async function listApiKeys(caller: PartnerCaller, now = new Date()) {
  requirePermission(caller, "settings.manage");
  const keys = await db.apiKey.findMany({
    where: { partnerId: caller.partnerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, name: true, prefix: true, permissions: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true, createdById: true },
  });
  const creators = await db.user.findMany({
    where: { id: { in: keys.map((k) => k.createdById).filter((id): id is string => !!id) }, partnerId: caller.partnerId },
    select: { id: true, firstName: true, lastName: true },
  });
  const names = new Map(creators.map((c) => [c.id, `${c.firstName} ${c.lastName}`]));
  return keys.map(({ createdById, ...key }) => ({
    ...key,
    createdByName: createdById ? (names.get(createdById) ?? null) : null,
    state: key.revokedAt ? ("revoked" as const) : key.expiresAt && key.expiresAt <= now ? ("expired" as const) : ("active" as const),
  }));
}
