import { z } from "zod";

export const SEATS_FIELD_PREFIX = "seats:";
/** More products than the catalog offers: a longer order is a hand-made request, refused before any query. */
export const MAX_ORDER_LINES = 1_000;

/**
 * The order form has one seat-count field per product, named
 * `seats:<productId>`; blank means "not ordered". Field errors come back
 * under the same names, next to each product.
 */
export const OrderInput = z
  .looseObject({ customerId: z.uuid({ error: "Choose a customer." }) })
  .transform((raw, context) => {
    const lines: { productId: string; seats: number }[] = [];
    const fields = Object.entries(raw).filter(([key, value]) => key.startsWith(SEATS_FIELD_PREFIX) && typeof value === "string" && value.trim() !== "");
    if (fields.length > MAX_ORDER_LINES) {
      context.addIssue({ code: "custom", path: ["_form"], message: `An order can list at most ${MAX_ORDER_LINES.toLocaleString("en")} products.` });
      return z.NEVER;
    }
    for (const [key, value] of fields) {
      if (typeof value !== "string") continue;
      const productId = key.slice(SEATS_FIELD_PREFIX.length);
      const text = value.trim();
      if (text === "" || text === "0") continue;
      if (!z.uuid().safeParse(productId).success) {
        context.addIssue({ code: "custom", path: [key], message: "Unknown product." });
      } else if (!/^\d{1,7}$/.test(text) || Number(text) < 1) {
        context.addIssue({ code: "custom", path: [key], message: "Enter a whole number of seats, 1 or more." });
      } else {
        lines.push({ productId, seats: Number(text) });
      }
    }
    if (lines.length === 0 && context.issues.length === 0) {
      context.addIssue({ code: "custom", path: ["_form"], message: "Enter a seat count for at least one product." });
    }
    return { customerId: raw.customerId, lines };
  });
export type OrderInput = z.output<typeof OrderInput>;
