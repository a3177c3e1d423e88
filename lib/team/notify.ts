import "server-only";
import type { Tx } from "../db/client.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { env } from "../env.ts";
import { notificationRecipients } from "../notifications/recipients.ts";

/**
 * Tells the partner's admins who opted in that an invitation was accepted or
 * expired. The dedupe key (per invitation link and recipient) makes a re-run
 * of the expiry job send nothing twice.
 */
export async function notifyInvitationStatus(
  tx: Tx,
  partnerId: string,
  inviteeId: string,
  event: "accepted" | "expired",
  linkId: string,
) {
  const invitee = await tx.user.findUnique({ where: { id: inviteeId }, select: { firstName: true, lastName: true, email: true, kind: true } });
  // Team invitations only: a customer user activating from a welcome email is no news for the team (decision 0024).
  if (!invitee || invitee.kind !== "PARTNER") return 0;
  const kind = event === "accepted" ? "invitation_accepted" : "invitation_expired";
  const recipients = (await notificationRecipients(tx, partnerId, kind)).filter((r) => r.id !== inviteeId);
  for (const recipient of recipients) {
    await enqueueEmail(tx, {
      template: "invitation-status",
      to: recipient.email,
      dedupeKey: `invitation-${event}:${linkId}:${recipient.id}`,
      props: {
        firstName: recipient.firstName,
        event,
        inviteeName: `${invitee.firstName} ${invitee.lastName}`,
        inviteeEmail: invitee.email,
        teamUrl: new URL("/team", env().APP_URL).toString(),
      },
    });
  }
  return recipients.length;
}
