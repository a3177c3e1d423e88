// A user's display status and the invitation action it offers: the one
// derivation read by the partner's Team page, the vendor console (partner
// detail, account lookup) and any other list of accounts (decision 0025).
// Pure data and pure functions: safe in server and client components.

type UserStatus = "INVITED" | "ACTIVE" | "DISABLED";
export type DisplayStatusKey = "ACTIVE" | "INVITED" | "INVITATION_EXPIRED" | "DISABLED" | "DELETED";

export const DISPLAY_STATUSES: Record<DisplayStatusKey, { label: string; tone: "green" | "blue" | "amber" | "gray" | "red" }> = {
  ACTIVE: { label: "Active", tone: "green" },
  INVITED: { label: "Invited", tone: "blue" },
  INVITATION_EXPIRED: { label: "Invitation expired", tone: "amber" },
  DISABLED: { label: "Disabled", tone: "gray" },
  DELETED: { label: "Deleted", tone: "red" },
};

export type StatusFacts = {
  status: UserStatus;
  deletedAt?: Date | null;
  /**
   * When the newest unused activation link stops working (`newestOpenInvitation`),
   * or null when the invitee has no unused link at all. Read only for INVITED users.
   */
  invitationExpiresAt?: Date | null;
};

export type DisplayStatus = {
  key: DisplayStatusKey;
  label: string;
  /** For an invited user: when the newest link stops (or stopped) working; null without a link. */
  invitationExpiresAt: Date | null;
  /**
   * The invitation action this status offers: "Re-invite" once the invitation
   * can no longer be accepted, "Resend invite" while it can; null otherwise.
   * Whether the viewer may use it is the caller's own check (permissions, ceiling).
   */
  inviteAction: "Re-invite" | "Resend invite" | null;
};

/**
 * What a person sees as the user's status. An invited user without an unused
 * link that still works can't activate: "Invitation expired" (a user never
 * sees "invalid"), offering Re-invite. Deleted wins over everything.
 */
export function displayStatus(user: StatusFacts, now: Date = new Date()): DisplayStatus {
  if (user.deletedAt) return make("DELETED", null, null);
  if (user.status === "INVITED") {
    const expiresAt = user.invitationExpiresAt ?? null;
    const expired = !expiresAt || expiresAt.getTime() <= now.getTime();
    return expired ? make("INVITATION_EXPIRED", expiresAt, "Re-invite") : make("INVITED", expiresAt, "Resend invite");
  }
  return make(user.status, null, null);
}

function make(key: DisplayStatusKey, invitationExpiresAt: Date | null, inviteAction: DisplayStatus["inviteAction"]): DisplayStatus {
  return { key, label: DISPLAY_STATUSES[key].label, invitationExpiresAt, inviteAction };
}

/**
 * The Prisma `select` of a user's newest unused activation link, whose expiry
 * `displayStatus` reads: `tokens: NEWEST_OPEN_INVITATION`, then
 * `invitationExpiresAt: newestOpenInvitation(user.tokens)`.
 */
export const NEWEST_OPEN_INVITATION = {
  where: { purpose: "ACTIVATION", usedAt: null },
  orderBy: { createdAt: "desc" },
  take: 1,
  select: { expiresAt: true },
} as const;

export function newestOpenInvitation(tokens: readonly { expiresAt: Date }[] | undefined): Date | null {
  return tokens?.[0]?.expiresAt ?? null;
}
