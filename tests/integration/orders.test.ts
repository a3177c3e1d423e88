import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listCustomerOrders, placeOrder, reviewOrder } from "@/lib/orders/orders";
import { OrderInput } from "@/lib/orders/schemas";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createPartner } from "../support/factories";
import { createCustomer, createProduct } from "../support/customer-factories";

const order = (customerId: string, seats: Record<string, string>) =>
  OrderInput.parse({ customerId, ...Object.fromEntries(Object.entries(seats).map(([id, n]) => [`seats:${id}`, n])) });

describe("placing an order", () => {
  it("creates the subscription, then grows it, and lists the orders", async () => {
    const { partner, caller } = await createPartner();
    const customer = await createCustomer(partner.id);
    const product = await createProduct();
    const first = await placeOrder(caller, order(customer.id, { [product.id]: "10" }));
    await placeOrder(caller, order(customer.id, { [product.id]: "5" }));

    const subscription = await db.subscription.findUniqueOrThrow({ where: { customerId_productId: { customerId: customer.id, productId: product.id } } });
    expect(subscription).toMatchObject({ partnerId: partner.id, purchased: 15, assigned: 0 });
    const orders = await listCustomerOrders(caller, customer.id);
    expect(orders.map((o) => o.lines[0].seats)).toEqual([5, 10]);
    expect(orders[1].number).toBe(first.number);
    expect(await db.auditEvent.count({ where: { action: "order.placed", partnerId: partner.id } })).toBe(2);
  });

  it("refuses bad seat counts next to each product, and counts over the product's limit", async () => {
    const { partner, caller } = await createPartner();
    const customer = await createCustomer(partner.id);
    const product = await createProduct({ maxSeatsPerOrder: 100 });
    const parsed = OrderInput.safeParse({ customerId: customer.id, [`seats:${product.id}`]: "-3" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: [`seats:${product.id}`] });
    expect(OrderInput.safeParse({ customerId: customer.id, [`seats:${product.id}`]: "2.5" }).success).toBe(false);
    expect(OrderInput.safeParse({ customerId: customer.id }).error!.issues[0].message).toMatch(/at least one product/);

    const error = await reviewOrder(caller, order(customer.id, { [product.id]: "101" })).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual({ [`seats:${product.id}`]: ["At most 100 seats per order."] });
    expect(await db.order.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("answers not found for another partner's customer and writes nothing", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const customer = await createCustomer(a.partner.id);
    const product = await createProduct();
    await expect(placeOrder(b.caller, order(customer.id, { [product.id]: "3" }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await listCustomerOrders(b.caller, customer.id)).toEqual([]);
    expect(await db.subscription.count({ where: { customerId: customer.id } })).toBe(0);
  });
});
