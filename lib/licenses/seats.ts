import "server-only";
import type { Tx } from "../db/client.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { env } from "../env.ts";
import { notificationRecipients } from "../notifications/recipients.ts";

// Seats (DESIGN §5): assigned never exceeds purchased, also when many
// requests race. The guard is the UPDATE's own WHERE: Postgres re-checks it
// after waiting for the row lock, so of 200 concurrent takers of 50 free
// seats exactly 50 see a row updated. The CHECK (assigned <= purchased) in
// the migration is the backstop should any code path forget the guard.

export type SeatResult = "assigned" | "already_held" | "no_seat";

/**
 * Options of every transaction that takes or frees seats: a burst of
 * assignments (200 at once for 50 seats) queues for a pooled connection
 * instead of failing after Prisma's default 2 seconds.
 */
export const SEAT_TRANSACTION = { maxWait: 15_000 } as const;

/** Gives `userId` a seat of the subscription inside the caller's transaction. */
export async function takeSeat(tx: Tx, partnerId: string, subscriptionId: string, userId: string): Promise<SeatResult> {
  const inserted = await tx.licenseAssignment.createMany({ data: [{ subscriptionId, userId }], skipDuplicates: true });
  if (inserted.count === 0) return "already_held";
  const rows = await tx.$queryRaw<{ assigned: number; purchased: number }[]>`
    UPDATE "Subscription" SET "assigned" = "assigned" + 1, "updatedAt" = now()
    WHERE "id" = ${subscriptionId}::uuid AND "partnerId" = ${partnerId}::uuid AND "assigned" + 1 <= "purchased"
    RETURNING "assigned", "purchased"`;
  if (rows.length === 0) {
    await tx.licenseAssignment.deleteMany({ where: { subscriptionId, userId } });
    return "no_seat";
  }
  await notifySeatThresholds(tx, partnerId, subscriptionId, rows[0].assigned - 1, rows[0].assigned, rows[0].purchased);
  return "assigned";
}

/** Frees the user's seat of the subscription; false when they didn't hold one. */
export async function releaseSeat(tx: Tx, partnerId: string, subscriptionId: string, userId: string): Promise<boolean> {
  const removed = await tx.licenseAssignment.deleteMany({ where: { subscriptionId, userId, subscription: { partnerId } } });
  if (removed.count === 0) return false;
  await tx.$executeRaw`
    UPDATE "Subscription" SET "assigned" = "assigned" - ${removed.count}, "updatedAt" = now()
    WHERE "id" = ${subscriptionId}::uuid AND "partnerId" = ${partnerId}::uuid`;
  return true;
}

/**
 * Takes `count` seats at once (bulk import): one guarded UPDATE per
 * subscription for the whole batch. False when not enough seats are free.
 */
export async function takeSeats(tx: Tx, partnerId: string, subscriptionId: string, count: number): Promise<boolean> {
  if (count === 0) return true;
  const rows = await tx.$queryRaw<{ assigned: number; purchased: number }[]>`
    UPDATE "Subscription" SET "assigned" = "assigned" + ${count}, "updatedAt" = now()
    WHERE "id" = ${subscriptionId}::uuid AND "partnerId" = ${partnerId}::uuid AND "assigned" + ${count} <= "purchased"
    RETURNING "assigned", "purchased"`;
  if (rows.length === 0) return false;
  await notifySeatThresholds(tx, partnerId, subscriptionId, rows[0].assigned - count, rows[0].assigned, rows[0].purchased);
  return true;
}

const ALMOST_FULL = 0.9;

/** Seats assigned from which a subscription counts as almost full (90%): the alert and the weekly summary. */
export function almostFullLine(purchased: number): number {
  return Math.ceil(purchased * ALMOST_FULL);
}

/**
 * One email per recipient when an assignment crosses 90% or 100%. The
 * dedupe key names the subscription and its size, so one crossing sends one
 * email even if seats are freed and taken again around the line; an order
 * that grows the subscription makes a new crossing possible.
 */
async function notifySeatThresholds(
  tx: Tx,
  partnerId: string,
  subscriptionId: string,
  before: number,
  after: number,
  purchased: number,
) {
  const line = almostFullLine(purchased);
  const crossings: { kind: "subscription_almost_full" | "subscription_full"; full: boolean }[] = [];
  if (before < purchased && after >= purchased) crossings.push({ kind: "subscription_full", full: true });
  else if (before < line && after >= line) crossings.push({ kind: "subscription_almost_full", full: false });
  if (crossings.length === 0) return;

  const subscription = await tx.subscription.findFirst({
    where: { id: subscriptionId, partnerId },
    select: { customer: { select: { id: true, name: true } }, product: { select: { name: true } } },
  });
  if (!subscription) return;
  const usersUrl = new URL(`/customers/${subscription.customer.id}/users`, env().APP_URL).toString();
  for (const { kind, full } of crossings) {
    for (const recipient of await notificationRecipients(tx, partnerId, kind)) {
      await enqueueEmail(tx, {
        template: "subscription-threshold",
        to: recipient.email,
        dedupeKey: `${kind}:${subscriptionId}:${purchased}:${recipient.id}`,
        props: {
          firstName: recipient.firstName,
          customerName: subscription.customer.name,
          productName: subscription.product.name,
          assigned: after,
          purchased,
          full,
          usersUrl,
        },
      });
    }
  }
}
