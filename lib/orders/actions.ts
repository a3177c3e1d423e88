"use server";
import { formAction } from "../operations/form.ts";
import { formatOrderNumber } from "../customers/format.ts";
import type { reviewOrder } from "./orders.ts";
import { placeOrderOp, reviewOrderOp } from "./operations.ts";

// The order form's server actions: thin adapters over lib/orders/operations.ts (decision 0018).

export type OrderReview = Awaited<ReturnType<typeof reviewOrder>>;

export const reviewOrderAction = formAction(reviewOrderOp, { data: (review): OrderReview => review });

export const placeOrderAction = formAction(placeOrderOp, {
  revalidate: (order) => `/customers/${order.customer.id}`,
  data: (order) => ({ id: order.id, number: formatOrderNumber(order.number), customerId: order.customer.id }),
  message: (order) => `Order ${formatOrderNumber(order.number)} placed for ${order.customer.name}.`,
});
