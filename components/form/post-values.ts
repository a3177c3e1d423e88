"use client";
import { startTransition, useActionState } from "react";
import type { FormAction, FormState } from "@/lib/actions/form-state";

// The other half of the one form pattern (decision 0028). A form whose fields
// are inputs is an ActionForm. A flow whose values live in React state — a
// wizard's steps, rows ticked across a table, a file kept between a dry run
// and the import — posts them to the very same server action through these
// two, so the action, its parsing and its one result shape stay the same;
// nothing else builds a FormData by hand.

/** A field's value: one string or file, several (a checkbox group), or nothing (left out). */
export type PostedValue = string | File | null | undefined | readonly (string | File)[];

function toFormData(values: Record<string, PostedValue>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value == null) continue;
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item as string | File);
  }
  return data;
}

/** Posts `values` to `action` and resolves with its result; call it inside startTransition. */
export function postToAction<T>(action: FormAction<T>, values: Record<string, PostedValue>): Promise<FormState<T>> {
  return action(null, toFormData(values));
}

/**
 * useActionState for values held in state: `[state, post, pending]`, where
 * `post(values)` sends them and the latest result becomes `state`.
 */
export function useActionPost<T>(action: FormAction<T>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const post = (values: Record<string, PostedValue>) => startTransition(() => dispatch(toFormData(values)));
  return [state, post, pending] as const;
}
