// A test fails when the code under test logs an unexpected error (STYLE §10):
// a console.error, or a JSON line at error level or above from the logger
// (lib/observability/log.ts writes those through process.stderr). Errors the
// code swallows must not go unnoticed; a test that provokes one on purpose
// takes it with captureErrorLogs() (tests/support/logs.ts).
import { afterEach, beforeEach, vi } from "vitest";
import { errorLogLines } from "./logs";

let logged: string[] = [];

beforeEach(() => {
  logged = [];
  const original = console.error;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(String(args[0]));
    original(...args);
  });
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, "write").mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
    for (const line of errorLogLines(chunk)) logged.push(JSON.stringify(line));
    return write(chunk, ...rest);
  }) as typeof process.stderr.write);
});

afterEach(() => {
  vi.restoreAllMocks();
  if (logged.length) {
    throw new Error(`An error was logged ${logged.length} time(s): ${logged[0].slice(0, 300)}`);
  }
});
