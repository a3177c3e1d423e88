import "server-only";
import { db, type Tx } from "../db/client.ts";
import { env } from "../env.ts";
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

export async function revokeSession(sessionId: string) {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
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
          id: true,
          kind: true,
          partnerId: true,
          firstName: true,
          lastName: true,
          email: true,
          role: true,
          permissions: true,
          status: true,
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
