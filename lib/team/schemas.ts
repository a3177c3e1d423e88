import { z } from "zod";
import { PARTNER_PERMISSIONS, PARTNER_ROLE_KEYS } from "../auth/permissions.ts";
import { NOTIFICATION_KINDS } from "../notifications/kinds.ts";
import { choice, opaqueCursor, searchText } from "../http/params.ts";
import { checkboxList, emailField, nameField, phoneField } from "../validation/fields.ts";
import { currentPasswordField } from "../auth/password-rules.ts";

export const InviteUserInput = z
  .object({
    firstName: nameField("First name"),
    lastName: nameField("Last name"),
    email: emailField,
    phone: phoneField,
    role: z
      .union([z.enum(PARTNER_ROLE_KEYS), z.literal("")])
      .optional()
      .transform((role) => role || null),
    permissions: checkboxList(PARTNER_PERMISSIONS),
    managerId: z
      .union([z.uuid({ error: "Choose a manager from the list." }), z.literal("")])
      .optional()
      .transform((id) => id || null),
    // Absent (API, vendor console): the defaults. The form always sends "security".
    notifications: z
      .union([z.array(z.enum(NOTIFICATION_KINDS)), z.enum(NOTIFICATION_KINDS).transform((kind) => [kind])])
      .optional(),
  })
  .refine((input) => input.role !== null || input.permissions.length > 0, {
    // A permission is required, never skipped (DESIGN §3, §4).
    path: ["permissions"],
    message: "Choose a role or at least one permission.",
    // Checked even when other fields are wrong, so every error shows at once.
    when: (payload) => payload.issues.every((issue) => issue.path?.[0] !== "role" && issue.path?.[0] !== "permissions"),
  });

export type InviteUserInput = z.output<typeof InviteUserInput>;

export const UserIdInput = z.object({ userId: z.uuid({ error: "Unknown user." }) });

const optionalUuid = (message: string) =>
  z
    .union([z.uuid({ error: message }), z.literal("")])
    .optional()
    .transform((id) => id || null);

const roleField = z
  .union([z.enum(PARTNER_ROLE_KEYS), z.literal("")])
  .optional()
  .transform((role) => role || null);

/** Edit user (DESIGN §4 "Edit"): everything but the login email, which changes through a confirmation link. */
export const EditUserInput = z
  .object({
    userId: z.uuid({ error: "Unknown user." }),
    firstName: nameField("First name"),
    lastName: nameField("Last name"),
    phone: phoneField,
    role: roleField,
    permissions: checkboxList(PARTNER_PERMISSIONS),
    managerId: optionalUuid("Choose a manager from the list."),
    notifications: checkboxList(NOTIFICATION_KINDS),
  })
  .refine((input) => input.role !== null || input.permissions.length > 0, {
    path: ["permissions"],
    message: "Choose a role or at least one permission.",
    when: (payload) => payload.issues.every((issue) => issue.path?.[0] !== "role" && issue.path?.[0] !== "permissions"),
  });
export type EditUserInput = z.output<typeof EditUserInput>;

export const RestoreUserInput = z.object({
  userId: z.uuid({ error: "Unknown user." }),
  managerId: optionalUuid("Choose a manager from the list."),
});
export type RestoreUserInput = z.output<typeof RestoreUserInput>;

export const ChangeEmailInput = z.object({
  userId: z.uuid({ error: "Unknown user." }),
  newEmail: emailField,
});

export const InviteRemindersInput = z.object({
  enabled: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const TEAM_STATUSES = ["active", "invited", "disabled"] as const;
const TEAM_SORTS = ["name", "lastSignIn"] as const;

/** The team list's query string, read through lib/http/params: anything unknown or malformed is ignored rather than refused (bookmarks outlive options). */
export const TeamListFilters = z.object({
  status: choice(TEAM_STATUSES),
  role: choice(PARTNER_ROLE_KEYS),
  q: searchText(200),
  sort: choice(TEAM_SORTS).transform((value) => value ?? "name"),
  after: opaqueCursor(500),
});
export type TeamListFilters = z.output<typeof TeamListFilters>;

export const OwnNotificationsInput = z.object({ notifications: checkboxList(NOTIFICATION_KINDS) });

export const OwnEmailChangeInput = z.object({
  newEmail: emailField,
  currentPassword: currentPasswordField,
});
