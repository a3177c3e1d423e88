import "server-only";
import { z } from "zod";
import { actionsOn, operation } from "../operations/define.ts";
import { db } from "../db/client.ts";
import { accessFields, personFields } from "../accounts/selects.ts";
import { NotFoundError } from "../errors.ts";
import { requirePermission, PARTNER_PERMISSIONS, PARTNER_ROLE_KEYS } from "../auth/permissions.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { requestEmailChange, requestOwnEmailChange } from "../auth/email-change.ts";
import { NOTIFICATION_KINDS } from "../notifications/kinds.ts";
import { nameField, phoneField } from "../validation/fields.ts";
import { zodFieldErrors } from "../operations/errors.ts";
import { ValidationError } from "../errors.ts";
import { inviteTeamMember, resendInvite } from "./invite.ts";
import {
  deleteTeamMember,
  disableTeamMember,
  enableTeamMember,
  getTeamMemberOrThrow,
  listDeletedMembers,
  restoreTeamMember,
  sendResetLinkToMember,
  setInviteReminders,
  transferPrimaryUser,
  updateOwnNotifications,
  updateTeamMember,
} from "./manage.ts";
import { listTeamPage } from "./queries.ts";
import {
  ChangeEmailInput,
  EditUserInput,
  InviteRemindersInput,
  InviteUserInput,
  OwnEmailChangeInput,
  OwnNotificationsInput,
  RestoreUserInput,
  TEAM_STATUSES,
  UserIdInput,
} from "./schemas.ts";
import { liveTeamMembers } from "./member-scope.ts";

// Every operation on the team (DESIGN §4, §9, decision 0018): the forms in
// app/(portal)/team and /api/v1/users are adapters over these.

const NoInput = z.object({});
const isoDate = z.iso.datetime();

/** A team member as the API shows one. */
const MemberJson = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string().nullable().optional(),
  role: z.string().nullable(),
  permissions: z.array(z.string()),
  status: z.enum(["INVITED", "ACTIVE", "DISABLED"]),
  managerId: z.uuid().nullable().optional(),
  lastSignInAt: isoDate.nullable(),
});
const MemberSummaryJson = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), email: z.string() });
const idParam = { id: "userId" };

/** The API's list filters: a bad value is an error here (a program sent it), not ignored as on the page. */
const TeamListApiInput = z.object({
  status: z.enum(TEAM_STATUSES).optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().max(500).regex(/^[A-Za-z0-9_-]+$/, "Use the nextCursor of the previous page.").optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

/** An action on one team member: it names the member by id (`{id}` in its API path) and needs users.manage. */
const memberAction = actionsOn({
  input: UserIdInput,
  access: { partner: "users.manage" },
  params: idParam,
  ids: (input) => [input.userId] as const,
});

export const listMembers = operation({
  name: "team.list",
  summary: "List team members, filtered by status and search text, newest page by cursor.",
  input: TeamListApiInput,
  access: { partner: "users.view" },
  audit: null,
  http: { method: "GET", path: "/users" },
  output: z.object({ data: z.array(MemberJson), nextCursor: z.string().nullable() }),
  run: async (caller, input) => {
    const page = await listTeamPage(caller, { status: input.status, q: input.q, after: input.cursor }, input.limit ?? 50);
    return { data: page.members, nextCursor: page.nextCursor };
  },
});

export const getMember = operation({
  name: "team.get",
  summary: "One team member.",
  input: UserIdInput,
  access: { partner: "users.view" },
  audit: null,
  http: { method: "GET", path: "/users/{id}", params: idParam },
  output: MemberJson,
  run: (caller, input) => getTeamMemberOrThrow(caller, input.userId),
});

export const listDeleted = operation({
  name: "team.listDeleted",
  summary: "Deleted team members that can still be restored (30 days).",
  input: NoInput,
  access: { partner: "users.manage" },
  audit: null,
  http: { method: "GET", path: "/users/deleted" },
  output: z.object({
    data: z.array(MemberSummaryJson.extend({ role: z.string().nullable(), deletedAt: isoDate, daysLeft: z.number().int() })),
  }),
  run: async (caller) => ({ data: await listDeletedMembers(caller) }),
});

export const inviteUser = operation({
  name: "team.invite",
  summary: "Invite a team member: an Invited account and an activation email.",
  input: InviteUserInput,
  access: { partner: "users.manage" },
  audit: "user.invited",
  http: { method: "POST", path: "/users", status: 201 },
  output: MemberSummaryJson,
  run: (caller, input) => inviteTeamMember(caller, input),
});

export const updateUser = operation({
  name: "team.update",
  summary: "Edit a team member (every field; the edit form).",
  input: EditUserInput,
  access: { partner: "users.manage" },
  audit: "user.updated",
  run: (caller, input) => updateTeamMember(caller, input),
});

/** PATCH: only the fields sent change. */
export const TeamPatchInput = z.object({
  userId: z.uuid({ error: "Unknown user." }),
  firstName: nameField("First name").optional(),
  lastName: nameField("Last name").optional(),
  phone: phoneField.optional(),
  role: z.enum(PARTNER_ROLE_KEYS).nullable().optional(),
  permissions: z.array(z.enum(PARTNER_PERMISSIONS)).optional(),
  managerId: z.uuid({ error: "Choose a manager from the list." }).nullable().optional(),
  notifications: z.array(z.enum(NOTIFICATION_KINDS)).optional(),
});

/** Applies a partial change: the member's current values fill what isn't sent, then the full edit's rules apply. */
async function patchTeamMember(caller: PartnerCaller, input: z.output<typeof TeamPatchInput>) {
  requirePermission(caller, "users.manage");
  const current = await db.user.findFirst({
    where: { id: input.userId, ...liveTeamMembers(caller.partnerId) },
    select: { firstName: true, lastName: true, phone: true, role: true, permissions: true, managerId: true, notifications: true },
  });
  if (!current) throw new NotFoundError("That team member doesn't exist.");
  const pick = <K extends keyof typeof current>(key: K) => (input[key] !== undefined ? input[key] : current[key]);
  const merged = EditUserInput.safeParse({
    userId: input.userId,
    firstName: pick("firstName"),
    lastName: pick("lastName"),
    phone: pick("phone") ?? "",
    role: pick("role") ?? "",
    permissions: pick("permissions"),
    managerId: pick("managerId") ?? "",
    notifications: pick("notifications"),
  });
  if (!merged.success) throw new ValidationError(zodFieldErrors(merged.error));
  await updateTeamMember(caller, merged.data);
  return db.user.findFirstOrThrow({
    where: { id: input.userId, partnerId: caller.partnerId },
    select: { ...personFields, phone: true, ...accessFields, managerId: true, lastSignInAt: true },
  });
}

export const patchUser = operation({
  name: "team.patch",
  summary: "Change some fields of a team member; fields not sent keep their value.",
  input: TeamPatchInput,
  access: { partner: "users.manage" },
  audit: "user.updated",
  http: { method: "PATCH", path: "/users/{id}", params: idParam },
  output: MemberJson,
  run: (caller, input) => patchTeamMember(caller, input),
});

export const resendInviteOp = memberAction({
  name: "team.resendInvite",
  summary: "Send a new activation link; earlier links stop working.",
  audit: "user.invite_resent",
  http: { method: "POST", path: "/users/{id}/resend-invite" },
  output: MemberSummaryJson,
  run: resendInvite,
});

export const sendPasswordReset = memberAction({
  name: "team.sendPasswordReset",
  summary: "Email a team member a password reset link (nobody sees or sets their password).",
  audit: "user.password_reset_sent",
  http: { method: "POST", path: "/users/{id}/send-password-reset" },
  output: MemberSummaryJson,
  run: sendResetLinkToMember,
});

export const disableUser = memberAction({
  name: "team.disable",
  summary: "Disable a team member: they can't sign in.",
  audit: "user.disabled",
  run: disableTeamMember,
});

export const enableUser = memberAction({
  name: "team.enable",
  summary: "Enable a disabled team member.",
  audit: "user.enabled",
  run: enableTeamMember,
});

export const deleteUser = memberAction({
  name: "team.delete",
  summary: "Delete a team member (restorable for 30 days); they are signed out everywhere.",
  audit: "user.deleted",
  http: { method: "DELETE", path: "/users/{id}", status: 204 },
  run: deleteTeamMember,
});

export const restoreUser = operation({
  name: "team.restore",
  summary: "Restore a deleted team member with their permissions.",
  input: RestoreUserInput,
  access: { partner: "users.manage" },
  audit: "user.restored",
  http: { method: "POST", path: "/users/{id}/restore", params: idParam },
  output: MemberSummaryJson,
  run: (caller, input) => restoreTeamMember(caller, input),
});

export const transferPrimary = memberAction({
  name: "team.transferPrimary",
  summary: "Hand the primary user role to another Partner Admin.",
  audit: "partner.primary_user_transferred",
  run: (caller, userId) => transferPrimaryUser(caller, { userId }),
});

export const changeMemberEmail = operation({
  name: "team.requestEmailChange",
  summary: "Change a team member's sign-in email (confirmed through a link).",
  input: ChangeEmailInput,
  access: { partner: "users.manage" },
  audit: "user.email_change_requested",
  run: (caller, input) => requestEmailChange(caller, input.userId, input.newEmail),
});

export const setReminders = operation({
  name: "team.setInviteReminders",
  summary: "Turn the 48-hour invitation reminder on or off.",
  input: InviteRemindersInput,
  access: { partner: "users.manage" },
  audit: "partner.invite_reminders_changed",
  run: async (caller, input) => {
    await setInviteReminders(caller, input.enabled);
    return { enabled: input.enabled };
  },
});

export const updateMyNotifications = operation({
  name: "account.updateNotifications",
  summary: "Choose which emails you receive.",
  input: OwnNotificationsInput,
  access: { own: "partner" },
  audit: "user.notifications_changed",
  run: (caller, input) => updateOwnNotifications(caller, input.notifications),
});

export const requestMyEmailChange = operation({
  name: "account.requestEmailChange",
  summary: "Change your own sign-in email (confirmed through a link).",
  input: OwnEmailChangeInput,
  access: { own: "partner" },
  audit: "user.email_change_requested",
  run: (caller, input) => requestOwnEmailChange(caller, input),
});

export const TEAM_OPERATIONS = [
  listMembers,
  getMember,
  listDeleted,
  inviteUser,
  updateUser,
  patchUser,
  resendInviteOp,
  sendPasswordReset,
  disableUser,
  enableUser,
  deleteUser,
  restoreUser,
  transferPrimary,
  changeMemberEmail,
  setReminders,
  updateMyNotifications,
  requestMyEmailChange,
];
