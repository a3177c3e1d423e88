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

/** The message shown next to a form's file field (imports); fails the test unless the call is refused with field errors. */
export async function fileErrorOf(promise: Promise<unknown>) {
  return (await fieldErrorsOf(promise)).file?.[0];
}
