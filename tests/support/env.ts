// Unit tests of the configuration (lib/env.ts): parse it from exactly the variables a test names.
import { afterEach } from "vitest";
import { env, resetEnvCacheForTests } from "@/lib/env";

/** The least a configuration needs to parse. */
export const REQUIRED_ENV = { DATABASE_URL: "postgres://u:p@localhost:5432/db", AUTH_SECRET: "x".repeat(32) };

/**
 * The configuration parser for a test file (or describe block): each call parses `base` plus the values given (and
 * nothing else of the real environment); the real environment is back after each test.
 */
export function envParser(base: Record<string, string> = REQUIRED_ENV) {
  const saved = process.env;
  afterEach(() => {
    process.env = saved;
    resetEnvCacheForTests();
  });
  return (values: Record<string, string | undefined>) => {
    process.env = { ...base, ...values } as unknown as NodeJS.ProcessEnv;
    resetEnvCacheForTests();
    return env();
  };
}
