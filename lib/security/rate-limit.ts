import "server-only";
import { db, type Tx } from "../db/client.ts";
import { RateLimitedError } from "../errors.ts";
import { addressBucket } from "./client-address.ts";

// Fixed-window counters in Postgres, so every app instance shares them
// (DESIGN §10, §11). One upsert per check; the window restarts once it ends.
// Per-IP limits only: the per-account protection is the lockout
// (lib/auth/lockout.ts), which counts failures and which an emailed reset
// link lifts (decision 0012).

/** `perAddress`: the subject is a client address, counted by addressBucket (an IPv6 client by its /64). */
export type RateLimitPolicy = { name: string; limit: number; windowSeconds: number; perAddress?: boolean };

export const RATE_LIMITS = {
  // Sign-in attempts that failed, per client address (a success is given back: refundRateLimit).
  signInPerIp: { name: "sign-in:ip", limit: 30, windowSeconds: 600, perAddress: true },
  forgotPasswordPerIp: { name: "forgot:ip", limit: 10, windowSeconds: 3600, perAddress: true },
  forgotPasswordPerAccount: { name: "forgot:account", limit: 3, windowSeconds: 3600 },
  resendInvitePerUser: { name: "resend:user", limit: 5, windowSeconds: 3600 },
  tokenPagePerIp: { name: "token:ip", limit: 30, windowSeconds: 600, perAddress: true },
} satisfies Record<string, RateLimitPolicy>;

type Row = { count: number; retry_after: number };

const bucketKey = (policy: RateLimitPolicy, subject: string) =>
  `${policy.name}:${(policy.perAddress ? addressBucket(subject) : subject).toLowerCase()}`;

/** Counts one attempt; throws RateLimitedError once the window's limit is passed. */
export async function consumeRateLimit(policy: RateLimitPolicy, subject: string | null | undefined): Promise<void> {
  if (!subject) return;
  const key = bucketKey(policy, subject);
  const rows = await db.$queryRaw<Row[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${policy.windowSeconds})
                     THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${policy.windowSeconds})
                     THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count",
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${policy.windowSeconds}) - now()))))::int AS retry_after`;
  const row = rows[0];
  if (row && row.count > policy.limit) throw new RateLimitedError(row.retry_after);
}

/**
 * Gives back one attempt counted by consumeRateLimit, for limits that count
 * failures only: the attempt is counted up front (so a burst of parallel
 * guesses can't all slip past the check) and returned when it succeeded.
 */
export async function refundRateLimit(policy: RateLimitPolicy, subject: string | null | undefined): Promise<void> {
  if (!subject) return;
  await db.$executeRaw`
    UPDATE "RateLimitBucket" SET "count" = GREATEST(0, "count" - 1) WHERE "key" = ${bucketKey(policy, subject)}`;
}

/** Forgets the counts of these subjects, e.g. an account's logins once its password is set. */
export async function clearRateLimits(tx: Tx, policies: RateLimitPolicy[], subjects: (string | null | undefined)[]) {
  const keys = policies.flatMap((policy) => subjects.filter((s): s is string => !!s).map((s) => bucketKey(policy, s)));
  if (keys.length) await tx.rateLimitBucket.deleteMany({ where: { key: { in: keys } } });
}

// Every policy's window is at most this long (those above, and lockout.ts's one minute).
const LONGEST_WINDOW_SECONDS = Math.max(...Object.values(RATE_LIMITS).map((policy) => policy.windowSeconds));

/** Scheduled job: drops buckets whose window is over (they would restart at 1 anyway). */
export async function pruneRateLimitBuckets(now = new Date()) {
  const { count } = await db.rateLimitBucket.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - LONGEST_WINDOW_SECONDS * 1000) } },
  });
  return count;
}
