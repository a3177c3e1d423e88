// A real SMTP server for the end-to-end tests: the portal delivers to it over
// SMTP, and each message is parsed and kept as a JSON file that the test
// workers (other processes) read with waitForEmail().
import { writeFileSync } from "node:fs";
import path from "node:path";
import { linksIn } from "../../../lib/email/links";
import { startSmtpServer } from "../../support/smtp-server";

export type CaughtEmail = { to: string[]; subject: string; text: string; html: string; links: string[]; receivedAt: string };

export async function startMailCatcher(dir: string) {
  let sequence = 0;
  return startSmtpServer(({ to, parsed }) => {
    const html = typeof parsed.html === "string" ? parsed.html : "";
    const email: CaughtEmail = {
      to,
      subject: parsed.subject ?? "",
      text: parsed.text ?? "",
      html,
      links: linksIn(html),
      receivedAt: new Date().toISOString(),
    };
    writeFileSync(path.join(dir, `${Date.now()}-${String(++sequence).padStart(6, "0")}.json`), JSON.stringify(email));
  });
}
