import "server-only";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { requirePermission } from "../auth/permissions.ts";
import { recordNewOrder } from "../notifications/events.ts";
import { SEATS_FIELD_PREFIX, type OrderInput } from "./schemas.ts";

/** The vendor catalog as offered on the order form. */
export async function listOrderableProducts() {
  return db.product.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, description: true, maxSeatsPerOrder: true },
  });
}

/** Checks an order without writing anything: what the review step shows. */
export async function reviewOrder(caller: PartnerCaller, input: OrderInput) {
  requirePermission(caller, "orders.create");
  const customer = await db.customer.findFirst({
    where: { id: input.customerId, partnerId: caller.partnerId },
    select: { id: true, number: true, name: true },
  });
  if (!customer) throw new NotFoundError("That customer doesn't exist.");
  const products = await db.product.findMany({
    where: { id: { in: input.lines.map((line) => line.productId) }, active: true },
    select: { id: true, code: true, name: true, maxSeatsPerOrder: true },
  });
  const fieldErrors: Record<string, string[]> = {};
  const lines = input.lines.map((line) => {
    const product = products.find((p) => p.id === line.productId);
    if (!product) fieldErrors[SEATS_FIELD_PREFIX + line.productId] = ["This product can't be ordered."];
    else if (line.seats > product.maxSeatsPerOrder) {
      fieldErrors[SEATS_FIELD_PREFIX + line.productId] = [`At most ${product.maxSeatsPerOrder.toLocaleString("en")} seats per order.`];
    }
    return { ...line, code: product?.code ?? "", name: product?.name ?? "" };
  });
  if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);
  return { customer, lines };
}

/** Places the order: one Order with its lines, and each subscription created or grown, in one transaction. */
export async function placeOrder(caller: PartnerCaller, input: OrderInput) {
  requirePermission(caller, "orders.create");
  const review = await reviewOrder(caller, input);
  return db.$transaction(async (tx) => {
    const order = await tx.order.create({
      data: {
        partnerId: caller.partnerId,
        customerId: review.customer.id,
        placedById: caller.userId,
        lines: { create: review.lines.map((line) => ({ productId: line.productId, seats: line.seats })) },
      },
      select: { id: true, number: true },
    });
    for (const line of review.lines) {
      // One statement, so two orders racing for a new subscription both count.
      await tx.$executeRaw`
        INSERT INTO "Subscription" ("id", "partnerId", "customerId", "productId", "purchased", "assigned", "createdAt", "updatedAt")
        VALUES (gen_random_uuid(), ${caller.partnerId}::uuid, ${review.customer.id}::uuid, ${line.productId}::uuid, ${line.seats}, 0, now(), now())
        ON CONFLICT ("customerId", "productId")
        DO UPDATE SET "purchased" = "Subscription"."purchased" + EXCLUDED."purchased", "updatedAt" = now()`;
    }
    await recordAudit(tx, caller, {
      action: "order.placed",
      target: { type: "order", id: order.id },
      changes: { customerId: review.customer.id, lines: review.lines.map(({ code, seats }) => ({ product: code, seats })) },
    });
    await recordNewOrder(tx, caller, { ...order, customer: review.customer, lines: review.lines });
    return { ...order, customer: review.customer, lines: review.lines };
  });
}

/** A customer's orders, newest first. */
export async function listCustomerOrders(caller: PartnerCaller, customerId: string) {
  requirePermission(caller, "customers.view");
  return db.order.findMany({
    where: { customerId, partnerId: caller.partnerId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      number: true,
      createdAt: true,
      lines: { select: { seats: true, product: { select: { code: true, name: true } } } },
    },
  });
}
