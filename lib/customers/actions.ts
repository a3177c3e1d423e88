"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ok, type FormState } from "../actions/form-state.ts";
import { errorToFormState, partnerAction } from "../actions/form-action.ts";
import { requirePartnerPermission } from "../auth/caller.ts";
import { ValidationError } from "../errors.ts";
import { createCustomer, updateCustomer } from "./customers.ts";
import {
  addCustomerUser,
  deleteCustomerUsers,
  emailCredentialsToCaller,
  listMatchingCustomerUserIds,
  resetCustomerUserPassword,
  restoreCustomerUsers,
  type DeleteResult,
  type IssuedCredential,
  type RestoreResult,
} from "./customer-users.ts";
import { checkImport, importCheckResult, importCustomerUsers, readImportFile, type ImportCheckResult } from "./import.ts";
import { changeLicenses, previewLicenseChanges, type LicenseChangeResult, type LicensePreview } from "../licenses/manage.ts";
import {
  CustomerInput,
  CustomerUserIdInput,
  CustomerUserInput,
  CustomerUsersSelectionInput,
  ManageLicensesInput,
  UpdateCustomerInput,
} from "./schemas.ts";

const usersPath = (customerId: string) => `/customers/${customerId}/users`;

const CreateCustomerInput = z.intersection(CustomerInput, z.object({ next: z.enum(["users", "order"]).optional() }));

export const createCustomerAction = partnerAction(CreateCustomerInput, "customers.manage", async (input, caller) => {
  const customer = await createCustomer(caller, input);
  revalidatePath("/customers");
  redirect(input.next === "order" ? `/orders/new?customerId=${customer.id}` : `/customers/${customer.id}?created=1`);
});

export const updateCustomerAction = partnerAction(UpdateCustomerInput, "customers.manage", async (input, caller) => {
  const customer = await updateCustomer(caller, input);
  revalidatePath("/customers");
  redirect(`/customers/${customer.id}?updated=1`);
});

export const addCustomerUserAction = partnerAction(CustomerUserInput, "customers.manage", async (input, caller) => {
  const { credential } = await addCustomerUser(caller, input);
  revalidatePath(usersPath(input.customerId));
  return ok<{ credentials: IssuedCredential[] }>({ credentials: [credential] });
});

export const resetCustomerUserPasswordAction = partnerAction(CustomerUserIdInput, "customers.manage", async (input, caller) => {
  const credential = await resetCustomerUserPassword(caller, input.customerId, input.userId);
  revalidatePath(usersPath(input.customerId));
  return ok<{ credentials: IssuedCredential[] }>({ credentials: [credential] });
});

export const deleteCustomerUsersAction = partnerAction(CustomerUsersSelectionInput, "customers.manage", async (input, caller) => {
  const results = await deleteCustomerUsers(caller, input.customerId, input.userIds);
  revalidatePath(usersPath(input.customerId));
  return ok<DeleteResult[]>(results, `${results.length} ${results.length === 1 ? "user" : "users"} deleted. They can be restored for 30 days from the Deleted users tab.`);
});

export const restoreCustomerUsersAction = partnerAction(CustomerUsersSelectionInput, "customers.manage", async (input, caller) => {
  const results = await restoreCustomerUsers(caller, input.customerId, input.userIds);
  revalidatePath(usersPath(input.customerId));
  const restored = results.filter((r) => r.restored).length;
  return ok<RestoreResult[]>(results, `${restored} of ${results.length} ${results.length === 1 ? "user" : "users"} restored.`);
});

export const manageLicensesAction = partnerAction(ManageLicensesInput, "licenses.manage", async (input, caller) => {
  const results = await changeLicenses(caller, {
    customerId: input.customerId,
    userIds: input.userIds,
    wantedProductIds: input.productIds,
    changedProductIds: input.offeredProductIds,
  });
  revalidatePath(usersPath(input.customerId));
  return ok<LicenseChangeResult[]>(results, "Licenses saved.");
});

export const previewLicensesAction = partnerAction(ManageLicensesInput, "licenses.manage", async (input, caller) => {
  const wanted = input.productIds.filter((id) => input.offeredProductIds.includes(id));
  return ok<LicensePreview[]>(await previewLicenseChanges(caller, { customerId: input.customerId, userIds: input.userIds, wantedProductIds: wanted }));
});

const SelectMatchingInput = z.object({
  customerId: z.uuid(),
  query: z.string().max(200).optional(),
  license: z.string().max(100).optional(),
  status: z.string().max(50).optional(),
});

export const selectMatchingCustomerUsersAction = partnerAction(SelectMatchingInput, "customers.view", async (input, caller) => {
  return ok<string[]>(await listMatchingCustomerUserIds(caller, input.customerId, input));
});

const EmailCredentialsInput = z.object({
  customerId: z.uuid(),
  // JSON [{ userId, temporaryPassword }]: what the confirmation screen holds. The field name keeps it out of echoed values.
  temporaryPasswords: z
    .string()
    .max(2_000_000)
    .transform((text, context) => {
      const parsed = z.array(z.object({ userId: z.uuid(), temporaryPassword: z.string().max(100) })).max(10_000).safeParse(safeJson(text));
      if (!parsed.success) {
        context.addIssue({ code: "custom", message: "There are no passwords to send." });
        return z.NEVER;
      }
      return parsed.data;
    }),
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const emailCredentialsAction = partnerAction(EmailCredentialsInput, "customers.manage", async (input, caller) => {
  const { sent } = await emailCredentialsToCaller(caller, input.customerId, input.temporaryPasswords);
  return ok(undefined, `The user names and temporary passwords of ${sent} ${sent === 1 ? "user were" : "users were"} emailed to ${caller.email}.`);
});

export type ImportState =
  | { ok: true; step: "checked"; check: ImportCheckResult }
  | { ok: true; step: "imported"; credentials: IssuedCredential[]; skipped: number }
  | Extract<FormState<never>, { ok: false }>;

/**
 * The CSV import form posts the file itself (the generic wrapper only reads
 * text fields). `intent` is "check" (dry run), "import" (all rows must be
 * valid) or "import-valid" (skip invalid rows).
 */
export async function importCustomerUsersAction(_previous: ImportState | null, formData: FormData): Promise<ImportState> {
  const customerId = String(formData.get("customerId") ?? "");
  const intent = String(formData.get("intent") ?? "check");
  try {
    const caller = await requirePartnerPermission("customers.manage");
    if (!z.uuid().safeParse(customerId).success) throw ValidationError.field("file", "Unknown customer.");
    const text = await readImportFile(formData.get("file"));
    if (intent === "check") return { ok: true, step: "checked", check: importCheckResult(await checkImport(caller, customerId, text)) };
    const result = await importCustomerUsers(caller, customerId, text, { validOnly: intent === "import-valid" });
    revalidatePath(usersPath(customerId));
    return { ok: true, step: "imported", ...result };
  } catch (error) {
    return errorToFormState(error, { customerId, intent }) as ImportState;
  }
}
