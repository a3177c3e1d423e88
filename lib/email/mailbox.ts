import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { connectionAddressFrom } from "../security/client-address.ts";
import { linksIn } from "./links.ts";
import { mayReadDevMailbox } from "./mailbox-access.ts";

// The development mailbox: where mail is kept when SMTP_URL is unset.

/**
 * Whether mail may be kept here and shown at /dev/mailbox, which has no
 * sign-in. The one place that decides it, for the sender and the pages.
 */
export const devMailboxEnabled = () => env().DEV_MAILBOX;

/**
 * Whether the current request may see the mailbox: it is on and the
 * connection comes from this machine (mailbox-access.ts says exactly what is
 * checked). Every page of /dev/mailbox answers 404 unless this is true.
 */
export async function devMailboxOpenToThisRequest(): Promise<boolean> {
  if (!devMailboxEnabled()) return false;
  const h = await headers();
  return mayReadDevMailbox({
    connectionAddress: connectionAddressFrom(h),
    listenHost: env().HOST,
    forwardedFor: h.get("x-forwarded-for"),
    realIp: h.get("x-real-ip"),
    forwarded: h.get("forwarded"),
    clientAddressHeaders: h,
  });
}

// Only the first value of a repeated parameter counts.
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The mailbox's query string. Parsed locally for now; a shared query parser may replace it. */
export const DevMailboxQuery = z.object({
  to: z.preprocess(
    firstValue,
    z
      .string()
      .trim()
      .max(320, "Enter at most 320 characters.")
      .regex(/^[^\p{Cc}]*$/u, "Enter part of an email address, without control characters.")
      .optional(),
  ),
});

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
