import "server-only";
import { db } from "../db/client.ts";

// What the portal stops keeping once it is of no more use (DESIGN §10: links,
// secrets and old counters are not kept). Scheduled in lib/jobs/registry.ts;
// each delete is a single statement, so a second run at once changes nothing.
// See docs/decisions/0014.

const DAY_MS = 24 * 3600_000;

/**
 * A used or expired link token is kept this long after it stopped working:
 * an old link can still offer a fresh one to the same address, the team and
 * support pages show when an invitation ran out, and expiry notices look back
 * a week (lib/team/jobs.ts). Only the SHA-256 of a token is ever stored.
 */
const SPENT_TOKEN_RETENTION_DAYS = 30;

/** Deletes sessions that can no longer be used: expired or revoked (findLiveSession refuses both). */
export async function pruneDeadSessions(now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: now } }] },
  });
  return count;
}

/** Deletes link tokens used or expired more than SPENT_TOKEN_RETENTION_DAYS ago; live ones stay. */
export async function pruneSpentTokens(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - SPENT_TOKEN_RETENTION_DAYS * DAY_MS);
  const { count } = await db.userToken.deleteMany({
    where: { OR: [{ expiresAt: { lt: cutoff } }, { usedAt: { lt: cutoff } }] },
  });
  return count;
}
