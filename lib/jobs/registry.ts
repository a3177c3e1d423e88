import "server-only";
import type { ScheduledJob } from "./scheduler.ts";
import { purgeDeletedUsers, sendInvitationExpiredNotices, sendInviteReminders } from "../team/jobs.ts";
import { purgeDeletedCustomerUsers } from "../customers/customer-users.ts";
import { sendPendingNotifications } from "../notifications/digest.ts";
import { sendWeeklySummaries } from "../notifications/weekly-summary.ts";
import { pruneSpentEmails } from "../email/outbox.ts";
import { pruneDeadSessions, pruneSpentTokens } from "./retention.ts";
import { pruneRateLimitBuckets } from "../security/rate-limit.ts";
import { pruneIdempotencyRecords } from "../operations/idempotency.ts";

// Every periodic job of the portal. Each domain adds its own here.
export const SCHEDULED_JOBS: ScheduledJob[] = [
  // Team (lib/team/jobs.ts)
  { name: "team.purge-deleted-users", everyMs: 3600_000, run: () => purgeDeletedUsers() },
  { name: "team.invite-reminders", everyMs: 10 * 60_000, run: () => sendInviteReminders() },
  { name: "team.invitation-expired-notices", everyMs: 10 * 60_000, run: () => sendInvitationExpiredNotices() },
  // Customer users (lib/customers/customer-users.ts): purged 30 days after deletion.
  { name: "customers.purge-deleted-customer-users", everyMs: 3600_000, run: () => purgeDeletedCustomerUsers() },
  // Notifications (lib/notifications): license changes and new orders once a burst is over (every tick), the Monday summary.
  { name: "notifications.send-pending", everyMs: 30_000, run: () => sendPendingNotifications() },
  { name: "notifications.weekly-summary", everyMs: 3600_000, run: () => sendWeeklySummaries() },
  // Retention (lib/email/outbox.ts, lib/jobs/retention.ts): sent outbox rows, dead sessions, spent link tokens.
  { name: "email.prune-spent-outbox", everyMs: 3600_000, run: () => pruneSpentEmails() },
  { name: "auth.prune-dead-sessions", everyMs: 3600_000, run: () => pruneDeadSessions() },
  { name: "auth.prune-spent-tokens", everyMs: 3600_000, run: () => pruneSpentTokens() },
  // Rate limits (lib/security/rate-limit.ts): counters whose window is over.
  { name: "security.prune-rate-limit-buckets", everyMs: 3600_000, run: () => pruneRateLimitBuckets() },
  // API (lib/operations/idempotency.ts): Idempotency-Key answers older than 24 hours.
  { name: "api.prune-idempotency-records", everyMs: 3600_000, run: () => pruneIdempotencyRecords() },
];
