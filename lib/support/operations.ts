import "server-only";
import { operation } from "../operations/define.ts";
import { detachEmail, moveInvitedUser, resendInviteOnBehalf, sendResetLinkOnBehalf } from "./resolve.ts";
import { DetachEmailInput, MoveInvitedUserInput, UserIdInput } from "./schemas.ts";
import { InviteStaffInput, inviteStaff, setStaffDisabled, StaffMemberInput } from "./staff-members.ts";

// Support tools and staff management of the vendor console (DESIGN §7,
// decision 0018): app/admin/accounts and app/admin/staff are adapters over
// these. Staff only (anyone else: not found); the domain functions check the
// permission again, and the rank and Partner Admin rules (lib/support/staff-access.ts).

/** Only what the confirmations name: the domain functions' rows carry more (permissions, password hash…). */
const person = (user: { id: string; firstName: string; lastName: string; email: string }) => ({
  id: user.id,
  firstName: user.firstName,
  lastName: user.lastName,
  email: user.email,
});

export const detachEmailOp = operation({
  name: "support.detachEmail",
  summary: "Free an address held by the wrong account: placeholder address, disabled, signed out, pending links void.",
  input: DetachEmailInput,
  access: { staff: "accounts.resolve" },
  audit: "user.email_detached",
  run: (staff, { userId, reason }) => detachEmail(staff, userId, reason),
});

export const moveInvitedUserOp = operation({
  name: "support.moveInvitedUser",
  summary: "Move a still-invited partner user to the partner the invitation should have gone to, with a fresh link.",
  input: MoveInvitedUserInput,
  access: { staff: "accounts.resolve" },
  audit: "user.moved_to_partner",
  run: (staff, input) => moveInvitedUser(staff, input),
});

export const resendInviteOnBehalfOp = operation({
  name: "support.resendInvite",
  summary: "Resend an invitation on the user's behalf; earlier links stop working.",
  input: UserIdInput,
  access: { staff: "accounts.resolve" },
  audit: "user.invite_resent",
  run: async (staff, { userId }) => person(await resendInviteOnBehalf(staff, userId)),
});

export const sendResetLinkOnBehalfOp = operation({
  name: "support.sendResetLink",
  summary: "Mail a password reset link to an active account (support never sees or sets the password).",
  input: UserIdInput,
  access: { staff: "accounts.resolve" },
  audit: "user.password_reset_sent",
  run: async (staff, { userId }) => person(await sendResetLinkOnBehalf(staff, userId)),
});

export const inviteStaffOp = operation({
  name: "staff.invite",
  summary: "Invite a vendor staff member, up to the inviter's own role.",
  input: InviteStaffInput,
  access: { staff: "staff.manage" },
  audit: "staff.invited",
  run: async (staff, input) => person(await inviteStaff(staff, input)),
});

export const disableStaffOp = operation({
  name: "staff.disable",
  summary: "Disable a vendor staff member and sign them out (never the last active Portal Owner).",
  input: StaffMemberInput,
  access: { staff: "staff.manage" },
  audit: "staff.disabled",
  run: async (staff, { userId }) => person(await setStaffDisabled(staff, userId, true)),
});

export const enableStaffOp = operation({
  name: "staff.enable",
  summary: "Let a disabled vendor staff member sign in again.",
  input: StaffMemberInput,
  access: { staff: "staff.manage" },
  audit: "staff.enabled",
  run: async (staff, { userId }) => person(await setStaffDisabled(staff, userId, false)),
});

export const SUPPORT_OPERATIONS = [
  detachEmailOp,
  moveInvitedUserOp,
  resendInviteOnBehalfOp,
  sendResetLinkOnBehalfOp,
  inviteStaffOp,
  disableStaffOp,
  enableStaffOp,
];
