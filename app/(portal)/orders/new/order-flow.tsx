"use client";
import { useState, useTransition } from "react";
import Link from "next/link";
import { placeOrderAction, reviewOrderAction, type OrderReview } from "@/lib/orders/actions";
import { SEATS_FIELD_PREFIX } from "@/lib/orders/schemas";
import type { FormState } from "@/lib/actions/form-state";
import { DataTable } from "@/components/ui/table";
import { postToAction } from "@/components/form/post-values";

type Product = { id: string; code: string; name: string; description: string; maxSeatsPerOrder: number };

/** Seats per product → Review order → Place order. */
export function OrderFlow({ customer, products }: { customer: { id: string; name: string }; products: Product[] }) {
  const [seats, setSeats] = useState<Record<string, string>>({});
  const [review, setReview] = useState<OrderReview | null>(null);
  const [errors, setErrors] = useState<Extract<FormState<unknown>, { ok: false }> | null>(null);
  const [placed, setPlaced] = useState<{ message?: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const orderValues = () => ({
    customerId: customer.id,
    ...Object.fromEntries(Object.entries(seats).map(([productId, value]) => [SEATS_FIELD_PREFIX + productId, value])),
  });

  if (placed) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          {placed.message}
        </p>
        <div className="flex gap-3 text-sm">
          <Link href={`/customers/${customer.id}/users`} className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
            Assign licenses
          </Link>
          <Link href={`/customers/${customer.id}`} className="rounded-md border border-gray-300 px-4 py-2 font-medium hover:bg-gray-50">
            View customer
          </Link>
        </div>
      </div>
    );
  }

  if (review) {
    return (
      <section aria-labelledby="review-heading" className="rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="review-heading" className="text-lg font-semibold">
          Review order
        </h2>
        <p className="mt-1 text-sm text-gray-700">For {review.customer.name}. Placing the order adds these seats to the customer&apos;s subscriptions.</p>
        <DataTable caption="Order lines" headers={["Product", "Seats"]} className="mt-4">
          {review.lines.map((line) => (
            <tr key={line.productId}>
              <td className="px-4 py-2">
                {line.name} <span className="font-mono text-gray-600">{line.code}</span>
              </td>
              <td className="px-4 py-2">{line.seats}</td>
            </tr>
          ))}
        </DataTable>
        {errors?.formError && (
          <p role="alert" className="mt-4 text-sm text-red-700">
            {errors.formError}
          </p>
        )}
        <div className="mt-6 flex gap-3">
          <button
            type="button"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await postToAction(placeOrderAction, orderValues());
                if (result.ok) setPlaced({ message: result.message });
                else setErrors(result);
              })
            }
            className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
          >
            {pending ? "Placing order…" : "Place order"}
          </button>
          <button type="button" onClick={() => setReview(null)} className="rounded-md border border-gray-300 px-4 py-2 text-sm font-medium hover:bg-gray-50">
            Change order
          </button>
        </div>
      </section>
    );
  }

  return (
    <form
      aria-label="Order"
      noValidate
      className="space-y-4 rounded-lg border border-gray-200 bg-white p-6"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await postToAction(reviewOrderAction, orderValues());
          if (result.ok) {
            setErrors(null);
            setReview(result.data);
          } else setErrors(result);
        });
      }}
    >
      {errors?.formError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {errors.fieldErrors?._form?.[0] ?? errors.formError}
        </p>
      )}
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Products and seats</legend>
        {products.map((product) => {
          const name = SEATS_FIELD_PREFIX + product.id;
          const fieldErrors = errors?.fieldErrors?.[name];
          return (
            <div key={product.id} className="grid grid-cols-[1fr_8rem] items-start gap-4">
              <label htmlFor={`seats-${product.id}`} className="text-sm">
                <span className="font-medium">{product.name}</span> <span className="font-mono text-gray-600">{product.code}</span>
                <span className="block text-gray-600">
                  {product.description} Up to {product.maxSeatsPerOrder.toLocaleString("en")} seats per order.
                </span>
              </label>
              <div>
                <input
                  id={`seats-${product.id}`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={product.maxSeatsPerOrder}
                  step={1}
                  value={seats[product.id] ?? ""}
                  onChange={(event) => setSeats((current) => ({ ...current, [product.id]: event.target.value }))}
                  aria-invalid={fieldErrors ? true : undefined}
                  aria-describedby={fieldErrors ? `seats-${product.id}-error` : undefined}
                  className="block w-full rounded-md border border-gray-300 px-3 py-2 text-sm"
                />
                {fieldErrors && (
                  <p id={`seats-${product.id}-error`} className="mt-1 text-sm text-red-700">
                    {fieldErrors[0]}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </fieldset>
      <button type="submit" disabled={pending} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? "Checking…" : "Review order"}
      </button>
    </form>
  );
}
