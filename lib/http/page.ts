import "server-only";
import { forbidden, notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import { readId } from "./params.ts";

// The one mapping from the app's expected errors to Next's error pages, for
// pages (route handlers answer problem+json instead): an id that can't exist
// or isn't the caller's → the 404 page; a permission the caller lacks → the
// 403 page (app/forbidden.tsx, through `experimental.authInterrupts`).

/** A path id, or the 404 page when it can't be an id (not a UUID): nothing malformed reaches the database. */
export function idOrNotFound(value: unknown): string {
  return readId(value) ?? notFound();
}

/**
 * Awaits a page's data: `NotFoundError` → the 404 page, `ForbiddenError` →
 * the 403 page; anything else is unexpected and goes to app/error.tsx.
 */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}

/**
 * Awaits data a page can do without (a "Copy user" source named in the query
 * string): `NotFoundError` → null, so another tenant's id is simply not
 * offered; anything else is unexpected and goes to app/error.tsx.
 */
export async function orNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
