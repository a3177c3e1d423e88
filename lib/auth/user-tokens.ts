import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "../db/client.ts";
import type { TokenPurpose } from "../db/generated/enums.ts";
import { generateToken, hashToken } from "./tokens.ts";

/**
 * Makes a user's unused links stop working now (of one purpose, or all of
 * them). They are expired, not deleted, so an old link can still tell who
 * asked for a new one.
 */
export async function expireOpenLinks(tx: Tx, userId: string, purpose?: TokenPurpose, now = new Date()) {
  await tx.userToken.updateMany({ where: { userId, purpose, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
}

/** Issues a single-use link token. Earlier unused tokens of the same purpose stop working at once. */
export async function issueUserToken(
  tx: Tx,
  userId: string,
  purpose: TokenPurpose,
  ttlMs: number,
  extra: { newEmail?: string } = {},
) {
  const now = new Date();
  await expireOpenLinks(tx, userId, purpose, now);
  const token = generateToken();
  const record = await tx.userToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttlMs), newEmail: extra.newEmail },
    select: { id: true, expiresAt: true },
  });
  return { token, id: record.id, expiresAt: record.expiresAt };
}

/**
 * issueUserToken for many accounts created in the caller's transaction (a CSV
 * import): they have no earlier links to expire, so one INSERT does it.
 */
export async function issueUserTokensForNewUsers(tx: Tx, userIds: readonly string[], purpose: TokenPurpose, ttlMs: number) {
  const expiresAt = new Date(Date.now() + ttlMs);
  const links = userIds.map((userId) => ({ userId, token: generateToken(), id: randomUUID(), expiresAt }));
  await tx.userToken.createMany({
    data: links.map((link) => ({ id: link.id, userId: link.userId, purpose, tokenHash: hashToken(link.token), expiresAt })),
  });
  return links;
}

/** Looks a token up without using it (GET of a link page). */
export async function findUsableToken(token: string, purpose: TokenPurpose) {
  const record = await db.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      purpose: true,
      usedAt: true,
      expiresAt: true,
      newEmail: true,
      user: { select: { id: true, firstName: true, email: true, status: true, deletedAt: true, partnerId: true } },
    },
  });
  if (!record || record.purpose !== purpose || record.usedAt || record.expiresAt <= new Date()) return null;
  if (record.user.deletedAt) return null;
  return record;
}

/** Any token with this value, usable or not: to offer a fresh link. */
export async function findTokenOwner(token: string, purpose: TokenPurpose) {
  const record = await db.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, userId: true },
  });
  return record && record.purpose === purpose ? record.userId : null;
}

/**
 * Marks the token used inside the caller's transaction. Returns false when
 * it was already used, expired or never existed; the guarded update makes
 * two simultaneous submits of one link succeed at most once.
 */
export async function consumeUserToken(tx: Tx, token: string, purpose: TokenPurpose): Promise<string | null> {
  const tokenHash = hashToken(token);
  const now = new Date();
  const { count } = await tx.userToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  const record = await tx.userToken.findUnique({ where: { tokenHash }, select: { userId: true } });
  return record?.userId ?? null;
}

/** A user's pending email change, as a select of their `tokens`: the newest unused, unexpired EMAIL_CHANGE link (`tokens[0]`, if any). */
export function pendingEmailChangeSelect() {
  return {
    where: { purpose: "EMAIL_CHANGE" as const, usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" as const },
    take: 1,
    select: { newEmail: true, expiresAt: true },
  };
}
