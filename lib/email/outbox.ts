import "server-only";
import type { Tx } from "../db/client.ts";
import type { EmailProps, EmailTemplate } from "./templates.ts";

export type { EmailTemplate } from "./templates.ts";

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
