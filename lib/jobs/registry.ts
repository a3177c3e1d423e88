import "server-only";
import type { ScheduledJob } from "./scheduler.ts";
import { purgeDeletedUsers, sendInvitationExpiredNotices, sendInviteReminders } from "../team/jobs.ts";
import { purgeDeletedCustomerUsers } from "../customers/customer-users.ts";

// Every periodic job of the portal. Each domain adds its own here.
export const SCHEDULED_JOBS: ScheduledJob[] = [
  // Team (lib/team/jobs.ts)
  { name: "team.purge-deleted-users", everyMs: 3600_000, run: () => purgeDeletedUsers() },
  { name: "team.invite-reminders", everyMs: 10 * 60_000, run: () => sendInviteReminders() },
  { name: "team.invitation-expired-notices", everyMs: 10 * 60_000, run: () => sendInvitationExpiredNotices() },
  // Customer users (lib/customers/customer-users.ts): purged 30 days after deletion.
  { name: "customers.purge-deleted-customer-users", everyMs: 3600_000, run: () => purgeDeletedCustomerUsers() },
];
