// A real SMTP server for tests (smtp-server): the portal delivers to it over
// SMTP as it would to a relay, and each accepted message is handed to the test.
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "../../scripts/support/postgres";

export type ReceivedMessage = {
  /** The envelope's sender (MAIL FROM) as sent; "" for a null sender. */
  from: string;
  /** The envelope's recipients, lower-cased. */
  to: string[];
  /** The message as it came over the wire (MIME source). */
  raw: string;
  parsed: ParsedMail;
};

/** Accepts every message on 127.0.0.1 (`port`, or a free one) once `onMessage` has taken it; a throw refuses it. */
export async function startSmtpServer(onMessage: (message: ReceivedMessage) => void | Promise<void>, port?: number) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) =>
            onMessage({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              raw: raw.toString("utf8"),
              parsed,
            }),
          )
          .then(() => callback(), callback);
      });
    },
  });
  const listenPort = port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listenPort, "127.0.0.1", () => resolve());
  });
  return { port: listenPort, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
