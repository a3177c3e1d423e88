import "server-only";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { ValidationError } from "../errors.ts";
import type { Caller } from "./caller.ts";
import { AccountLockedError, assertNotLocked, recordFailedSignIn, unlockAccount } from "./lockout.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./password.ts";
import { endSessions } from "./sessions.ts";

export const WRONG_CURRENT_PASSWORD = "That isn't your current password.";
export const SAME_AS_CURRENT_PASSWORD = "Choose a password different from your current one.";

/**
 * Proves the signed-in user knows their current password before a change a
 * stolen session must not make (a new password, a new sign-in email). A wrong
 * one is a field error on `field` and counts as a failed sign-in towards the
 * lockout, so a session can't be used to guess it. Returns what was verified.
 */
export async function verifyCurrentPassword(caller: Caller, currentPassword: string, field = "currentPassword") {
  const user = await db.user.findFirst({
    where: { id: caller.userId, deletedAt: null },
    select: { passwordHash: true, lockedUntil: true, email: true, firstName: true, lastName: true, partnerId: true },
  });
  if (!user) throw ValidationError.field(field, WRONG_CURRENT_PASSWORD);
  assertNotLocked(user);

  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    const lock = await db.$transaction(async (tx) => {
      const locked = await recordFailedSignIn(tx, caller.userId);
      await recordAudit(tx, caller, {
        action: locked ? "auth.account_locked" : "auth.password_change_failed",
        target: { type: "user", id: caller.userId },
        changes: { reason: "wrong_current_password", ...(locked ? { lockedMinutes: locked.minutes } : {}) },
      });
      return locked;
    });
    if (lock) {
      wakeOutboxWorker();
      throw new AccountLockedError(lock.minutes * 60);
    }
    throw ValidationError.field(field, WRONG_CURRENT_PASSWORD);
  }
  return user;
}

/**
 * The signed-in user (partner user, customer user or staff) replaces their
 * password (DESIGN §10): only with the current one — for a temporary password,
 * the temporary password typed again — so a stolen session can't lock the
 * owner out. A wrong current password counts as a failed sign-in towards the
 * lockout (lib/auth/lockout.ts), so a session can't be used to guess it.
 * Stored with argon2id; every other session ends (endSessions) while this one
 * is kept, so the user stays signed in.
 */
export async function changeOwnPassword(caller: Caller, input: { currentPassword: string; password: string }) {
  const user = await verifyCurrentPassword(caller, input.currentPassword);

  const problem =
    input.password === input.currentPassword
      ? SAME_AS_CURRENT_PASSWORD
      : passwordProblem(input.password, { email: user.email, firstName: user.firstName, lastName: user.lastName });
  if (problem) throw ValidationError.field("password", problem);
  const passwordHash = await hashPassword(input.password);

  await db.$transaction(async (tx) => {
    // Only if the password is still the one just verified (two changes at once: one wins).
    const { count } = await tx.user.updateMany({
      where: { id: caller.userId, deletedAt: null, passwordHash: user.passwordHash },
      data: { passwordHash, mustChangePassword: false },
    });
    if (count !== 1) throw ValidationError.field("currentPassword", WRONG_CURRENT_PASSWORD);
    await unlockAccount(tx, caller.userId);
    await endSessions(tx, caller.userId, "password_changed", { keep: caller.sessionId });
    await recordAudit(tx, caller, { action: "auth.password_changed", target: { type: "user", id: caller.userId } });
  });
}
