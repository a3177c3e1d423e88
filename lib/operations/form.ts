import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import type { z } from "zod";
import { getCaller } from "../auth/caller.ts";
import type { FormAction, FormState } from "../actions/form-state.ts";
import type { Access, AnyInput, Operation } from "./define.ts";
import { executeOperation } from "./run.ts";
import { errorToFormState } from "./errors.ts";
import { formDataToInput } from "./coerce.ts";
import { REQUEST_ID_HEADER, requestIdFrom } from "../observability/request-id.ts";

type FormOptions<S extends AnyInput, R, T> = {
  /** Paths to revalidate after success (a function gets the result and input). */
  revalidate?: string | string[] | ((result: R, input: z.output<S>) => string | string[]);
  /** The confirmation shown after success. */
  message?: (result: R, input: z.output<S>) => string | undefined;
  /** Where to go after success (never after a failure). */
  redirect?: (result: R, input: z.output<S>) => string;
  /** What the form gets back (default: nothing). A secret shown once belongs here, never in `values`. */
  data?: (result: R, input: z.output<S>) => T;
};

/**
 * A server action over an operation: form data → input → runOperation →
 * form state. The caller comes from the session; errors map through the one
 * mapper (errors.ts). Export it from a "use server" module:
 * `export const inviteUserAction = formAction(inviteUser, { revalidate: "/team", message: … })`.
 */
export function formAction<S extends AnyInput, A extends Access, R, T = undefined>(
  op: Operation<S, A, R>,
  options: FormOptions<S, R, T> = {},
): FormAction<T> {
  return async (_previous, formData): Promise<FormState<T>> => {
    const { input, raw } = formDataToInput(op.input, formData);
    let target: string | undefined;
    let state: FormState<T>;
    try {
      const { result, input: parsed } = await executeOperation(op, input, await getCaller());
      const paths = typeof options.revalidate === "function" ? options.revalidate(result, parsed) : options.revalidate;
      for (const path of paths === undefined ? [] : Array.isArray(paths) ? paths : [paths]) revalidatePath(path);
      target = options.redirect?.(result, parsed);
      state = { ok: true, data: options.data ? options.data(result, parsed) : (undefined as T), message: options.message?.(result, parsed) };
    } catch (error) {
      return errorToFormState(error, raw, { requestId: await requestId(), operation: op.name });
    }
    if (target) redirect(target);
    return state;
  };
}

/** The id proxy.ts gave this request (the reference a generic error shows); a new one outside a request. */
async function requestId(): Promise<string> {
  try {
    return requestIdFrom((await headers()).get(REQUEST_ID_HEADER));
  } catch {
    return requestIdFrom(null);
  }
}
