import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, RateLimitedError, ValidationError, type FieldErrors } from "../errors.ts";
import type { FormState } from "../actions/form-state.ts";
import { log, serializeError } from "../observability/log.ts";

// The one mapping of what an operation throws: to an HTTP problem
// (RFC 9457, for /api/v1) and to a form's state (for server actions).
// lib/errors.ts keeps the classes.

/** A request the API refuses before any operation runs (malformed JSON, too large, …). */
export class RequestProblem extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    readonly title: string,
    detail: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(detail);
  }
}

/** Every issue of a zod error, by its path joined with "." ("" for the whole input). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return fieldErrors;
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Content too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
};

function problem(status: number, detail: string, fieldErrors?: FieldErrors, title = TITLES[status] ?? "Error"): Problem {
  return {
    type: "about:blank",
    title,
    status,
    detail,
    ...(fieldErrors
      ? { errors: Object.entries(fieldErrors).flatMap(([path, messages]) => messages.map((message) => ({ path, message }))) }
      : {}),
  };
}

/** Where an unexpected error happened: the request id (its reference) and the operation, for the log line. */
type ErrorContext = { requestId: string; operation?: string };

/** The message a user sees for an unexpected error: never the error's own, only the request id to quote. */
const somethingWentWrong = (requestId: string) => `Something went wrong on our side (reference ${requestId}).`;

/** What the API answers for anything thrown: an expected error's own status and message, else a 500 with a reference. */
export function errorToProblem(error: unknown, context: ErrorContext): { body: Problem; headers: Record<string, string> } {
  if (error instanceof RequestProblem) return { body: problem(error.status, error.message, error.fieldErrors, error.title), headers: {} };
  if (error instanceof ValidationError) {
    // A conflict names itself in the detail (the field message); forms show it by the field only.
    const detail = error.conflict ? (Object.values(error.fieldErrors)[0]?.[0] ?? error.message) : error.message;
    return { body: problem(error.conflict ? 409 : 422, detail, error.fieldErrors), headers: {} };
  }
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error instanceof RateLimitedError) headers["Retry-After"] = String(error.retryAfterSeconds);
    if (error.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="api"';
    return { body: problem(error.status, error.message), headers };
  }
  log.error({ kind: "api", requestId: context.requestId, operation: context.operation, err: serializeError(error) }, "Unexpected error in an API request");
  return { body: problem(500, somethingWentWrong(context.requestId)), headers: {} };
}

// Fields never echoed back to the browser, even on error (STYLE §3).
const SECRET_FIELD = /password|token|secret/i;

function echoValues(raw: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !SECRET_FIELD.test(key)));
}

/** Form fields are top level: "permissions.0" shows next to "permissions"; errors about the whole input go to the form. */
function byFormField(fieldErrors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, messages] of Object.entries(fieldErrors)) (result[path.split(".")[0] || "_form"] ??= []).push(...messages);
  return result;
}

/** What a form shows for anything thrown; redirect() and notFound() pass through. */
export function errorToFormState(error: unknown, raw: Record<string, string | string[]>, context: ErrorContext): FormState<never> {
  unstable_rethrow(error);
  const values = echoValues(raw);
  if (error instanceof ValidationError) {
    const fieldErrors = byFormField(error.fieldErrors);
    return { ok: false, formError: fieldErrors._form?.[0] ?? error.message, fieldErrors, values };
  }
  if (error instanceof AppError) return { ok: false, formError: error.message, values };
  // The log line never holds what was typed into a secret field, even when the error's message quotes it.
  const secrets = Object.entries(raw).flatMap(([key, value]) => (SECRET_FIELD.test(key) ? [value].flat() : []));
  log.error(
    { kind: "action", requestId: context.requestId, operation: context.operation, err: serializeError(error, secrets) },
    "Unexpected error in a server action",
  );
  return { ok: false, formError: `${somethingWentWrong(context.requestId)} Please try again.`, values };
}
