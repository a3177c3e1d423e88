import "server-only";
import { db, type Tx } from "../db/client.ts";
import { env } from "../env.ts";
import { accessFields, personFields } from "../accounts/selects.ts";
import type { RequestMeta } from "./request-meta.ts";

// Sessions live in Postgres; the next-auth cookie only carries the session id.
// That is what lets sign-out, disable, delete and permission changes end a
// session on its next request rather than at cookie expiry (DESIGN §10).

export async function createSession(tx: Tx, user: { id: string; sessionVersion: number }, meta: RequestMeta) {
  const expiresAt = new Date(Date.now() + env().SESSION_MAX_AGE_HOURS * 3600_000);
  return tx.session.create({
    data: {
      userId: user.id,
      sessionVersion: user.sessionVersion,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 400),
    },
    select: { id: true, expiresAt: true },
  });
}

/** Why sessions end: stored on each ended session (support can tell a sign-out from a deletion). */
export type SessionEndReason =
  | "signed_out"
  | "password_changed"
  | "password_reset"
  | "temporary_password_reset"
  | "email_changed"
  | "permissions_changed"
  | "disabled"
  | "deleted"
  | "email_detached"
  | "partner_suspended";

/** Sign-out of one session (the cookie's). */
export async function revokeSession(sessionId: string) {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: "signed_out" } });
}

/**
 * The one way to end a user's sessions at once (DESIGN §10: password change,
 * disable, delete, permission change…), in the caller's transaction. Each
 * user's session version goes up, so a session being created at this very
 * moment (sign-in in flight) is dead too, and every live session row is
 * marked revoked with the reason. `keep`: the caller's own session survives,
 * carried over to the new version (changing your own password keeps you
 * signed in here and nowhere else).
 *
 * `{ partnerId }` ends the sessions of every user of a partner (suspension);
 * there the partner's status itself refuses new sessions (findLiveSession).
 */
export async function endSessions(
  tx: Tx,
  who: string | { partnerId: string },
  reason: SessionEndReason,
  options: { keep?: string } = {},
) {
  const now = new Date();
  if (typeof who === "object") {
    await tx.session.updateMany({ where: { revokedAt: null, user: { partnerId: who.partnerId } }, data: { revokedAt: now, revokedReason: reason } });
    return;
  }
  const userId = who;
  const { sessionVersion } = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(options.keep ? { id: { not: options.keep } } : {}) },
    data: { revokedAt: now, revokedReason: reason },
  });
  // The kept session (the caller's own) moves to the new version, so it stays valid.
  if (options.keep) await tx.session.updateMany({ where: { id: options.keep, userId }, data: { sessionVersion } });
}

/** The session and its user, if the session may still be used. */
export async function findLiveSession(sessionId: string) {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      sessionVersion: true,
      expiresAt: true,
      revokedAt: true,
      user: {
        select: {
          ...personFields,
          kind: true,
          partnerId: true,
          ...accessFields,
          deletedAt: true,
          sessionVersion: true,
          mustChangePassword: true,
          partner: { select: { name: true, status: true } },
          customer: { select: { name: true } },
        },
      },
    },
  });
  if (!session || session.revokedAt || session.expiresAt < new Date()) return null;
  const { user } = session;
  if (user.deletedAt || user.status !== "ACTIVE" || user.sessionVersion !== session.sessionVersion) return null;
  if (user.partner && user.partner.status !== "ACTIVE") return null;
  return session;
}
