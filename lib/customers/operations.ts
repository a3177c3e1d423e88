import "server-only";
import { z } from "zod";
import { actionsOn, operation } from "../operations/define.ts";
import { zodFieldErrors } from "../operations/errors.ts";
import { db } from "../db/client.ts";
import { ConflictError, NotFoundError, ValidationError } from "../errors.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { requirePermission } from "../auth/permissions.ts";
import { formatCustomerNumber } from "./format.ts";
import { createCustomer, getCustomerOrThrow, listCustomers, listSubscriptions, updateCustomer } from "./customers.ts";
import {
  addCustomerUser,
  CUSTOMER_USERS_MAX_LIMIT,
  deleteCustomerUsers,
  emailCredentialsToCaller,
  listCustomerUsers,
  listDeletedCustomerUsers,
  listMatchingCustomerUserIds,
  resetCustomerUserPassword,
  restoreCustomerUsers,
} from "./customer-users.ts";
import { IMPORT_INTENTS, runImport } from "./import.ts";
import {
  CustomerInput,
  CustomerUserIdInput,
  CustomerUserInput,
  CustomerUsersSelectionInput,
  MAX_SELECTED_IDS,
  USER_STATUS_FILTERS,
  CustomerUserEmailChangeInput,
  EditCustomerUserInput,
  WELCOME_METHODS,
  welcomeField,
} from "./schemas.ts";
import { requestCustomerUserEmailChange, updateCustomerUser } from "./edit-user.ts";
import { resendCustomerUserWelcome } from "./welcome.ts";

// Every operation on customers and their users (DESIGN §5, decision 0018):
// the forms under app/(portal)/customers and /api/v1/customers are adapters
// over these. Licenses: lib/licenses/operations.ts; orders: lib/orders/operations.ts.

const isoDate = z.iso.datetime();
const customerParam = { id: "customerId" };
const CustomerIdInput = z.object({ customerId: z.uuid({ error: "Unknown customer." }) });

// ---- Customers -------------------------------------------------------------

/** The customer form's fields and rules (lib/customers/schemas.ts) before they become a name; an object, as operations take. */
const CustomerFields = CustomerInput.in;
/** Parsed fields → the customer (the schema's last step: the name from the type's name fields). */
const toCustomer = (fields: z.output<typeof CustomerFields>) => CustomerInput.out.parse(fields) as CustomerInput;

const CustomerJson = z.object({
  id: z.uuid(),
  customerNumber: z.string(),
  type: z.enum(["INDIVIDUAL", "COMPANY"]),
  name: z.string(),
  contactEmail: z.string(),
  phone: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  createdAt: isoDate,
});

const withNumber = <C extends { number: number }>(customer: C) => ({ ...customer, customerNumber: formatCustomerNumber(customer.number) });

const CustomerListApiInput = z.object({
  q: z.string().max(200).optional(),
  page: z.number().int().min(1).max(100_000).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

export const listCustomersOp = operation({
  name: "customers.list",
  summary: "List customers, searched by name, contact email or customer ID (C-000123), by page in name order.",
  input: CustomerListApiInput,
  access: { partner: "customers.view" },
  audit: null,
  http: { method: "GET", path: "/customers" },
  output: z.object({
    data: z.array(CustomerJson.extend({ userCount: z.number().int() })),
    page: z.number().int(),
    pageCount: z.number().int(),
    total: z.number().int(),
  }),
  run: async (caller, input) => {
    const result = await listCustomers(caller, { query: input.q, page: input.page, pageSize: input.limit });
    return { ...result, data: result.customers.map(({ _count, ...customer }) => ({ ...withNumber(customer), userCount: _count.users })) };
  },
});

export const getCustomerOp = operation({
  name: "customers.get",
  summary: "One customer.",
  input: CustomerIdInput,
  access: { partner: "customers.view" },
  audit: null,
  http: { method: "GET", path: "/customers/{id}", params: customerParam },
  output: CustomerJson,
  run: async (caller, input) => withNumber(await getCustomerOrThrow(caller, input.customerId)),
});

export const createCustomerOp = operation({
  name: "customers.create",
  summary: "Create a customer: an individual (first and last name) or a company (company name).",
  input: CustomerFields,
  access: { partner: "customers.manage" },
  audit: "customer.created",
  http: { method: "POST", path: "/customers", status: 201 },
  output: CustomerJson,
  run: async (caller, input) => withNumber(await createCustomer(caller, toCustomer(input))),
});

export const updateCustomerOp = operation({
  name: "customers.update",
  summary: "Edit a customer (every field; the edit form).",
  input: CustomerFields.safeExtend({ customerId: z.uuid({ error: "Unknown customer." }) }),
  access: { partner: "customers.manage" },
  audit: "customer.updated",
  run: async (caller, input) => withNumber(await updateCustomer(caller, { ...toCustomer(input), customerId: input.customerId })),
});

/** PATCH: every field optional; the rules of the full form apply to the result. */
export const CustomerPatchInput = z
  .object(CustomerFields.shape)
  .partial()
  .extend({ customerId: z.uuid({ error: "Unknown customer." }) });

/**
 * Applies a partial change: current values fill what isn't sent, then the
 * customer form's schema and updateCustomer run. The stored name is kept
 * unless name fields are sent; an individual's stored "First Last" is read
 * back at its first space, so send firstName and lastName together to rename
 * one. Changing `type` needs the new type's name fields.
 */
async function patchCustomer(caller: PartnerCaller, input: z.output<typeof CustomerPatchInput>) {
  requirePermission(caller, "customers.manage");
  const current = await db.customer.findFirst({ where: { id: input.customerId, partnerId: caller.partnerId } });
  if (!current) throw new NotFoundError("That customer doesn't exist.");
  const type = input.type ?? current.type;
  const space = current.name.indexOf(" ");
  const keptName =
    type !== current.type
      ? {}
      : type === "COMPANY"
        ? { companyName: current.name }
        : { firstName: space > 0 ? current.name.slice(0, space) : current.name, lastName: space > 0 ? current.name.slice(space + 1) : "" };
  // Sent fields are parsed already; a cleared one (null) goes through the form's rules as the empty field it was.
  const sent = Object.fromEntries(
    Object.entries(input)
      .filter(([key, value]) => key !== "customerId" && value !== undefined)
      .map(([key, value]) => [key, value ?? ""]),
  );
  const merged = CustomerInput.safeParse({
    contactEmail: current.contactEmail,
    phone: current.phone ?? "",
    addressLine1: current.addressLine1 ?? "",
    addressLine2: current.addressLine2 ?? "",
    city: current.city ?? "",
    postalCode: current.postalCode ?? "",
    country: current.country ?? "",
    ...keptName,
    ...sent,
    type,
  });
  if (!merged.success) throw new ValidationError(zodFieldErrors(merged.error));
  return withNumber(await updateCustomer(caller, { ...merged.data, customerId: current.id }));
}

export const patchCustomerOp = operation({
  name: "customers.patch",
  summary: "Change some fields of a customer; fields not sent keep their value.",
  input: CustomerPatchInput,
  access: { partner: "customers.manage" },
  audit: "customer.updated",
  http: { method: "PATCH", path: "/customers/{id}", params: customerParam },
  output: CustomerJson,
  run: (caller, input) => patchCustomer(caller, input),
});

export const listSubscriptionsOp = operation({
  name: "customers.listSubscriptions",
  summary: "A customer's subscriptions: seats purchased, assigned and free per product.",
  input: CustomerIdInput,
  access: { partner: "customers.view" },
  audit: null,
  http: { method: "GET", path: "/customers/{id}/subscriptions", params: customerParam },
  output: z.object({
    data: z.array(
      z.object({
        id: z.uuid(),
        productId: z.uuid(),
        productCode: z.string(),
        productName: z.string(),
        purchased: z.number().int(),
        assigned: z.number().int(),
        free: z.number().int(),
      }),
    ),
  }),
  run: async (caller, input) => {
    const customer = await getCustomerOrThrow(caller, input.customerId);
    const subscriptions = await listSubscriptions(caller, customer.id);
    return {
      data: subscriptions.map((s) => ({
        id: s.id,
        productId: s.product.id,
        productCode: s.product.code,
        productName: s.product.name,
        purchased: s.purchased,
        assigned: s.assigned,
        free: s.purchased - s.assigned,
      })),
    };
  },
});

// ---- Customer users --------------------------------------------------------

const CustomerUserJson = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(["INVITED", "ACTIVE", "DISABLED"]),
  mustChangePassword: z.boolean(),
  lastSignInAt: isoDate.nullable(),
  products: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
});
const CredentialJson = z.object({ userId: z.uuid(), name: z.string(), username: z.string(), temporaryPassword: z.string() });
const userParams = { id: "customerId" };

/** An action on one user of one customer: it names both by id (`{id}` and `{userId}` in its API path) and needs customers.manage. */
const customerUserAction = actionsOn({
  input: CustomerUserIdInput,
  access: { partner: "customers.manage" },
  params: userParams,
  ids: (input) => [input.customerId, input.userId] as const,
});

/** The API's list filters: strict (a bad value is a 422), where the page ignores what it can't read. */
const CustomerUserListApiInput = CustomerIdInput.extend({
  q: z.string().max(200).optional(),
  license: z.union([z.literal("none"), z.uuid()], { error: 'Use a product id, or "none" for users without a license.' }).optional(),
  status: z.enum(USER_STATUS_FILTERS).optional(),
  cursor: z.string().max(500).regex(/^[A-Za-z0-9_-]+$/, "Use the nextCursor of the previous page.").optional(),
  limit: z.number().int().min(1).max(CUSTOMER_USERS_MAX_LIMIT).optional(),
});

export const listCustomerUsersOp = operation({
  name: "customerUsers.list",
  summary: "A customer's users in name order, filtered by license, status and search text; next page by cursor.",
  input: CustomerUserListApiInput,
  access: { partner: "customers.view" },
  audit: null,
  http: { method: "GET", path: "/customers/{id}/users", params: userParams },
  output: z.object({ data: z.array(CustomerUserJson), nextCursor: z.string().nullable() }),
  run: async (caller, input) => {
    const customer = await getCustomerOrThrow(caller, input.customerId);
    const page = await listCustomerUsers(caller, customer.id, {
      filters: { query: input.q, license: input.license, status: input.status },
      cursor: input.cursor,
      limit: input.limit,
    });
    return { data: page.rows, nextCursor: page.nextCursor };
  },
});

export const addCustomerUserOp = operation({
  name: "customerUsers.add",
  summary:
    'Add a customer user with licenses where seats are free. welcome "temporary_password" (the default): a temporary password, returned once, ' +
    'to be changed at first sign-in; "activation_email": the user is emailed a single-use activation link to choose a password (temporaryPassword is null).',
  input: CustomerUserInput,
  access: { partner: "customers.manage" },
  audit: "customer_user.created",
  http: { method: "POST", path: "/customers/{id}/users", status: 201, params: userParams },
  output: z.object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    username: z.string(),
    status: z.enum(["INVITED", "ACTIVE"]),
    welcome: z.enum(WELCOME_METHODS),
    temporaryPassword: z.string().nullable(),
  }),
  run: async (caller, input) => {
    const { user, credential } = await addCustomerUser(caller, input);
    return {
      ...user,
      username: user.username ?? "",
      status: credential ? ("ACTIVE" as const) : ("INVITED" as const),
      welcome: input.welcome,
      temporaryPassword: credential?.temporaryPassword ?? null,
      credential,
    };
  },
});

export const updateCustomerUserOp = operation({
  name: "customerUsers.update",
  summary: "Edit a customer user's name and phone (the edit form; an empty phone clears it).",
  input: EditCustomerUserInput,
  access: { partner: "customers.manage" },
  audit: "customer_user.updated",
  run: (caller, input) => updateCustomerUser(caller, input),
});

export const requestCustomerUserEmailChangeOp = operation({
  name: "customerUsers.requestEmailChange",
  summary: "Change a customer user's sign-in email: confirmed through a link sent to the new address; the old address is told.",
  input: CustomerUserEmailChangeInput,
  access: { partner: "customers.manage" },
  audit: "user.email_change_requested",
  run: (caller, input) => requestCustomerUserEmailChange(caller, input),
});

export const resendCustomerUserWelcomeOp = customerUserAction({
  name: "customerUsers.resendWelcome",
  summary:
    "Email a customer user who has never signed in a new activation link (earlier links and any temporary password stop working). 409 once they have signed in.",
  audit: "customer_user.welcome_sent",
  http: { method: "POST", path: "/customers/{id}/users/{userId}/resend-welcome" },
  output: z.object({ userId: z.uuid(), name: z.string(), email: z.string() }),
  run: resendCustomerUserWelcome,
});

export const resetCustomerUserPasswordOp = customerUserAction({
  name: "customerUsers.resetPassword",
  summary: "A new temporary password (returned once), to be changed at next sign-in; the user's sessions end.",
  audit: "customer_user.password_reset",
  http: { method: "POST", path: "/customers/{id}/users/{userId}/reset-password" },
  output: CredentialJson,
  run: resetCustomerUserPassword,
});

export const deleteCustomerUserOp = customerUserAction({
  name: "customerUsers.delete",
  summary: "Delete a customer user (restorable for 30 days); their seats are freed.",
  audit: "customer_user.deleted",
  http: { method: "DELETE", path: "/customers/{id}/users/{userId}", status: 204 },
  run: async (caller, customerId, userId) => (await deleteCustomerUsers(caller, customerId, [userId]))[0],
});

export const deleteCustomerUsersOp = operation({
  name: "customerUsers.deleteMany",
  summary: "Delete the selected customer users (restorable for 30 days); their seats are freed.",
  input: CustomerUsersSelectionInput,
  access: { partner: "customers.manage" },
  audit: "customer_user.deleted",
  run: (caller, input) => deleteCustomerUsers(caller, input.customerId, input.userIds),
});

export const listDeletedCustomerUsersOp = operation({
  name: "customerUsers.listDeleted",
  summary: "A customer's deleted users that can still be restored (30 days).",
  input: CustomerIdInput,
  access: { partner: "customers.view" },
  audit: null,
  http: { method: "GET", path: "/customers/{id}/users/deleted", params: userParams },
  output: z.object({
    data: z.array(
      z.object({
        id: z.uuid(),
        firstName: z.string(),
        lastName: z.string(),
        email: z.string(),
        deletedAt: isoDate,
        daysLeft: z.number().int(),
        /** Product ids held when deleted: restored where seats are free. */
        licensesAtDeletion: z.array(z.uuid()),
      }),
    ),
  }),
  run: async (caller, input) => {
    const customer = await getCustomerOrThrow(caller, input.customerId);
    return { data: await listDeletedCustomerUsers(caller, customer.id) };
  },
});

const RestoreJson = z.object({
  userId: z.uuid(),
  name: z.string(),
  licensesRestored: z.array(z.string()),
  licensesNotRestored: z.array(z.object({ product: z.string(), reason: z.string() })),
});

export const restoreCustomerUserOp = customerUserAction({
  name: "customerUsers.restore",
  summary: "Restore a deleted customer user; licenses come back where seats are free, the others are listed. 409 if the email is in use again.",
  audit: "customer_user.restored",
  http: { method: "POST", path: "/customers/{id}/users/{userId}/restore" },
  output: RestoreJson,
  run: async (caller, customerId, userId) => {
    const [result] = await restoreCustomerUsers(caller, customerId, [userId]);
    if (!result.restored) throw new ConflictError(result.reason ?? "This user can't be restored.");
    return result;
  },
});

export const restoreCustomerUsersOp = operation({
  name: "customerUsers.restoreMany",
  summary: "Restore the selected deleted customer users, each on its own (an email conflict holds back only that user).",
  input: CustomerUsersSelectionInput,
  access: { partner: "customers.manage" },
  audit: "customer_user.restored",
  run: (caller, input) => restoreCustomerUsers(caller, input.customerId, input.userIds),
});

const SelectMatchingInput = CustomerIdInput.extend({
  query: z.string().max(200).optional(),
  license: z.string().max(100).optional(),
  status: z.string().max(50).optional(),
});

export const selectMatchingCustomerUsersOp = operation({
  name: "customerUsers.selectMatching",
  summary: `The ids of every user matching the list's filters ("select all matching", at most ${MAX_SELECTED_IDS.toLocaleString("en")}).`,
  input: SelectMatchingInput,
  access: { partner: "customers.view" },
  audit: null,
  run: async (caller, input) => listMatchingCustomerUserIds(caller, (await getCustomerOrThrow(caller, input.customerId)).id, input),
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const EmailCredentialsInput = CustomerIdInput.extend({
  // JSON [{ userId, temporaryPassword }]: what the confirmation screen holds. The field name keeps it out of echoed values.
  temporaryPasswords: z
    .string()
    .max(2_000_000)
    .transform((text, context) => {
      const parsed = z.array(z.object({ userId: z.uuid(), temporaryPassword: z.string().max(100) })).max(MAX_SELECTED_IDS).safeParse(safeJson(text));
      if (!parsed.success) {
        context.addIssue({ code: "custom", message: "There are no passwords to send." });
        return z.NEVER;
      }
      return parsed.data;
    }),
});

export const emailCredentialsOp = operation({
  name: "customerUsers.emailCredentials",
  summary: "Email yourself the user names and temporary passwords just shown (only those still valid).",
  input: EmailCredentialsInput,
  access: { partner: "customers.manage" },
  audit: "customer_user.credentials_emailed",
  run: async (caller, input) => ({ ...(await emailCredentialsToCaller(caller, input.customerId, input.temporaryPasswords)), to: caller.email }),
});

export const ImportInput = CustomerIdInput.extend({
  intent: z.enum(IMPORT_INTENTS, { error: "Check the file, then import it." }).default("check"),
  /** How the imported users get in: temporary passwords shown once, or activation links emailed to them. */
  welcome: welcomeField,
  /** The posted file (the form adapter passes it through); read and bounded by lib/customers/import.ts. */
  file: z.file().optional(),
});

export const importCustomerUsersOp = operation({
  name: "customerUsers.import",
  summary: 'Import customer users from a CSV file: "check" validates every row, "import" writes a valid file, "import-valid" its valid rows.',
  input: ImportInput,
  access: { partner: "customers.manage" },
  audit: ["customer_user.imported", "customer_users.import_conflicts_checked"],
  run: (caller, input) => runImport(caller, input),
});

export const CUSTOMER_OPERATIONS = [
  listCustomersOp,
  getCustomerOp,
  createCustomerOp,
  updateCustomerOp,
  patchCustomerOp,
  listSubscriptionsOp,
  listCustomerUsersOp,
  addCustomerUserOp,
  updateCustomerUserOp,
  requestCustomerUserEmailChangeOp,
  resendCustomerUserWelcomeOp,
  resetCustomerUserPasswordOp,
  deleteCustomerUserOp,
  deleteCustomerUsersOp,
  listDeletedCustomerUsersOp,
  restoreCustomerUserOp,
  restoreCustomerUsersOp,
  selectMatchingCustomerUsersOp,
  emailCredentialsOp,
  importCustomerUsersOp,
];
