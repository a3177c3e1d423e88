import "server-only";
import { db, Prisma, type Tx } from "../db/client.ts";
import { can } from "../auth/permissions.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { almostFullLine } from "../licenses/seats.ts";
import type { WeeklySummaryEmailProps } from "../../emails/weekly-summary.tsx";
import { notificationSettingsUrl, portalUrl } from "./links.ts";
import { notificationRecipients } from "./recipients.ts";

// The Monday summary (decision 0017). The job runs every hour
// (lib/jobs/registry.ts); on Mondays (UTC) it writes, for each active partner
// not yet done, the previous ISO week's summary to the outbox. A row in
// WeeklySummaryRun (primary key partner × week), inserted in the same
// transaction as the emails, is the "once": a second run, or a second
// instance at the same moment, inserts nothing and mails nothing.

const DAY_MS = 86_400_000;
const LISTED_SUBSCRIPTIONS = 10;

export type IsoWeek = { key: string; start: Date; end: Date };

/** The ISO week (Monday 00:00 UTC to the next Monday) containing `date`, keyed like "2026-W48". */
export function isoWeekOf(date: Date): IsoWeek {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const start = new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS);
  const thursday = new Date(start.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { key: `${year}-W${String(week).padStart(2, "0")}`, start, end: new Date(start.getTime() + 7 * DAY_MS) };
}

/** The full week before the one containing `now`. */
export function previousIsoWeek(now: Date): IsoWeek {
  return isoWeekOf(new Date(isoWeekOf(now).start.getTime() - DAY_MS));
}

const rangeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "23–29 November 2026" */
export function weekLabel(week: IsoWeek): string {
  return rangeFormat.formatRange(week.start, new Date(week.end.getTime() - DAY_MS));
}

export type SendWeeklyOptions = {
  now?: Date;
  /** Only these partners: lets tests run the job in a shared database. */
  partnerIds?: string[];
};

/** One run of the job; returns how many emails it wrote. Nothing outside Mondays (UTC). */
export async function sendWeeklySummaries({ now = new Date(), partnerIds }: SendWeeklyOptions = {}): Promise<number> {
  if (now.getUTCDay() !== 1) return 0;
  const week = previousIsoWeek(now);
  const partners = await db.partner.findMany({
    where: { status: "ACTIVE", createdAt: { lt: week.end }, ...(partnerIds ? { id: { in: partnerIds } } : {}) },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });
  let written = 0;
  // Partners already done cost one INSERT that conflicts: the claim is the only check, so it can't disagree with itself.
  for (const partner of partners) {
    written += await db.$transaction((tx) => summarizePartner(tx, partner, week), { timeout: 60_000, maxWait: 10_000 });
  }
  if (written) wakeOutboxWorker();
  return written;
}

async function summarizePartner(tx: Tx, partner: { id: string; name: string }, week: IsoWeek): Promise<number> {
  // Waits for a concurrent run's row, then finds it there: the claim.
  const claimed = await tx.$executeRaw`
    INSERT INTO "WeeklySummaryRun" ("partnerId", "week", "createdAt") VALUES (${partner.id}::uuid, ${week.key}, ${new Date()})
    ON CONFLICT DO NOTHING`;
  if (claimed !== 1) return 0;
  const recipients = await notificationRecipients(tx, partner.id, "weekly_summary");
  if (recipients.length === 0) return 0;
  const stats = await weeklyStats(tx, partner.id, week);
  let written = 0;
  for (const recipient of recipients) {
    const team = can(recipient, "users.view") ? stats.team : undefined;
    const customers = can(recipient, "customers.view") ? stats.customers : undefined;
    // A week with nothing to tell is not worth an email.
    const nothing = [...Object.values(team ?? {}), ...Object.values(customers ?? {}).filter((v) => typeof v === "number")].every((v) => v === 0);
    if (nothing) continue;
    await enqueueEmail(tx, {
      template: "weekly-summary",
      to: recipient.email,
      dedupeKey: `weekly-summary:${partner.id}:${week.key}:${recipient.id}`,
      props: {
        firstName: recipient.firstName,
        organizationName: partner.name,
        weekLabel: weekLabel(week),
        team,
        customers,
        portalUrl: portalUrl("/"),
        settingsUrl: notificationSettingsUrl(),
      },
    });
    written += 1;
  }
  return written;
}

type Counts = {
  invited: number;
  accepted: number;
  members_deleted: number;
  users_added: number;
  users_deleted: number;
  licenses_assigned: number;
  licenses_revoked: number;
};

/**
 * The week's figures: activity from the audit log (DESIGN §8: every change
 * writes one), expired invitations and orders from their tables, and the
 * subscriptions almost full as they are now.
 */
async function weeklyStats(tx: Tx, partnerId: string, week: IsoWeek): Promise<Required<Pick<WeeklySummaryEmailProps, "team" | "customers">>> {
  // How many licenses each audited action assigned or revoked, from what it recorded: `changes` is
  // { field: { from, to } }, or the bare value in an event written before that shape (events are never rewritten).
  const arrayLength = (field: "assigned" | "revoked" | "productIds" | "licenses" | "licensesRestored" | "licensesAtDeletion") => {
    const value = `coalesce("changes"->'${field}'->'to', "changes"->'${field}')`;
    return Prisma.raw(`CASE WHEN jsonb_typeof(${value}) = 'array' THEN jsonb_array_length(${value}) ELSE 0 END`);
  };
  const [counts] = await tx.$queryRaw<Counts[]>`
    SELECT
       count(*) FILTER (WHERE "action" = 'user.invited')::int AS invited,
       count(*) FILTER (WHERE "action" = 'user.activated')::int AS accepted,
       count(*) FILTER (WHERE "action" = 'user.deleted')::int AS members_deleted,
       count(*) FILTER (WHERE "action" IN ('customer_user.created', 'customer_user.imported'))::int AS users_added,
       count(*) FILTER (WHERE "action" = 'customer_user.deleted')::int AS users_deleted,
       coalesce(sum(CASE "action"
         WHEN 'license.assigned' THEN 1
         WHEN 'license.changed' THEN ${arrayLength("assigned")}
         WHEN 'customer_user.created' THEN ${arrayLength("productIds")}
         WHEN 'customer_user.imported' THEN ${arrayLength("licenses")}
         WHEN 'customer_user.restored' THEN ${arrayLength("licensesRestored")}
         ELSE 0 END), 0)::int AS licenses_assigned,
       coalesce(sum(CASE "action"
         WHEN 'license.changed' THEN ${arrayLength("revoked")}
         WHEN 'customer_user.deleted' THEN ${arrayLength("licensesAtDeletion")}
         ELSE 0 END), 0)::int AS licenses_revoked
     FROM "AuditEvent"
     WHERE "partnerId" = ${partnerId}::uuid AND "at" >= ${week.start} AND "at" < ${week.end}`;
  // Invitations whose newest link ran out unused during the week (as the "invitation expired" notice counts them),
  // and not merely will: a link that runs out later hasn't expired yet.
  const expiredBy = new Date(Math.min(week.end.getTime(), Date.now()));
  const [{ expired }] = await tx.$queryRaw<{ expired: number }[]>`
    SELECT count(DISTINCT u."id")::int AS expired
    FROM "User" u JOIN "UserToken" t ON t."userId" = u."id" AND t."purpose" = 'ACTIVATION'
    WHERE u."partnerId" = ${partnerId}::uuid AND u."kind" = 'PARTNER' AND u."deletedAt" IS NULL
      AND t."usedAt" IS NULL AND t."expiresAt" >= ${week.start} AND t."expiresAt" < ${expiredBy}
      AND NOT EXISTS (
        SELECT 1 FROM "UserToken" n
        WHERE n."userId" = u."id" AND n."purpose" = 'ACTIVATION' AND n."createdAt" > t."createdAt")`;
  const [orders] = await tx.$queryRaw<{ orders: number; seats: number }[]>`
    SELECT count(DISTINCT o."id")::int AS orders, coalesce(sum(l."seats"), 0)::int AS seats
    FROM "Order" o LEFT JOIN "OrderLine" l ON l."orderId" = o."id"
    WHERE o."partnerId" = ${partnerId}::uuid AND o."createdAt" >= ${week.start} AND o."createdAt" < ${week.end}`;
  const subscriptions = await tx.subscription.findMany({
    where: { partnerId, purchased: { gt: 0 }, assigned: { gt: 0 } },
    select: { assigned: true, purchased: true, customer: { select: { name: true } }, product: { select: { name: true } } },
  });
  const nearlyFull = subscriptions
    .filter((s) => s.assigned >= almostFullLine(s.purchased))
    .sort((a, b) => b.assigned / b.purchased - a.assigned / a.purchased || a.customer.name.localeCompare(b.customer.name));

  return {
    team: {
      invitationsSent: counts.invited,
      invitationsAccepted: counts.accepted,
      invitationsExpired: expired,
      membersDeleted: counts.members_deleted,
    },
    customers: {
      usersAdded: counts.users_added,
      usersDeleted: counts.users_deleted,
      licensesAssigned: counts.licenses_assigned,
      licensesRevoked: counts.licenses_revoked,
      orders: orders.orders,
      seatsOrdered: orders.seats,
      nearlyFull: nearlyFull
        .slice(0, LISTED_SUBSCRIPTIONS)
        .map((s) => ({ customerName: s.customer.name, productName: s.product.name, assigned: s.assigned, purchased: s.purchased })),
      nearlyFullTotal: nearlyFull.length,
    },
  };
}
