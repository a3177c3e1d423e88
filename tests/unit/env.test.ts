import { describe, expect, it } from "vitest";
import { envParser } from "../support/env";

const parse = envParser();

describe("configuration", () => {
  it("keeps mail in the dev mailbox outside production, and not in production", () => {
    expect(parse({ NODE_ENV: "development" }).DEV_MAILBOX).toBe(true);
    expect(parse({ NODE_ENV: "production", APP_URL: "https://portal.example.com" }).DEV_MAILBOX).toBe(false);
    expect(parse({ NODE_ENV: "production", DEV_MAILBOX: "true", APP_URL: "http://localhost:3000" }).DEV_MAILBOX).toBe(true);
  });

  it("refuses the dev mailbox on a portal others can reach, naming the variable", () => {
    expect(() => parse({ NODE_ENV: "production", DEV_MAILBOX: "true", APP_URL: "https://portal.example.com" })).toThrow(
      /DEV_MAILBOX: the dev mailbox is only allowed with a local APP_URL/,
    );
  });

  it("says which variable is wrong", () => {
    expect(() => parse({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: AUTH_SECRET must be at least 32 characters/);
  });
});
