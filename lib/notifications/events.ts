import "server-only";
import type { Tx } from "../db/client.ts";
import type { LicenseChangeItem } from "../../emails/license-changes.tsx";
import type { OrderItem } from "../../emails/new-orders.tsx";
import { formatCustomerNumber, formatOrderNumber } from "../customers/format.ts";

// Notification events (decision 0017): each change that someone may want to
// hear about writes a row of NotificationEvent in its own transaction, so the
// email exists exactly when the change does. lib/notifications/digest.ts
// turns them into email once the burst is over. One multi-row INSERT per call
// whatever the number of events: a 10,000-row import stays one statement.

/** Who made the change, as the email names them. */
export type NotificationActor = { partnerId: string; firstName: string; lastName: string };

export type LicenseChangeEvent = LicenseChangeItem & { customerId: string };
export type OrderEvent = OrderItem & { customerId: string; orderId: string };

export type BatchedNotificationKind = "license_changes" | "new_orders";

async function recordEvents(tx: Tx, partnerId: string, kind: BatchedNotificationKind, payloads: object[]) {
  if (payloads.length === 0) return;
  // The time comes from the app, like every other timestamp column, so it compares with the job's clock.
  await tx.$executeRaw`
    INSERT INTO "NotificationEvent" ("id", "partnerId", "kind", "payload", "createdAt")
    SELECT gen_random_uuid(), ${partnerId}::uuid, ${kind}, e.value, ${new Date()}
    FROM jsonb_array_elements(${JSON.stringify(payloads)}::jsonb) AS e`;
}

const actorName = (actor: NotificationActor) => `${actor.firstName} ${actor.lastName}`.trim();

/** Licenses assigned to or revoked from customer users; changes with nothing assigned or revoked are left out. */
export async function recordLicenseChanges(
  tx: Tx,
  actor: NotificationActor,
  changes: { customerId: string; customerName: string; userName: string; assigned: string[]; revoked: string[]; via?: string }[],
) {
  const events: LicenseChangeEvent[] = changes
    .filter((change) => change.assigned.length + change.revoked.length > 0)
    .map((change) => ({ actorName: actorName(actor), ...change }));
  await recordEvents(tx, actor.partnerId, "license_changes", events);
}

/** The licenses a CSV import assigned, by product code as the file names them. */
export async function recordImportedLicenses(
  tx: Tx,
  actor: NotificationActor,
  customerId: string,
  rows: { firstName: string; lastName: string; productCodes: string[] }[],
) {
  const withLicenses = rows.filter((row) => row.productCodes.length > 0);
  if (withLicenses.length === 0) return;
  const customer = await tx.customer.findFirst({
    where: { id: customerId, partnerId: actor.partnerId },
    select: { name: true, subscriptions: { select: { product: { select: { code: true, name: true } } } } },
  });
  if (!customer) return;
  const names = new Map(customer.subscriptions.map(({ product }) => [product.code.toLowerCase(), product.name]));
  await recordLicenseChanges(
    tx,
    actor,
    withLicenses.map((row) => ({
      customerId,
      customerName: customer.name,
      userName: `${row.firstName} ${row.lastName}`,
      assigned: row.productCodes.map((code) => names.get(code.toLowerCase()) ?? code),
      revoked: [],
      via: "CSV import",
    })),
  );
}

/** An order placed for a customer. */
export async function recordNewOrder(
  tx: Tx,
  actor: NotificationActor,
  order: { id: string; number: number; customer: { id: string; number: number; name: string }; lines: { name: string; seats: number }[] },
) {
  const event: OrderEvent = {
    orderId: order.id,
    orderNumber: formatOrderNumber(order.number),
    customerId: order.customer.id,
    customerName: order.customer.name,
    customerNumber: formatCustomerNumber(order.customer.number),
    actorName: actorName(actor),
    lines: order.lines.map((line) => ({ product: line.name, seats: line.seats })),
  };
  await recordEvents(tx, actor.partnerId, "new_orders", [event]);
}
