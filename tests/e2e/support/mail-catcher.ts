// A real SMTP server for the end-to-end tests: the portal delivers to it over
// SMTP, and each message is parsed and kept as a JSON file that the test
// workers (other processes) read with waitForEmail().
import { writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { linksIn } from "../../../lib/email/links";
import { freePort } from "../../../scripts/support/postgres";

export type CaughtEmail = { to: string[]; subject: string; text: string; html: string; links: string[]; receivedAt: string };

export async function startMailCatcher(dir: string) {
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const html = typeof parsed.html === "string" ? parsed.html : "";
          const email: CaughtEmail = {
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html,
            links: linksIn(html),
            receivedAt: new Date().toISOString(),
          };
          const file = path.join(dir, `${Date.now()}-${String(++sequence).padStart(6, "0")}.json`);
          writeFileSync(file, JSON.stringify(email));
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
