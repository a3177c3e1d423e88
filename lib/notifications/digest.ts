import "server-only";
import { db, Prisma, type Tx } from "../db/client.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import type { BatchedNotificationKind, LicenseChangeEvent, OrderEvent } from "./events.ts";
import { notificationSettingsUrl, portalUrl } from "./links.ts";
import { notificationRecipients, type NotificationRecipient } from "./recipients.ts";

// Turns pending NotificationEvent rows into email (decision 0017). Every
// minute (lib/jobs/registry.ts) it takes, per partner and kind, the events of
// a burst that is over — none newer than QUIET_MS, or the first older than
// MAX_WAIT_MS so a steady stream still mails every few minutes — and writes
// one email per recipient: the event itself when there was one, a digest when
// there were several. The claim (FOR UPDATE SKIP LOCKED), the emails and the
// deletion of the claimed rows are one transaction, so with several
// instances each event is mailed once, and a crash mails it later, not never.

const QUIET_MS = 60_000;
const MAX_WAIT_MS = 2 * 60_000;
/** Events per email at most; the rest go in the next one. */
const CLAIM_LIMIT = 20_000;
/** Items an email lists; the rest are counted. */
const LISTED = 20;

const KINDS: BatchedNotificationKind[] = ["license_changes", "new_orders"];

type Claimed = { id: string; payload: unknown };

export type SendPendingOptions = {
  now?: Date;
  /** Only this partner's events: lets tests run the job in a shared database. */
  partnerId?: string;
};

/** One pass of the job; returns how many emails it wrote to the outbox. */
export async function sendPendingNotifications({ now = new Date(), partnerId }: SendPendingOptions = {}): Promise<number> {
  const groups = await db.$queryRaw<{ partnerId: string; kind: BatchedNotificationKind }[]>`
    SELECT "partnerId", "kind" FROM "NotificationEvent"
    WHERE "createdAt" <= ${now} AND "kind" = ANY(${KINDS})
      ${partnerId ? Prisma.sql`AND "partnerId" = ${partnerId}::uuid` : Prisma.empty}
    GROUP BY "partnerId", "kind"
    HAVING max("createdAt") <= ${new Date(now.getTime() - QUIET_MS)} OR min("createdAt") <= ${new Date(now.getTime() - MAX_WAIT_MS)}`;
  let written = 0;
  for (const group of groups) {
    written += await db.$transaction((tx) => mailGroup(tx, group.partnerId, group.kind, now), { timeout: 120_000, maxWait: 10_000 });
  }
  if (written) wakeOutboxWorker();
  return written;
}

async function mailGroup(tx: Tx, partnerId: string, kind: BatchedNotificationKind, now: Date): Promise<number> {
  // Rows another instance holds are skipped: that instance mails them.
  const events = await tx.$queryRaw<Claimed[]>`
    SELECT "id", "payload" FROM "NotificationEvent"
    WHERE "partnerId" = ${partnerId}::uuid AND "kind" = ${kind} AND "createdAt" <= ${now}
    ORDER BY "createdAt", "id"
    LIMIT ${CLAIM_LIMIT}
    FOR UPDATE SKIP LOCKED`;
  if (events.length === 0) return 0;
  await tx.$executeRaw`DELETE FROM "NotificationEvent" WHERE "id" = ANY(${events.map((e) => e.id)}::uuid[])`;

  const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { name: true, status: true } });
  // A suspended partner's people can't sign in: their events are dropped, not saved up.
  if (!partner || partner.status !== "ACTIVE") return 0;
  const recipients = await notificationRecipients(tx, partnerId, kind);
  // One batch, one key: a retried transaction can't mail it twice.
  const dedupe = (recipient: NotificationRecipient) => `${kind}:${events[0].id}:${recipient.id}`;
  const settingsUrl = notificationSettingsUrl();

  if (kind === "license_changes") {
    const changes = events.map((e) => e.payload as LicenseChangeEvent);
    const customers = new Set(changes.map((c) => c.customerId));
    const props = {
      organizationName: partner.name,
      changes: changes.slice(0, LISTED).map(({ customerId: _, ...change }) => change),
      totals: {
        changes: changes.length,
        assigned: changes.reduce((sum, c) => sum + c.assigned.length, 0),
        revoked: changes.reduce((sum, c) => sum + c.revoked.length, 0),
        customers: customers.size,
      },
      linkUrl: portalUrl(customers.size === 1 ? `/customers/${changes[0].customerId}/users` : "/customers"),
      settingsUrl,
    };
    for (const recipient of recipients) {
      await enqueueEmail(tx, { template: "license-changes", to: recipient.email, dedupeKey: dedupe(recipient), props: { firstName: recipient.firstName, ...props } });
    }
  } else {
    const orders = events.map((e) => e.payload as OrderEvent);
    const customers = new Set(orders.map((o) => o.customerId));
    const props = {
      organizationName: partner.name,
      orders: orders.slice(0, LISTED).map(({ customerId: _, orderId: __, ...order }) => order),
      totals: {
        orders: orders.length,
        seats: orders.reduce((sum, o) => sum + o.lines.reduce((s, line) => s + line.seats, 0), 0),
        customers: customers.size,
      },
      linkUrl: portalUrl(customers.size === 1 ? `/customers/${orders[0].customerId}` : "/customers"),
      settingsUrl,
    };
    for (const recipient of recipients) {
      await enqueueEmail(tx, { template: "new-orders", to: recipient.email, dedupeKey: dedupe(recipient), props: { firstName: recipient.firstName, ...props } });
    }
  }
  return recipients.length;
}
