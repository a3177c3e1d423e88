import { z } from "zod";
import { emailField, nameField, optionalString, phoneField } from "../validation/fields.ts";
import { individualName } from "./names.ts";

const id = (message: string) => z.uuid({ error: message });

/**
 * The most ids one form may send (users selected for a bulk action, products
 * ticked): "select all matching" selects at most this many users
 * (listMatchingCustomerUserIds). A longer list is a field error, never a query
 * too large for the database.
 */
export const MAX_SELECTED_IDS = 10_000;

/** Checkbox groups and multi-selects arrive as a string, several strings or nothing. */
const idList = (message: string) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(id(message)).max(MAX_SELECTED_IDS, `Select at most ${MAX_SELECTED_IDS.toLocaleString("en")} at once.`),
  );

export const CustomerInput = z
  .object({
    type: z.enum(["INDIVIDUAL", "COMPANY"], { error: "Choose Individual or Company." }),
    // An individual's name is their first and last name; a company has one name.
    companyName: optionalString,
    firstName: optionalString,
    lastName: optionalString,
    contactEmail: emailField,
    phone: phoneField,
    addressLine1: optionalString,
    addressLine2: optionalString,
    city: optionalString,
    postalCode: optionalString,
    country: optionalString,
  })
  .superRefine((input, context) => {
    if (input.type === "COMPANY" && !input.companyName) {
      context.addIssue({ code: "custom", path: ["companyName"], message: "Enter the company name." });
    }
    if (input.type === "INDIVIDUAL") {
      if (!input.firstName) context.addIssue({ code: "custom", path: ["firstName"], message: "Enter a first name." });
      if (!input.lastName) context.addIssue({ code: "custom", path: ["lastName"], message: "Enter a last name." });
    }
    for (const field of ["companyName", "firstName", "lastName", "addressLine1", "addressLine2", "city", "postalCode", "country"] as const) {
      if ((input[field]?.length ?? 0) > 200) context.addIssue({ code: "custom", path: [field], message: "Use at most 200 characters." });
    }
  })
  .transform(({ companyName, firstName, lastName, ...rest }, context) => {
    // The refinement above requires these names (a transform runs only on valid input); narrowed here, not asserted.
    const name = rest.type === "COMPANY" ? companyName : firstName && lastName ? individualName(firstName, lastName) : undefined;
    if (!name) {
      context.addIssue({ code: "custom", path: [rest.type === "COMPANY" ? "companyName" : "firstName"], message: "Enter the customer's name." });
      return z.NEVER;
    }
    return { ...rest, name };
  });
export type CustomerInput = z.output<typeof CustomerInput>;

export const UpdateCustomerInput = z.intersection(z.object({ customerId: id("Unknown customer.") }), CustomerInput);
export type UpdateCustomerInput = z.output<typeof UpdateCustomerInput>;

/**
 * How a new customer user gets in (decision 0024): a temporary password shown
 * once to the admin (the default, as before), or an activation link emailed to
 * the user (single use, time-limited, like a team invitation).
 */
export const WELCOME_METHODS = ["temporary_password", "activation_email"] as const;
export type WelcomeMethod = (typeof WELCOME_METHODS)[number];
/** The method when none is chosen: what the forms start with, and what the API assumes. */
export const DEFAULT_WELCOME: WelcomeMethod = "temporary_password";
/** How each method is offered on the Add user and Import users forms. */
export const WELCOME_OPTIONS = [
  { value: "activation_email", label: "Email an activation link", description: "The user chooses their own password through a single-use link." },
  { value: "temporary_password", label: "Show a temporary password", description: "You hand it over; the user changes it at first sign-in." },
] satisfies { value: WelcomeMethod; label: string; description: string }[];
export const welcomeField = z
  .enum(WELCOME_METHODS, { error: 'Choose "Email an activation link" (activation_email) or "Show a temporary password" (temporary_password).' })
  .default(DEFAULT_WELCOME);

export const CustomerUserInput = z.object({
  customerId: id("Unknown customer."),
  firstName: nameField("First name"),
  lastName: nameField("Last name"),
  email: emailField,
  phone: phoneField,
  productIds: idList("Choose licenses from the list."),
  welcome: welcomeField,
});
export type CustomerUserInput = z.output<typeof CustomerUserInput>;

/** One customer user of one customer: what every action on a customer user names. */
export const CustomerUserIdInput = z.object({ customerId: id("Unknown customer."), userId: id("Unknown user.") });

/** The edit form: name and phone (an empty phone clears it). The sign-in email changes through CustomerUserEmailChangeInput. */
export const EditCustomerUserInput = CustomerUserIdInput.extend({
  firstName: nameField("First name"),
  lastName: nameField("Last name"),
  phone: phoneField,
});
export type EditCustomerUserInput = z.output<typeof EditCustomerUserInput>;

export const CustomerUserEmailChangeInput = CustomerUserIdInput.extend({ newEmail: emailField });

export const CustomerUsersSelectionInput = z.object({
  customerId: id("Unknown customer."),
  userIds: idList("Unknown user.").pipe(z.array(z.uuid()).min(1, "Select at least one user.")),
});
export type CustomerUsersSelectionInput = z.output<typeof CustomerUsersSelectionInput>;

export const ManageLicensesInput = z.object({
  customerId: id("Unknown customer."),
  userIds: idList("Unknown user.").pipe(z.array(z.uuid()).min(1, "Select at least one user.")),
  // Ticked products: every selected user ends up holding exactly these
  // (of the products offered in the dialog), where seats allow.
  productIds: idList("Choose products from the list."),
  offeredProductIds: idList("Choose products from the list."),
});
export type ManageLicensesInput = z.output<typeof ManageLicensesInput>;

export const USER_STATUS_FILTERS = ["any", "ACTIVE", "INVITED", "DISABLED", "must_change"] as const;

// CSV import of customer users (DESIGN §5, decision 0013). The limits are
// here, not in the server-only import module, because the browser checks the
// file size before posting with the same rule the server applies.
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 10_000;
/** The template has 5 columns; a spreadsheet export with extra columns still fits. */
export const IMPORT_MAX_COLUMNS = 50;
export const IMPORT_MAX_HEADER_CHARS = 2_000;
/** Per-line errors sent back to the browser; the rest are counted ("and N more") and in the results file. */
export const IMPORT_MAX_ERRORS_SHOWN = 100;
/** Characters of a cell echoed back in the results file. */
export const IMPORT_MAX_ECHOED_CELL_CHARS = 256;

export function importFileSizeError(bytes: number): string | null {
  return bytes > IMPORT_MAX_BYTES ? "The file is larger than 10 MB. Split it into smaller files of at most 10,000 users." : null;
}

/** One row of an import file: the same fields, rules and messages as adding a customer user one by one. */
export const ImportRowInput = CustomerUserInput.pick({ firstName: true, lastName: true, email: true, phone: true }).extend({
  /** Product codes separated by "|". */
  licenses: optionalString,
});
