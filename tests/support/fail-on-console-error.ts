// A test fails when the code under test logs an unexpected console.error
// (STYLE §10): errors the code swallows must not go unnoticed.
import { afterEach, beforeEach, vi } from "vitest";

let logged: unknown[][] = [];

beforeEach(() => {
  logged = [];
  const original = console.error;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args);
    original(...args);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (logged.length) {
    throw new Error(`console.error was called ${logged.length} time(s): ${String(logged[0][0]).slice(0, 300)}`);
  }
});
