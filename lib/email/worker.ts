import "server-only";
import { db, Prisma } from "../db/client.ts";
import { env } from "../env.ts";
import { log, serializeError } from "../observability/log.ts";
import { renderEmail } from "./render.ts";
import { isEmailTemplate } from "./templates.ts";
import { sendEmail } from "./transport.ts";

// Delivers the outbox (STYLE §8). Rows are claimed with FOR UPDATE SKIP LOCKED
// plus a lease (lockedUntil), so several app instances never send the same
// row at once; a row whose instance died mid-send is retried once its lease
// runs out. The lease must outlast a send (see SMTP timeouts in transport.ts).

const BATCH_SIZE = 20;
const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3600_000;
const MAX_ERROR_LENGTH = 1000;
// Once a row is sent or given up, its props (activation, reset and email-change
// links; sealed temporary passwords) are of no more use and would only be a
// way in for whoever reads the table (DESIGN §10): they are replaced by this.
// The dev mailbox keeps its own rendered copy (DevMailboxMessage). Decision 0014.
const SPENT_PROPS = {};

type ClaimedEmail = { id: string; template: string; to: string; props: unknown; attempts: number };

export type DeliverOptions = {
  limit?: number;
  /** Only these recipients: lets tests deliver their own rows in a shared database. */
  recipients?: string[];
};

/** One delivery pass; returns how many emails were sent. */
export async function deliverDueEmails({ limit = BATCH_SIZE, recipients }: DeliverOptions = {}): Promise<number> {
  const claimed = await db.$queryRaw<ClaimedEmail[]>`
    UPDATE "OutboxEmail"
    SET "lockedUntil" = now() + interval '10 minutes', "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'PENDING'
        AND "nextAttemptAt" <= now()
        AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
        ${recipients ? Prisma.sql`AND "to" = ANY(${recipients})` : Prisma.empty}
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "template", "to", "props", "attempts"`;
  // In parallel, so every send of the batch finishes well inside its lease.
  const sent = await Promise.all(claimed.map(deliver));
  return sent.filter(Boolean).length;
}

async function deliver(email: ClaimedEmail): Promise<boolean> {
  try {
    // An unknown name is retried, not dropped: during a rolling deploy an
    // older instance may claim mail written by a newer one.
    if (!isEmailTemplate(email.template)) throw new Error(`Unknown email template "${email.template}"`);
    const rendered = await renderEmail(email.template, email.props as never);
    await sendEmail({ to: email.to, ...rendered });
  } catch (error) {
    await recordFailure(email, error);
    return false;
  }
  await db.outboxEmail.update({
    where: { id: email.id },
    data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null, props: SPENT_PROPS },
    select: { id: true },
  });
  return true;
}

async function recordFailure(email: ClaimedEmail, error: unknown) {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
  const givingUp = email.attempts >= MAX_ATTEMPTS;
  const retryInMs = Math.min(FIRST_RETRY_MS * 2 ** (email.attempts - 1), MAX_RETRY_MS);
  await db.outboxEmail.update({
    where: { id: email.id },
    data: {
      status: givingUp ? "FAILED" : "PENDING",
      ...(givingUp ? { props: SPENT_PROPS } : {}),
      lastError: message,
      nextAttemptAt: new Date(Date.now() + retryInMs),
      lockedUntil: null,
    },
    select: { id: true },
  });
  // Never the address or the props: the row's id finds them.
  log.error(
    {
      outboxEmailId: email.id,
      template: email.template,
      attempt: email.attempts,
      outcome: givingUp ? "failed" : "retrying",
      ...(givingUp ? {} : { retryInSeconds: Math.round(retryInMs / 1000) }),
      err: serializeError(error),
    },
    givingUp ? "Email delivery failed; giving up" : "Email delivery failed; retrying",
  );
}

// Kept on globalThis: instrumentation.ts and the route bundles can load this
// module separately, and a wake-up from a server action must reach the loop
// that instrumentation started.
type WorkerState = { started: boolean; running: boolean; again: boolean; intervalMs: number; timer?: NodeJS.Timeout };
const state: WorkerState = ((globalThis as { __outboxWorker?: WorkerState }).__outboxWorker ??= {
  started: false,
  running: false,
  again: false,
  intervalMs: 1000,
});

/** Starts polling the outbox in this process; once per process, if enabled. */
export function startOutboxWorker() {
  if (state.started || !env().OUTBOX_WORKER_ENABLED) return;
  state.started = true;
  state.intervalMs = env().OUTBOX_POLL_INTERVAL_MS;
  void runPasses();
}

/** After a transaction that enqueued mail commits: deliver now rather than at the next poll. */
export function wakeOutboxWorker() {
  if (state.started) void runPasses();
}

async function runPasses() {
  // A wake-up during a pass asks for one more pass, never a second concurrent one.
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  clearTimeout(state.timer);
  try {
    do {
      state.again = false;
      await deliverDueEmails();
    } while (state.again);
  } catch (error) {
    log.error({ outcome: "retrying", err: serializeError(error) }, "Outbox delivery pass failed; retrying at the next poll");
  } finally {
    state.running = false;
    state.timer = setTimeout(() => void runPasses(), state.intervalMs); // runPasses catches and logs its own failures
    state.timer.unref();
  }
}
