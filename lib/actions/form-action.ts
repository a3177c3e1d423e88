import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, ValidationError } from "../errors.ts";
import { requirePartnerPermission, type PartnerCaller } from "../auth/caller.ts";
import type { Permission } from "../auth/permissions.ts";
import type { FieldErrors, FormAction, FormState } from "./form-state.ts";

// Fields never echoed back to the browser, even on error (STYLE §3).
const SECRET_FIELD = /password|token|secret/i;

export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((value): value is string => typeof value === "string");
    object[key] = values.length === 1 ? values[0] : values;
  }
  return object;
}

function echoValues(raw: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !SECRET_FIELD.test(key)));
}

function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** Maps anything thrown by a domain call to what the form shows. */
export function errorToFormState(error: unknown, raw: Record<string, string | string[]>): FormState<never> {
  unstable_rethrow(error); // redirect(), notFound() and friends are not errors
  const values = echoValues(raw);
  if (error instanceof ValidationError) {
    return { ok: false, formError: error.message, fieldErrors: error.fieldErrors, values };
  }
  if (error instanceof AppError) return { ok: false, formError: error.message, values };
  const reference = randomUUID().slice(0, 8);
  console.error(`[action ${reference}]`, error);
  return { ok: false, formError: `Something went wrong on our side (reference ${reference}). Please try again.`, values };
}

export function parse<S extends z.ZodType>(schema: S, raw: Record<string, string | string[]>) {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data as z.output<S> };
  const fieldErrors = zodFieldErrors(parsed.error);
  const formError = fieldErrors._form?.[0] ?? "Please correct the highlighted fields.";
  return { failure: { ok: false, formError, fieldErrors, values: echoValues(raw) } as FormState<never> };
}

/** A form action for signed-in partner users: parse → authorize → run. */
export function partnerAction<S extends z.ZodType, T>(
  schema: S,
  permission: Permission,
  handler: (input: z.output<S>, caller: PartnerCaller) => Promise<FormState<T>>,
): FormAction<T> {
  return async (_previous, formData) => {
    const raw = formDataToObject(formData);
    try {
      const parsed = parse(schema, raw);
      if (parsed.failure) return parsed.failure;
      const caller = await requirePartnerPermission(permission);
      return await handler(parsed.data, caller);
    } catch (error) {
      return errorToFormState(error, raw);
    }
  };
}

/** A form action anyone may call (sign-in, activation, forgot password). */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>) => Promise<FormState<T>>,
): FormAction<T> {
  return async (_previous, formData) => {
    const raw = formDataToObject(formData);
    try {
      const parsed = parse(schema, raw);
      if (parsed.failure) return parsed.failure;
      return await handler(parsed.data);
    } catch (error) {
      return errorToFormState(error, raw);
    }
  };
}
