import "server-only";
import { db, type Prisma, type Tx } from "../db/client.ts";
import { recordAuditMany } from "../audit/record.ts";
import { endSessions } from "../auth/sessions.ts";
import { NotFoundError } from "../errors.ts";
import { sendAccountRestoredEmail } from "./restored-notice.ts";
import { expireOpenLinks } from "../auth/user-tokens.ts";

// Delete, restore and purge of an account (DESIGN §4), the same for team
// members (lib/team/manage.ts) and customer users (lib/customers/customer-users.ts):
// a delete is soft — the account leaves every list, is signed out everywhere
// at once, its outstanding links die and its email is free (the unique index
// covers non-deleted accounts only) — a restore within RESTORE_WINDOW_DAYS
// brings it back, and after that the purge job removes it with an audit event.
// What differs by kind (who may, reports, licenses) stays with the callers.

const RESTORE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export type DeletableKind = "PARTNER" | "CUSTOMER";

/** The audit action of a purge, by kind of account. */
const PURGE_ACTIONS: Record<DeletableKind, string> = { PARTNER: "user.purged", CUSTOMER: "customer_user.purged" };

/** `deletedAt` of an account deleted and still restorable at `now`. */
export function restorableDeletedAt(now = new Date()) {
  return { not: null, gt: new Date(now.getTime() - RESTORE_WINDOW_DAYS * DAY_MS) } satisfies Prisma.DateTimeNullableFilter;
}

/**
 * An account read with `restorableDeletedAt`, its deletion time now part of its type (Prisma doesn't narrow
 * `deletedAt` from the filter). One without a deletion time would be a bug in that query, so it throws.
 */
export function asDeleted<T extends { id: string; deletedAt: Date | null }>(account: T): T & { deletedAt: Date } {
  const { deletedAt } = account;
  if (!deletedAt) throw new Error(`Account ${account.id} was read as deleted but has no deletion time.`);
  return { ...account, deletedAt };
}

/** Whole days left to restore an account deleted at `deletedAt` (0 on its last day's end). */
export function restoreDaysLeft(deletedAt: Date, now = new Date()) {
  return Math.max(0, Math.ceil((deletedAt.getTime() + RESTORE_WINDOW_DAYS * DAY_MS - now.getTime()) / DAY_MS));
}

/**
 * Soft-deletes one account in the caller's transaction: marks it deleted by
 * `deletedById`, ends every session, and expires its unused links (a restore
 * issues new ones if needed). `data` adds what the kind keeps for a restore
 * (a customer user's licenses).
 */
export async function softDeleteAccount(tx: Tx, userId: string, deletedById: string | null, data: Prisma.UserUpdateInput = {}) {
  const now = new Date();
  await tx.user.update({ where: { id: userId }, data: { ...data, deletedAt: now, deletedById } });
  await endSessions(tx, userId, "deleted");
  await expireOpenLinks(tx, userId, undefined, now);
  return now;
}

/**
 * Brings a deleted account of `partnerId` back, in the caller's transaction,
 * if it is still restorable; `NotFoundError` otherwise (restored or purged
 * meanwhile). An account that can sign in again is told by email. A unique
 * violation (its email was taken meanwhile) propagates for the caller to word.
 */
export async function restoreAccount(
  tx: Tx,
  user: { id: string; firstName: string; email: string; status: string; deletedAt: Date },
  partnerId: string,
  organizationName: string,
  { data = {}, now = new Date() }: { data?: Prisma.UserUncheckedUpdateManyInput; now?: Date } = {},
) {
  const { count } = await tx.user.updateMany({
    where: { id: user.id, partnerId, deletedAt: restorableDeletedAt(now) },
    data: { ...data, deletedAt: null, deletedById: null, licensesAtDeletion: [] },
  });
  if (count !== 1) throw new NotFoundError("That deleted user doesn't exist or can no longer be restored.");
  if (user.status === "ACTIVE") await sendAccountRestoredEmail(tx, { ...user, deletedAt: user.deletedAt }, organizationName);
}

const PURGE_BATCH = 500;
const SYSTEM = { userId: null, partnerId: null, userAgent: "scheduled job" };

/**
 * Removes accounts of `kind` deleted more than RESTORE_WINDOW_DAYS ago, a
 * batch per transaction, each with a purge audit event (the events about the
 * account stay: they hold ids, not rows). Safe to run twice at once: only
 * rows this run deletes are counted and audited.
 */
export async function purgeDeletedAccounts(kind: DeletableKind, now = new Date()) {
  const cutoff = new Date(now.getTime() - RESTORE_WINDOW_DAYS * DAY_MS);
  let purged = 0;
  for (;;) {
    const batch = await db.user.findMany({ where: { kind, deletedAt: { lt: cutoff } }, select: { id: true }, take: PURGE_BATCH });
    if (batch.length === 0) return purged;
    const ids = batch.map((user) => user.id);
    const deleted = await db.$transaction(async (tx) => {
      // Someone deleted long ago may still be named as a deleted report's manager.
      await tx.user.updateMany({ where: { managerId: { in: ids } }, data: { managerId: null } });
      const rows = await tx.$queryRaw<{ id: string; partnerId: string | null }[]>`
        DELETE FROM "User" WHERE "id" = ANY(${ids}::uuid[]) AND "kind" = ${kind}::"UserKind" AND "deletedAt" < ${cutoff}
        RETURNING "id", "partnerId"`;
      await recordAuditMany(
        tx,
        SYSTEM,
        rows.map((row) => ({ action: PURGE_ACTIONS[kind], partnerId: row.partnerId, target: { type: "user", id: row.id } })),
      );
      return rows.length;
    });
    // A row of the batch not deleted was restored meanwhile: the next query won't return it again.
    purged += deleted;
  }
}
