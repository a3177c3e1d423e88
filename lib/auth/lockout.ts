import "server-only";
import type { Tx } from "../db/client.ts";
import { RateLimitedError } from "../errors.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { env } from "../env.ts";
import { clearRateLimits, consumeRateLimit, RATE_LIMITS, type RateLimitPolicy } from "../security/rate-limit.ts";

// The per-account protection (DESIGN §10, decision 0012): only failures count
// — a wrong password at sign-in or when changing your own password. 5 in a
// row lock the account for 1 minute, every further failure doubles the lock,
// up to an hour, and the owner is emailed. A password reset link still works
// while locked and lifts the lock (as do activation and a password change),
// so an attacker can't lock someone out for good; a successful sign-in
// resets the count.

const LOCK_AFTER_FAILURES = 5;
const MAX_LOCK_MINUTES = 60;
// Failed sign-ins for a login that matches no account: the same wait as a real lock.
const UNKNOWN_ACCOUNT_LIMIT: RateLimitPolicy = { name: "sign-in:unknown", limit: LOCK_AFTER_FAILURES - 1, windowSeconds: 60 };

export function lockMinutes(failures: number): number {
  if (failures < LOCK_AFTER_FAILURES) return 0;
  return Math.min(MAX_LOCK_MINUTES, 2 ** (failures - LOCK_AFTER_FAILURES));
}

/** A locked account: shown like a rate limit, with the wait and the way out. */
export class AccountLockedError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds);
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    this.message =
      `Too many failed sign-ins: this account is locked for ${minutes} more minute${minutes === 1 ? "" : "s"}. ` +
      "Try again then, or reset your password with Forgot password.";
  }
}

export function assertNotLocked(user: { lockedUntil: Date | null }, now = new Date()) {
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AccountLockedError(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000));
  }
}

/**
 * Counts one wrong password. Locks the account once the threshold is reached
 * and tells its owner by email (a security notice: always sent). Returns the
 * lock, if any, for the caller to report.
 */
export async function recordFailedSignIn(tx: Tx, userId: string, now = new Date()) {
  const user = await tx.user.update({
    where: { id: userId },
    data: { failedSignIns: { increment: 1 } },
    select: { failedSignIns: true, firstName: true, email: true },
  });
  const minutes = lockMinutes(user.failedSignIns);
  if (minutes === 0) return null;
  const lockedUntil = new Date(now.getTime() + minutes * 60_000);
  await tx.user.update({ where: { id: userId }, data: { lockedUntil } });
  await enqueueEmail(tx, {
    template: "account-locked",
    to: user.email,
    // One notice per lock, however often the form is retried.
    dedupeKey: `account-locked:${userId}:${user.failedSignIns}`,
    props: { firstName: user.firstName, minutes, resetUrl: new URL("/forgot-password", env().APP_URL).toString() },
  });
  return { lockedUntil, minutes };
}

/**
 * The account's password was just set by its owner (reset link, activation,
 * change): the lock and every failure count against it are gone, including
 * the counters keyed by what was typed as its login.
 */
export async function unlockAccount(tx: Tx, userId: string) {
  const user = await tx.user.update({
    where: { id: userId },
    data: { failedSignIns: 0, lockedUntil: null },
    select: { emailNormalized: true, username: true },
  });
  await clearRateLimits(tx, [UNKNOWN_ACCOUNT_LIMIT, RATE_LIMITS.forgotPasswordPerAccount], [user.emailNormalized, user.username]);
}

/**
 * Unknown accounts get the same lock message after the same number of
 * failures, so the lock never tells whether an account exists.
 */
export async function countUnknownAccountFailure(identifier: string) {
  try {
    await consumeRateLimit(UNKNOWN_ACCOUNT_LIMIT, identifier);
  } catch (error) {
    if (error instanceof RateLimitedError) throw new AccountLockedError(error.retryAfterSeconds);
    throw error;
  }
}
