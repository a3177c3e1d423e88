"use server";
import { revalidatePath } from "next/cache";
import { ok } from "../actions/form-state.ts";
import { partnerAction } from "../actions/form-action.ts";
import { formatOrderNumber } from "../customers/format.ts";
import { placeOrder, reviewOrder } from "./orders.ts";
import { OrderInput } from "./schemas.ts";

export type OrderReview = Awaited<ReturnType<typeof reviewOrder>>;

export const reviewOrderAction = partnerAction(OrderInput, "orders.create", async (input, caller) => {
  return ok<OrderReview>(await reviewOrder(caller, input));
});

export const placeOrderAction = partnerAction(OrderInput, "orders.create", async (input, caller) => {
  const order = await placeOrder(caller, input);
  revalidatePath(`/customers/${order.customer.id}`);
  return ok(
    { id: order.id, number: formatOrderNumber(order.number), customerId: order.customer.id },
    `Order ${formatOrderNumber(order.number)} placed for ${order.customer.name}.`,
  );
});
