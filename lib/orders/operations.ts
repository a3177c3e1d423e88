import "server-only";
import { z } from "zod";
import { operation } from "../operations/define.ts";
import { zodFieldErrors } from "../operations/errors.ts";
import { db } from "../db/client.ts";
import { ValidationError, type FieldErrors } from "../errors.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { requirePermission } from "../auth/permissions.ts";
import { formatOrderNumber } from "../customers/format.ts";
import { listOrderableProducts, placeOrder, reviewOrder } from "./orders.ts";
import { MAX_ORDER_LINES, OrderInput, SEATS_FIELD_PREFIX } from "./schemas.ts";

// Every operation on orders and the catalog (DESIGN §5, decision 0018): the
// order form and /api/v1 are adapters over these.

const NoInput = z.object({});

export const listProducts = operation({
  name: "products.list",
  summary: "The vendor's product catalog (what orders can contain).",
  input: NoInput,
  access: { partner: null },
  audit: null,
  http: { method: "GET", path: "/products" },
  output: z.object({
    data: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), description: z.string(), maxSeatsPerOrder: z.number().int() })),
  }),
  run: async () => ({ data: await listOrderableProducts() }),
});

/**
 * The order form posts one `seats:<productId>` field per product (OrderInput
 * in schemas.ts reads them); an operation's input is an object, so the form's
 * operations take the fields as they come and OrderInput parses them in `run`.
 */
const OrderFormInput = z.looseObject({ customerId: z.uuid({ error: "Choose a customer." }) });

function readOrderForm(input: z.output<typeof OrderFormInput>): OrderInput {
  const parsed = OrderInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
  return parsed.data;
}

export const reviewOrderOp = operation({
  name: "orders.review",
  summary: "Check an order without placing it: what the review step shows.",
  input: OrderFormInput,
  access: { partner: "orders.create" },
  audit: null,
  run: (caller, input) => reviewOrder(caller, readOrderForm(input)),
});

export const placeOrderOp = operation({
  name: "orders.place",
  summary: "Place an order from the order form: subscriptions are created or grown.",
  input: OrderFormInput,
  access: { partner: "orders.create" },
  audit: "order.placed",
  run: (caller, input) => placeOrder(caller, readOrderForm(input)),
});

export const CreateOrderInput = z.object({
  customerId: z.uuid({ error: "Unknown customer." }),
  items: z
    .array(
      z.object({
        productCode: z.string().trim().min(1, "Enter a product code.").max(64, "Use a product code from GET /products."),
        seats: z.number({ error: "Enter a whole number of seats, 1 or more." }).int("Enter a whole number of seats, 1 or more.").min(1, "Enter a whole number of seats, 1 or more.").max(9_999_999, "Enter a whole number of seats, 1 or more."),
      }),
    )
    .min(1, "List at least one product.")
    .max(MAX_ORDER_LINES, `An order can list at most ${MAX_ORDER_LINES.toLocaleString("en")} products.`),
});

/**
 * An order by product code (the API): codes become the catalog's products
 * (unknown or listed twice → a field error at the item), then placeOrder runs
 * as for the form; its per-product errors come back at their item.
 */
async function placeOrderByCode(caller: PartnerCaller, input: z.output<typeof CreateOrderInput>) {
  requirePermission(caller, "orders.create");
  const products = await db.product.findMany({
    where: { code: { in: input.items.map((item) => item.productCode), mode: "insensitive" }, active: true },
    select: { id: true, code: true },
  });
  const byCode = new Map(products.map((p) => [p.code.toLowerCase(), p.id]));
  const fieldErrors: FieldErrors = {};
  const itemOf = new Map<string, number>();
  const lines: { productId: string; seats: number }[] = [];
  input.items.forEach((item, i) => {
    const id = byCode.get(item.productCode.toLowerCase());
    if (!id) fieldErrors[`items.${i}.productCode`] = ["This product can't be ordered."];
    else if (itemOf.has(id)) fieldErrors[`items.${i}.productCode`] = ["List each product once."];
    else {
      itemOf.set(id, i);
      lines.push({ productId: id, seats: item.seats });
    }
  });
  if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);
  try {
    return await placeOrder(caller, { customerId: input.customerId, lines });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const mapped: FieldErrors = {};
    for (const [key, messages] of Object.entries(error.fieldErrors)) {
      const i = key.startsWith(SEATS_FIELD_PREFIX) ? itemOf.get(key.slice(SEATS_FIELD_PREFIX.length)) : undefined;
      mapped[i === undefined ? key : `items.${i}.seats`] = messages;
    }
    throw new ValidationError(mapped, error.message);
  }
}

export const createOrderOp = operation({
  name: "orders.create",
  summary: "Place an order for a customer by product code and seats; subscriptions are created or grown.",
  input: CreateOrderInput,
  access: { partner: "orders.create" },
  audit: "order.placed",
  http: { method: "POST", path: "/customers/{id}/orders", status: 201, params: { id: "customerId" } },
  output: z.object({
    id: z.uuid(),
    orderNumber: z.string(),
    customerId: z.uuid(),
    items: z.array(z.object({ productCode: z.string(), productName: z.string(), seats: z.number().int() })),
  }),
  run: async (caller, input) => {
    const order = await placeOrderByCode(caller, input);
    return {
      id: order.id,
      orderNumber: formatOrderNumber(order.number),
      customerId: order.customer.id,
      items: order.lines.map((line) => ({ productCode: line.code, productName: line.name, seats: line.seats })),
    };
  },
});

export const ORDER_OPERATIONS = [listProducts, reviewOrderOp, placeOrderOp, createOrderOp];
