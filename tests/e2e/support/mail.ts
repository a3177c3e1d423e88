import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CaughtEmail } from "./mail-catcher";

/**
 * The newest email the SMTP server received for `to` whose subject matches,
 * waiting for the portal's outbox worker to deliver it.
 */
export async function waitForEmail({ to, subject, timeoutMs = 15_000 }: { to: string; subject?: RegExp; timeoutMs?: number }) {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run the tests through playwright.config.ts");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = readdirSync(dir).sort().reverse();
    for (const file of files) {
      const email = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CaughtEmail;
      if (email.to.includes(to.toLowerCase()) && (!subject || subject.test(email.subject))) return email;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No email to ${to}${subject ? ` matching ${subject}` : ""} arrived within ${timeoutMs} ms`);
}
