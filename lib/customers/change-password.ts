import "server-only";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { ValidationError } from "../errors.ts";
import type { Caller } from "../auth/caller.ts";
import { hashPassword, passwordProblem } from "../auth/password.ts";

/**
 * The signed-in user replaces their password (a temporary one, DESIGN §4).
 * Stored with argon2id; every other session ends (sessionVersion bump) while
 * this one is carried over to the new version, so the user stays signed in.
 */
export async function changeOwnPassword(caller: Caller, password: string) {
  const problem = passwordProblem(password, { email: caller.email, firstName: caller.firstName, lastName: caller.lastName });
  if (problem) throw ValidationError.field("password", problem);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: caller.userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 }, failedSignIns: 0, lockedUntil: null },
      select: { sessionVersion: true },
    });
    await tx.session.updateMany({ where: { id: caller.sessionId, userId: caller.userId }, data: { sessionVersion: user.sessionVersion } });
    await recordAudit(tx, caller, { action: "auth.password_changed", target: { type: "user", id: caller.userId } });
  });
}
