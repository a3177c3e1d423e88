// The authorization matrix: every server-side entry point × every partner
// role → "allowed" or "refused". tests/integration/authorization-matrix.test.ts
// walks it cell by cell. Other domains add their rows at the end (one object
// per action; `run` performs the action as `actor` on fresh data of `partner`).
import type { PartnerCaller } from "@/lib/auth/caller";
import type { PartnerRoleKey } from "@/lib/auth/permissions";
import { inviteTeamMember, resendInvite } from "@/lib/team/invite";
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
} from "@/lib/team/manage";
import { listTeamPage } from "@/lib/team/queries";
import { listPartnerAuditEvents } from "@/lib/team/audit-log";
import { requestEmailChange } from "@/lib/auth/email-change";
import { AuditFilters } from "@/lib/audit/queries";
import { EditUserInput, InviteUserInput, RestoreUserInput } from "@/lib/team/schemas";
import { createPartnerUser, uniqueEmail } from "../support/factories";

export type MatrixRole = PartnerRoleKey;
export type Outcome = "allowed" | "refused";

export type MatrixContext = {
  partnerId: string;
  /** The partner's primary Partner Admin, to prepare data. */
  admin: PartnerCaller;
  /** Who performs the action: a user with the cell's role. */
  actor: PartnerCaller;
  /** A fresh team member of the same partner. */
  member: (overrides?: Parameters<typeof createPartnerUser>[1]) => ReturnType<typeof createPartnerUser>;
};

export type MatrixRow = { action: string; expect: Record<MatrixRole, Outcome>; run: (ctx: MatrixContext) => Promise<unknown> };

const onlyAdmin: Record<MatrixRole, Outcome> = { partner_admin: "allowed", account_executive: "refused", sales: "refused", read_only: "refused" };
const viewers: Record<MatrixRole, Outcome> = { partner_admin: "allowed", account_executive: "refused", sales: "refused", read_only: "allowed" };
const everyone: Record<MatrixRole, Outcome> = { partner_admin: "allowed", account_executive: "allowed", sales: "allowed", read_only: "allowed" };

export const AUTHORIZATION_MATRIX: MatrixRow[] = [
  { action: "team.list", expect: viewers, run: ({ actor }) => listTeamPage(actor, {}) },
  { action: "team.view member", expect: viewers, run: async (ctx) => getTeamMemberOrThrow(ctx.actor, (await ctx.member()).id) },
  {
    action: "team.invite",
    expect: onlyAdmin,
    run: ({ actor }) => inviteTeamMember(actor, InviteUserInput.parse({ firstName: "M", lastName: "X", email: uniqueEmail("mx"), role: "read_only" })),
  },
  { action: "team.resend invite", expect: onlyAdmin, run: async (ctx) => resendInvite(ctx.actor, (await ctx.member({ status: "INVITED" })).id) },
  {
    action: "team.edit",
    expect: onlyAdmin,
    run: async (ctx) => {
      const user = await ctx.member({ role: "read_only" });
      return updateTeamMember(ctx.actor, EditUserInput.parse({ userId: user.id, firstName: "E", lastName: "D", role: "read_only", notifications: [] }));
    },
  },
  { action: "team.disable", expect: onlyAdmin, run: async (ctx) => disableTeamMember(ctx.actor, (await ctx.member({ role: "sales" })).id) },
  { action: "team.enable", expect: onlyAdmin, run: async (ctx) => enableTeamMember(ctx.actor, (await ctx.member({ status: "DISABLED" })).id) },
  { action: "team.delete", expect: onlyAdmin, run: async (ctx) => deleteTeamMember(ctx.actor, (await ctx.member({ role: "sales" })).id) },
  { action: "team.list deleted", expect: onlyAdmin, run: ({ actor }) => listDeletedMembers(actor) },
  {
    action: "team.restore",
    expect: onlyAdmin,
    run: async (ctx) => {
      const user = await ctx.member({ role: "sales" });
      await deleteTeamMember(ctx.admin, user.id);
      return restoreTeamMember(ctx.actor, RestoreUserInput.parse({ userId: user.id }));
    },
  },
  { action: "team.transfer primary", expect: onlyAdmin, run: async (ctx) => transferPrimaryUser(ctx.actor, (await ctx.member()).id) },
  { action: "team.send reset link", expect: onlyAdmin, run: async (ctx) => sendResetLinkToMember(ctx.actor, (await ctx.member({ role: "sales" })).id) },
  { action: "team.invite reminders switch", expect: onlyAdmin, run: ({ actor }) => setInviteReminders(actor, false) },
  { action: "account.own notifications", expect: everyone, run: ({ actor }) => updateOwnNotifications(actor, ["weekly_summary"]) },
  { action: "account.change own email", expect: everyone, run: ({ actor }) => requestEmailChange(actor, actor.userId, uniqueEmail("own")) },
  {
    action: "team.change someone's email",
    expect: onlyAdmin,
    run: async (ctx) => requestEmailChange(ctx.actor, (await ctx.member({ role: "sales" })).id, uniqueEmail("other")),
  },
  { action: "audit.list", expect: onlyAdmin, run: ({ actor }) => listPartnerAuditEvents(actor, AuditFilters.parse({})) },
];

