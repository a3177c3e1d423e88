import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { DevMailboxQuery, listDevMailbox } from "@/lib/email/mailbox";
import { enqueueEmail } from "@/lib/email/outbox";
import { deliverDueEmails } from "@/lib/email/worker";
import { env, resetEnvCacheForTests } from "@/lib/env";
import { findUsableToken } from "@/lib/auth/user-tokens";
import { inviteTeamMember } from "@/lib/team/invite";
import { InviteUserInput } from "@/lib/team/schemas";
import { createPartner, uniqueEmail } from "../support/factories";
import { captureErrorLogs } from "../support/logs";
import { type ReceivedMessage, startSmtpServer } from "../support/smtp-server";

// The real outbox, worker and nodemailer against a real SMTP server on
// 127.0.0.1. Every pass is limited to this file's recipients, because other
// test files share the database.

function useSmtpUrl(url: string | undefined) {
  if (url === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = url;
  resetEnvCacheForTests();
}

const originalSmtpUrl = process.env.SMTP_URL;
/** Every message the SMTP server accepted, in order. */
const received: ReceivedMessage[] = [];
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let closedPort: number;

beforeAll(async () => {
  smtp = await startSmtpServer((message) => {
    received.push(message);
  });
  // A port nothing listens on: the "SMTP server is down" case.
  const gone = await startSmtpServer(() => {});
  closedPort = gone.port;
  await gone.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  useSmtpUrl(originalSmtpUrl);
  await smtp?.close();
});

function activation(to: string, dedupeKey = `test:${randomUUID()}`) {
  return {
    template: "activation" as const,
    to,
    dedupeKey,
    props: {
      firstName: "Olive",
      invitedByName: "Alice Admin",
      partnerName: "Outbox Testers",
      activationUrl: `http://localhost:3000/activate/${randomUUID()}`,
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    },
  };
}

describe("the email outbox", () => {
  it("writes nothing when the enqueuing transaction rolls back", async () => {
    const to = uniqueEmail("rollback");
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, activation(to));
        throw new Error("change refused");
      }),
    ).rejects.toThrow("change refused");

    expect(await db.outboxEmail.count({ where: { to } })).toBe(0);
    useSmtpUrl(`smtp://127.0.0.1:${smtp.port}`);
    expect(await deliverDueEmails({ recipients: [to] })).toBe(0);
    expect(received.filter((mail) => mail.to.includes(to))).toHaveLength(0);
  });

  it("keeps one row for a repeated dedupe key, without an error", async () => {
    const to = uniqueEmail("dedupe");
    const email = activation(to);
    await db.$transaction(async (tx) => {
      await enqueueEmail(tx, email);
      await enqueueEmail(tx, email);
    });
    await db.$transaction((tx) => enqueueEmail(tx, { ...email, to: uniqueEmail("other") }));

    expect(await db.outboxEmail.count({ where: { dedupeKey: email.dedupeKey } })).toBe(1);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } })).toMatchObject({
      to,
      template: "activation",
      status: "PENDING",
      attempts: 0,
      props: email.props,
    });
  });

  it("delivers each email exactly once over SMTP, even with two passes at the same time", async () => {
    useSmtpUrl(`smtp://127.0.0.1:${smtp.port}`);
    const emails = Array.from({ length: 6 }, (_, i) => activation(uniqueEmail(`once${i}`)));
    const recipients = emails.map((email) => email.to);
    await db.$transaction(async (tx) => {
      for (const email of emails) await enqueueEmail(tx, email);
    });

    const [first, second] = await Promise.all([
      deliverDueEmails({ recipients }),
      deliverDueEmails({ recipients }),
    ]);
    expect(first + second).toBe(emails.length);
    expect(await deliverDueEmails({ recipients })).toBe(0);

    for (const email of emails) {
      const mails = received.filter((mail) => mail.to.includes(email.to));
      expect(mails).toHaveLength(1);
      // Undo quoted-printable soft line breaks, which may split a long URL.
      const raw = mails[0].raw.replace(/=\r?\n/g, "");
      expect(raw).toMatch(/^Subject: You're invited to join Outbox Testers on Partner Portal/m);
      expect(raw).toContain(email.props.activationUrl);
      expect(raw).toMatch(/^Content-Type: text\/plain/m);
      expect(raw).toMatch(/^Content-Type: text\/html/m);
      expect(mails[0].from).toBe(env().MAIL_FROM.match(/<(.+)>/)?.[1] ?? env().MAIL_FROM);
    }
    const rows = await db.outboxEmail.findMany({ where: { to: { in: recipients } } });
    expect(rows).toHaveLength(emails.length);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "SENT", attempts: 1, lockedUntil: null, lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
    }
  });

  it("keeps no usable link in the outbox once an invitation is delivered over SMTP", async () => {
    useSmtpUrl(`smtp://127.0.0.1:${smtp.port}`);
    const { caller } = await createPartner();
    const to = uniqueEmail("spent");
    await inviteTeamMember(caller, InviteUserInput.parse({ firstName: "Ivy", lastName: "Invitee", email: to, role: "sales" }));

    expect(await deliverDueEmails({ recipients: [to] })).toBe(1);
    const raw = received.find((mail) => mail.to.includes(to))!.raw.replace(/=\r?\n/g, "");
    const token = raw.match(/\/activate\/([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeTruthy();
    // The link the invitee got works …
    expect(await findUsableToken(token!, "ACTIVATION")).not.toBeNull();
    // … and nothing in the outbox could rebuild it.
    const rows = await db.outboxEmail.findMany({ where: { to } });
    expect(rows.map((row) => row.status)).toEqual(["SENT"]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].props).toEqual({});
  });

  it("keeps the email when SMTP is down and delivers it on a later pass once due", async () => {
    const errors = captureErrorLogs();
    const to = uniqueEmail("down");
    const email = activation(to);
    await db.$transaction((tx) => enqueueEmail(tx, email));

    useSmtpUrl(`smtp://127.0.0.1:${closedPort}`);
    const before = Date.now();
    expect(await deliverDueEmails({ recipients: [to] })).toBe(0);

    const failed = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null, sentAt: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(before + 20_000);
    // One error line for the failed delivery (the tests' guard sees it), with the row's id, never the address.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ outboxEmailId: failed.id, template: "activation", attempt: 1, outcome: "retrying" });
    expect(errors[0].raw).not.toContain(to);

    // Not due yet: a pass right away leaves it alone, even with SMTP back.
    useSmtpUrl(`smtp://127.0.0.1:${smtp.port}`);
    expect(await deliverDueEmails({ recipients: [to] })).toBe(0);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } })).toMatchObject({ attempts: 1 });

    await db.outboxEmail.update({ where: { dedupeKey: email.dedupeKey }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await deliverDueEmails({ recipients: [to] })).toBe(1);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
    expect(received.filter((mail) => mail.to.includes(to))).toHaveLength(1);
  });

  it("gives up after the last attempt and marks the email FAILED", async () => {
    const errors = captureErrorLogs();
    const to = uniqueEmail("giveup");
    const email = activation(to);
    await db.$transaction((tx) => enqueueEmail(tx, email));
    await db.outboxEmail.update({ where: { dedupeKey: email.dedupeKey }, data: { attempts: 7 } });

    useSmtpUrl(`smtp://127.0.0.1:${closedPort}`);
    expect(await deliverDueEmails({ recipients: [to] })).toBe(0);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } })).toMatchObject({
      status: "FAILED",
      attempts: 8,
    });
    expect(errors).toEqual([expect.objectContaining({ outcome: "failed", attempt: 8, msg: expect.stringMatching(/giving up/) })]);
    // Never delivered, never sent again: the link it carried is dropped too.
    expect(JSON.stringify(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } }))).not.toContain(
      email.props.activationUrl,
    );

    await db.outboxEmail.update({ where: { dedupeKey: email.dedupeKey }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    useSmtpUrl(`smtp://127.0.0.1:${smtp.port}`);
    expect(await deliverDueEmails({ recipients: [to] })).toBe(0);
  });

  it("keeps mail in the development mailbox when SMTP_URL is not set", async () => {
    useSmtpUrl(undefined);
    const to = uniqueEmail("devbox");
    const email = activation(to);
    await db.$transaction((tx) => enqueueEmail(tx, email));

    expect(await deliverDueEmails({ recipients: [to] })).toBe(1);
    const stored = await db.devMailboxMessage.findFirstOrThrow({ where: { to } });
    expect(stored.subject).toMatch(/invit/i);
    expect(stored.text).toContain(email.props.activationUrl);
    expect(stored.html).toContain(`href="${email.props.activationUrl}"`);
    // The mailbox copy is the delivered email; the outbox row keeps no link.
    expect(JSON.stringify(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } }))).not.toContain(
      email.props.activationUrl,
    );
  });

  it("ignores a mailbox filter that can't be a recipient (?to=%00) instead of failing", async () => {
    const to = uniqueEmail("filter");
    await db.devMailboxMessage.create({ data: { to, subject: "Hello", html: "<p>hi</p>", text: "hi" } });
    const bad = DevMailboxQuery.safeParse(Object.fromEntries(new URLSearchParams("to=%00")));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/control characters/);
    expect(DevMailboxQuery.safeParse({ to: "x".repeat(400) }).success).toBe(false);

    const good = DevMailboxQuery.parse({ to: [` ${to} `, "ignored"] });
    expect(good.to).toBe(to);
    expect((await listDevMailbox({ to: good.to })).map((message) => message.to)).toEqual([to]);
  });
});
