import "server-only";
import pino from "pino";

// The one logger (decision 0026): JSON, one line per event, through pino.
// Lines at error level and above go to stderr, the rest to stdout; both are
// written through process.stdout/process.stderr (not a file descriptor of
// pino's own), so the tests' guard (tests/support/fail-on-console-error.ts)
// sees every error line, as it sees console.error.
//
// What is logged: every unexpected request error (with its request id), every
// scheduled job run (name, duration, outcome) and every failed email delivery.
// Never a request's input: an error's message and stack only, with the
// submitted secrets taken out (serializeError's `hide`) and the usual secret
// keys redacted should an object carry them.

const streams = pino.multistream(
  [
    { level: "info", stream: { write: (line: string) => process.stdout.write(line) } },
    { level: "error", stream: { write: (line: string) => process.stderr.write(line) } },
  ],
  { dedupe: true },
);

export const log = pino(
  {
    level: "info",
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ["password", "*.password", "token", "*.token", "secret", "*.secret", "headers.cookie", "headers.authorization"],
      censor: "[redacted]",
    },
  },
  streams,
);

const REDACTED = "[redacted]";

/**
 * An error as a log field: type, message, stack, cause and its own fields
 * (pino's error serializer), with every string in `hide` (values a user
 * submitted as secrets) replaced wherever it appears.
 */
export function serializeError(error: unknown, hide: readonly string[] = []): Record<string, unknown> {
  const serialized: Record<string, unknown> =
    error instanceof Error ? pino.stdSerializers.err(error) : { type: typeof error, message: String(error) };
  const secrets = hide.filter((value) => value.length >= 4);
  if (secrets.length === 0) return serialized;
  try {
    let text = JSON.stringify(serialized);
    for (const secret of secrets) text = text.replaceAll(JSON.stringify(secret).slice(1, -1), REDACTED);
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not serializable as it is (a cycle): keep only what we can check.
    let message = String(serialized.message ?? "");
    for (const secret of secrets) message = message.replaceAll(secret, REDACTED);
    return { type: serialized.type, message };
  }
}
