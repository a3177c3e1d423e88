import "server-only";
import { db, type Tx } from "../db/client.ts";
import type { EmailProps, EmailTemplate } from "./templates.ts";

/** One email to write to the outbox; `props` must match the template. */
export type OutboxEmailInput = {
  [T in EmailTemplate]: { template: T; to: string; dedupeKey: string; props: EmailProps[T] };
}[EmailTemplate];

/**
 * Writes the email in the caller's transaction (STYLE §8), so it is sent if
 * and only if the change that causes it commits. The same dedupeKey twice is
 * a no-op: a retried event never mails twice. Call wakeOutboxWorker() after
 * the transaction commits.
 */
export async function enqueueEmail(tx: Tx, email: OutboxEmailInput): Promise<void> {
  await tx.outboxEmail.createMany({
    data: [{ template: email.template, to: email.to, dedupeKey: email.dedupeKey, props: email.props }],
    skipDuplicates: true,
  });
}

/** enqueueEmail for many emails at once (one INSERT; a CSV import's welcome emails). */
export async function enqueueEmails(tx: Tx, emails: readonly OutboxEmailInput[]): Promise<void> {
  if (emails.length === 0) return;
  await tx.outboxEmail.createMany({
    data: emails.map((email) => ({ template: email.template, to: email.to, dedupeKey: email.dedupeKey, props: email.props })),
    skipDuplicates: true,
  });
}

const DAY_MS = 24 * 3600_000;
/** Sent and failed rows stay this long (their dedupe keys still stop a late retry), then go. */
const OUTBOX_RETENTION_DAYS = 30;

/**
 * Deletes outbox rows sent, or given up on, more than OUTBOX_RETENTION_DAYS
 * ago (a scheduled job, lib/jobs/registry.ts). Their props were already
 * emptied by the worker; this removes the rest (recipient, template, dedupe key).
 * Pending rows are never touched.
 */
export async function pruneSpentEmails(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * DAY_MS);
  const { count } = await db.outboxEmail.deleteMany({
    where: {
      OR: [
        { status: "SENT", sentAt: { lt: cutoff } },
        { status: "FAILED", createdAt: { lt: cutoff } },
      ],
    },
  });
  return count;
}
