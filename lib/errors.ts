// The few error classes the app knows (STYLE §6). Expected errors carry a
// message that is safe to show; anything else is logged and shown generically.

export type FieldErrors = Record<string, string[]>;

// Marks every AppError, whichever copy of this module made it: Next bundles a
// module once per route, and an error made by a process-wide object (the
// database client, lib/db/client.ts) may come from another route's copy.
const APP_ERROR = Symbol.for("partner-portal.AppError");

export abstract class AppError extends Error {
  readonly [APP_ERROR] = true;
  /** `x instanceof AppError` holds for an AppError of any copy of this module; subclasses check as usual. */
  static [Symbol.hasInstance]<C extends abstract new (...args: never) => unknown>(this: C, value: unknown): value is InstanceType<C> {
    if ((this as unknown) !== AppError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && (value as { [APP_ERROR]?: unknown })[APP_ERROR] === true;
  }
  abstract readonly code: "NOT_FOUND" | "FORBIDDEN" | "VALIDATION" | "CONFLICT" | "RATE_LIMITED" | "UNAUTHENTICATED" | "UNAVAILABLE";
  abstract readonly status: number;
}

export class NotFoundError extends AppError {
  readonly code = "NOT_FOUND";
  readonly status = 404;
  constructor(message = "Not found.") {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly code = "FORBIDDEN";
  readonly status = 403;
  constructor(message = "You don't have permission to do that.") {
    super(message);
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = "UNAUTHENTICATED";
  readonly status = 401;
  constructor(message = "Please sign in.") {
    super(message);
  }
}

export class ValidationError extends AppError {
  readonly code = "VALIDATION";
  readonly status = 422;
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "Please correct the highlighted fields.",
  ) {
    super(message);
  }

  /** Set when the value clashes with existing data (an email in use): the API answers 409, forms show it by the field. */
  conflict = false;

  static field(field: string, message: string) {
    return new ValidationError({ [field]: [message] });
  }

  static conflict(field: string, message: string) {
    const error = new ValidationError({ [field]: [message] });
    error.conflict = true;
    return error;
  }
}

export class ConflictError extends AppError {
  readonly code = "CONFLICT";
  readonly status = 409;
}

export class RateLimitedError extends AppError {
  readonly code = "RATE_LIMITED";
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${formatWait(retryAfterSeconds)}.`);
  }
}

/**
 * The database can't be reached (restart, failover, network): nothing was
 * done, and the same request will work in a moment. Thrown by lib/db/client.ts
 * for every connection-level failure (lib/db/unavailable.ts decides which);
 * pages get a 503 page from proxy.ts, the API a 503 problem, forms this message.
 */
export class ServiceUnavailableError extends AppError {
  readonly code = "UNAVAILABLE";
  readonly status = 503;
  constructor(
    readonly retryAfterSeconds = 10,
    message = "The portal can't reach its database right now. Nothing was changed; please try again in a minute.",
  ) {
    super(message);
  }
}

function formatWait(seconds: number) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
