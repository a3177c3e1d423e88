"use server";
import { formAction } from "../operations/form.ts";
import type { IssuedCredential } from "./customer-users.ts";
import { manageLicenses, previewLicenses } from "../licenses/operations.ts";
import {
  addCustomerUserOp,
  createCustomerOp,
  requestCustomerUserEmailChangeOp,
  resendCustomerUserWelcomeOp,
  updateCustomerUserOp,
  deleteCustomerUsersOp,
  emailCredentialsOp,
  importCustomerUsersOp,
  resetCustomerUserPasswordOp,
  restoreCustomerUsersOp,
  selectMatchingCustomerUsersOp,
  updateCustomerOp,
} from "./operations.ts";

/** The customer form takes any FormAction<unknown>; these actions redirect and return nothing. */
const nothing = (): unknown => undefined;

// The customers' server actions: thin adapters over lib/customers/operations.ts
// and lib/licenses/operations.ts (decision 0018). Wording and where to go next
// live here; every rule and check lives in the operation's domain function.

const usersPath = (customerId: string) => `/customers/${customerId}/users`;
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const createCustomerAction = formAction(createCustomerOp, {
  data: nothing,
  revalidate: "/customers",
  redirect: (customer) => `/customers/${customer.id}?created=1`,
});

/** The same operation from the order page's "new customer" step: on to the order. */
export const createCustomerForOrderAction = formAction(createCustomerOp, {
  data: nothing,
  revalidate: "/customers",
  redirect: (customer) => `/orders/new?customerId=${customer.id}`,
});

export const updateCustomerAction = formAction(updateCustomerOp, {
  data: nothing,
  revalidate: "/customers",
  redirect: (customer) => `/customers/${customer.id}?updated=1`,
});

/** What Add user shows next: the temporary password, or who was emailed an activation link. */
export type AddedCustomerUser = { credentials: IssuedCredential[]; welcomed: { name: string; email: string } | null };

export const addCustomerUserAction = formAction(addCustomerUserOp, {
  revalidate: (_result, input) => usersPath(input.customerId),
  data: (result): AddedCustomerUser => ({
    credentials: result.credential ? [result.credential] : [],
    welcomed: result.credential ? null : { name: `${result.firstName} ${result.lastName}`, email: result.email },
  }),
});

export const updateCustomerUserAction = formAction(updateCustomerUserOp, {
  revalidate: (_result, input) => usersPath(input.customerId),
  message: (user) => `${user.firstName} ${user.lastName} was saved.`,
});

export const requestCustomerUserEmailChangeAction = formAction(requestCustomerUserEmailChangeOp, {
  revalidate: (_result, input) => `${usersPath(input.customerId)}/${input.userId}`,
  message: ({ email, newEmail }) => `A confirmation link was sent to ${newEmail}. The sign-in email changes when it is used; ${email} has been told.`,
});

export const resendCustomerUserWelcomeAction = formAction(resendCustomerUserWelcomeOp, {
  revalidate: (_result, input) => usersPath(input.customerId),
  message: ({ name, email }) => `A new welcome email with an activation link is on its way to ${name} at ${email}.`,
});

export const resetCustomerUserPasswordAction = formAction(resetCustomerUserPasswordOp, {
  revalidate: (_result, input) => usersPath(input.customerId),
  data: (credential): { credentials: IssuedCredential[] } => ({ credentials: [credential] }),
});

export const deleteCustomerUsersAction = formAction(deleteCustomerUsersOp, {
  revalidate: (_results, input) => usersPath(input.customerId),
  data: (results) => results,
  message: (results) => `${plural(results.length, "user", "users")} deleted. They can be restored for 30 days from the Deleted users tab.`,
});

export const restoreCustomerUsersAction = formAction(restoreCustomerUsersOp, {
  revalidate: (_results, input) => usersPath(input.customerId),
  data: (results) => results,
  message: (results) => `${results.filter((r) => r.restored).length} of ${plural(results.length, "user", "users")} restored.`,
});

export const manageLicensesAction = formAction(manageLicenses, {
  revalidate: (_results, input) => usersPath(input.customerId),
  data: (results) => results,
  message: () => "Licenses saved.",
});

export const previewLicensesAction = formAction(previewLicenses, { data: (previews) => previews });

export const selectMatchingCustomerUsersAction = formAction(selectMatchingCustomerUsersOp, { data: (ids) => ids });

export const emailCredentialsAction = formAction(emailCredentialsOp, {
  message: ({ sent, to }) => `The user names and temporary passwords of ${sent} ${sent === 1 ? "user were" : "users were"} emailed to ${to}.`,
});

/**
 * The CSV import form posts the file itself (passed through to the operation).
 * `intent` is "check" (dry run), "import" (all rows must be valid) or
 * "import-valid" (skip invalid rows).
 */
export const importCustomerUsersAction = formAction(importCustomerUsersOp, {
  revalidate: (outcome, input) => (outcome.step === "imported" ? usersPath(input.customerId) : []),
  data: (outcome) => outcome,
});
