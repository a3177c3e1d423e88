import "server-only";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { env } from "../env.ts";
import { sendActivationEmail } from "./invite.ts";
import { purgeDeletedAccounts } from "../accounts/soft-delete.ts";
import { notifyInvitationStatus } from "./notify.ts";

// The team's scheduled work (lib/jobs/registry.ts). Each job may run on any
// instance and may run twice (a lease can expire mid-run): every step is
// guarded so a second run changes nothing.

const DAY_MS = 24 * 3600_000;
const SYSTEM = { userId: null, partnerId: null, userAgent: "scheduled job" };

/** Removes team members past the restore window, each with a "user.purged" audit event (lib/accounts/soft-delete.ts). */
export function purgeDeletedUsers(now = new Date()) {
  return purgeDeletedAccounts("PARTNER", now);
}

/**
 * One reminder email, a configurable while after the invitation, to invitees
 * who haven't activated, unless their partner switched reminders off. The
 * reminder carries a fresh link (earlier links stop working).
 */
export async function sendInviteReminders(now = new Date()) {
  const due = new Date(now.getTime() - env().INVITE_REMINDER_AFTER_HOURS * 3600_000);
  const users = await db.user.findMany({
    where: {
      kind: "PARTNER",
      status: "INVITED",
      deletedAt: null,
      inviteReminderSentAt: null,
      createdAt: { lte: due },
      partner: { inviteRemindersEnabled: true, status: "ACTIVE" },
      // Only invitations still open: an expired one gets the "expired" notice instead.
      tokens: { some: { purpose: "ACTIVATION", usedAt: null, expiresAt: { gt: now } } },
    },
    select: { id: true, firstName: true, email: true, partnerId: true, invitedById: true, partner: { select: { name: true } } },
    take: 500,
  });
  let sent = 0;
  for (const user of users) {
    const claimed = await db.$transaction(async (tx) => {
      // The guarded update is the "once": a parallel run finds nothing to claim.
      const { count } = await tx.user.updateMany({
        where: { id: user.id, inviteReminderSentAt: null, status: "INVITED", deletedAt: null },
        data: { inviteReminderSentAt: now },
      });
      if (count !== 1) return false;
      const inviter = user.invitedById
        ? await tx.user.findUnique({ where: { id: user.invitedById }, select: { firstName: true, lastName: true } })
        : null;
      await sendActivationEmail(
        tx,
        { userId: null, firstName: inviter?.firstName, lastName: inviter?.lastName, partnerName: user.partner?.name },
        user,
        "invite-reminder",
      );
      await recordAudit(tx, { ...SYSTEM, partnerId: user.partnerId }, { action: "user.invite_reminder_sent", target: { type: "user", id: user.id } });
      return true;
    });
    if (claimed) sent += 1;
  }
  if (sent) wakeOutboxWorker();
  return sent;
}

/**
 * Tells opted-in admins when an invitation ran out unused. Looks at links
 * that expired in the last week and are still the invitee's newest; the
 * outbox dedupe key (link × recipient) keeps it to one email each.
 */
export async function sendInvitationExpiredNotices(now = new Date()) {
  const since = new Date(now.getTime() - 7 * DAY_MS);
  const users = await db.user.findMany({
    where: {
      kind: "PARTNER",
      status: "INVITED",
      deletedAt: null,
      partnerId: { not: null },
      tokens: {
        some: { purpose: "ACTIVATION", usedAt: null, expiresAt: { gt: since, lte: now } },
        none: { purpose: "ACTIVATION", expiresAt: { gt: now } },
      },
    },
    select: {
      id: true,
      partnerId: true,
      tokens: { where: { purpose: "ACTIVATION" }, orderBy: { createdAt: "desc" }, take: 1, select: { id: true, usedAt: true } },
    },
    take: 500,
  });
  let notified = 0;
  for (const user of users) {
    const link = user.tokens[0];
    const partnerId = user.partnerId;
    if (!link || link.usedAt || !partnerId) continue;
    await db.$transaction(async (tx) => {
      notified += await notifyInvitationStatus(tx, partnerId, user.id, "expired", link.id);
    });
  }
  if (notified) wakeOutboxWorker();
  return notified;
}
