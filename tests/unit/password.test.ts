import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { generateToken, hashToken } from "@/lib/auth/tokens";

describe("password rules", () => {
  it("refuses passwords shorter than 12 characters", () => {
    expect(passwordProblem("short-pass1")).toMatch(/at least 12/);
  });

  it("refuses common passwords regardless of case", () => {
    expect(passwordProblem("qwerty123456")).toMatch(/too common/);
    expect(passwordProblem("QWERTY123456")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaaaaaa")).toMatch(/too common/);
  });

  it("refuses a password containing the account's email name", () => {
    expect(passwordProblem("my-adalovelace-pw", { email: "adalovelace@example.com" })).toMatch(/email/);
  });

  it("accepts a long uncommon password", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
  });
});

describe("password hashing", () => {
  it("hashes with argon2id at OWASP's minimum cost and verifies", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapler")).toBe(false);
  });

  it("answers false for an account without a password", async () => {
    expect(await verifyPassword(null, "anything at all")).toBe(false);
  });
});

describe("link tokens", () => {
  it("are 256-bit random, URL-safe, and stored only as a SHA-256 hash", () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});
