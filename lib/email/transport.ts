import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { devMailboxEnabled } from "./mailbox.ts";
import type { RenderedEmail } from "./render.ts";

export type OutgoingEmail = RenderedEmail & { to: string };

// nodemailer's defaults let a stuck server hold a send for up to ten minutes
// per step; a send must finish well inside the outbox lock (worker.ts) or
// another instance could send the same email again. SMTP_URL query
// parameters still win.
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

let smtp: { url: string; transporter: Transporter } | undefined;

function smtpTransporter(url: string): Transporter {
  // Keyed by URL so a changed configuration (tests) gets a new transport.
  if (smtp?.url !== url) {
    const withTimeouts = new URL(url);
    for (const [name, value] of Object.entries(SMTP_TIMEOUTS)) {
      if (!withTimeouts.searchParams.has(name)) withTimeouts.searchParams.set(name, String(value));
    }
    smtp = { url, transporter: nodemailer.createTransport(withTimeouts.toString()) };
  }
  return smtp.transporter;
}

/** The one sender: SMTP when configured, otherwise the development mailbox. */
export async function sendEmail(email: OutgoingEmail): Promise<void> {
  const smtpUrl = env().SMTP_URL;
  if (smtpUrl) {
    await smtpTransporter(smtpUrl).sendMail({ from: env().MAIL_FROM, ...email });
    return;
  }
  if (!devMailboxEnabled()) {
    throw new Error("Email can't be sent: SMTP_URL is not set. Production needs an SMTP server (see .env.example).");
  }
  await db.devMailboxMessage.create({ data: email, select: { id: true } });
}
