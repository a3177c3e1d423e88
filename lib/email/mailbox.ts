import "server-only";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { linksIn } from "./links.ts";

// The development mailbox: where mail is kept when SMTP_URL is unset.

/**
 * Whether mail may be kept here and shown at /dev/mailbox, which has no
 * sign-in. The one place that decides it, for the sender and the pages.
 */
export const devMailboxEnabled = () => env().DEV_MAILBOX;

export async function listDevMailbox({ to, take = 100 }: { to?: string; take?: number } = {}) {
  const recipient = to?.trim();
  return db.devMailboxMessage.findMany({
    where: recipient ? { to: { contains: recipient, mode: "insensitive" } } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getDevMailboxMessage(id: string) {
  // The column is a uuid: anything else would be a database error, not "not found".
  if (!UUID.test(id)) return null;
  const message = await db.devMailboxMessage.findUnique({
    where: { id },
    select: { id: true, to: true, subject: true, html: true, text: true, createdAt: true },
  });
  return message && { ...message, links: linksIn(message.html) };
}
