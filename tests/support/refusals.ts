// How a test looks at a refusal: what the user would be shown.
import { expect } from "vitest";
import { ValidationError } from "@/lib/errors";

/** The field errors a call is refused with; fails the test unless it throws a ValidationError. */
export async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}
