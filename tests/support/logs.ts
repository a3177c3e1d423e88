// Reading what lib/observability/log.ts writes: one JSON object per line,
// error level (50) and above on process.stderr.
import { vi } from "vitest";

export type LogLine = { level: number; msg: string; requestId?: string; err?: { type?: string; message?: string; stack?: string } } & Record<
  string,
  unknown
>;

const ERROR_LEVEL = 50;

/** The logger's lines at error level or above in a chunk written to stderr. */
export function errorLogLines(chunk: string | Uint8Array): LogLine[] {
  const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
  const lines: LogLine[] = [];
  for (const raw of text.split("\n")) {
    if (!raw.startsWith("{")) continue;
    try {
      const line = JSON.parse(raw) as LogLine;
      if (typeof line.level === "number" && line.level >= ERROR_LEVEL) lines.push(line);
    } catch {
      // not one of ours
    }
  }
  return lines;
}

/**
 * For a test that provokes an error on purpose: from now until the test ends,
 * the logger's error lines are collected (and kept off the console) instead of
 * failing the test. Returns the lines as they come, each with its raw text.
 */
export function captureErrorLogs(): (LogLine & { raw: string })[] {
  const captured: (LogLine & { raw: string })[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation(((chunk: string | Uint8Array) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    for (const line of errorLogLines(text)) captured.push({ ...line, raw: text });
    return true;
  }) as typeof process.stderr.write);
  return captured;
}
