// The few error classes the app knows (STYLE §6). Expected errors carry a
// message that is safe to show; anything else is logged and shown generically.

export type FieldErrors = Record<string, string[]>;

export abstract class AppError extends Error {
  abstract readonly code: "NOT_FOUND" | "FORBIDDEN" | "VALIDATION" | "CONFLICT" | "RATE_LIMITED" | "UNAUTHENTICATED";
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

  static field(field: string, message: string) {
    return new ValidationError({ [field]: [message] });
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

function formatWait(seconds: number) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
