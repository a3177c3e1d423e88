import "server-only";
import { db } from "../db/client.ts";
import { RateLimitedError } from "../errors.ts";

// Fixed-window counters in Postgres, so every app instance shares them
// (DESIGN §10, §11). One upsert per check; the window restarts once it ends.

export type RateLimitPolicy = { name: string; limit: number; windowSeconds: number };

export const RATE_LIMITS = {
  signInPerIp: { name: "sign-in:ip", limit: 30, windowSeconds: 600 },
  signInPerAccount: { name: "sign-in:account", limit: 10, windowSeconds: 900 },
  forgotPasswordPerIp: { name: "forgot:ip", limit: 10, windowSeconds: 3600 },
  forgotPasswordPerAccount: { name: "forgot:account", limit: 3, windowSeconds: 3600 },
  resendInvitePerUser: { name: "resend:user", limit: 5, windowSeconds: 3600 },
  tokenPagePerIp: { name: "token:ip", limit: 30, windowSeconds: 600 },
} satisfies Record<string, RateLimitPolicy>;

type Row = { count: number; retry_after: number };

/** Counts one attempt; throws RateLimitedError once the window's limit is passed. */
export async function consumeRateLimit(policy: RateLimitPolicy, subject: string | null | undefined): Promise<void> {
  if (!subject) return;
  const key = `${policy.name}:${subject.toLowerCase()}`;
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
