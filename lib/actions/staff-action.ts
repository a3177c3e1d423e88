import "server-only";
import type { z } from "zod";
import { requireStaffPermission, type StaffCaller } from "../auth/staff.ts";
import type { StaffPermission } from "../auth/permissions.ts";
import { errorToFormState, formDataToObject, parse } from "./form-action.ts";
import type { FormAction, FormState } from "./form-state.ts";

/** A form action of the vendor console: parse → authorize (staff only) → run. */
export function staffAction<S extends z.ZodType, T>(
  schema: S,
  permission: StaffPermission | StaffPermission[],
  handler: (input: z.output<S>, staff: StaffCaller) => Promise<FormState<T>>,
): FormAction<T> {
  return async (_previous, formData) => {
    const raw = formDataToObject(formData);
    try {
      // Who is asking comes first here: a partner user gets "not found" even for a malformed post.
      const staff = await requireStaffPermission(permission);
      const parsed = parse(schema, raw);
      if (parsed.failure) return parsed.failure;
      return await handler(parsed.data, staff);
    } catch (error) {
      return errorToFormState(error, raw);
    }
  };
}
