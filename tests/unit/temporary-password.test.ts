import { beforeAll, describe, expect, it, vi } from "vitest";
import { generateTemporaryPassword, hashTemporaryPassword, verifyTemporaryPassword } from "@/lib/auth/temporary-password";
import { verifyPassword } from "@/lib/auth/password";

// The HMAC key is AUTH_SECRET; unit tests have no app environment of their own.
beforeAll(() => {
  vi.stubEnv("AUTH_SECRET", "unit-test-secret-unit-test-secret-0123456789");
  vi.stubEnv("DATABASE_URL", "postgres://unused@localhost/unused");
});

describe("temporary passwords", () => {
  it("are 20 characters from 62 (119 bits), grouped by four for reading, and never repeat", () => {
    const passwords = Array.from({ length: 2000 }, generateTemporaryPassword);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){4}$/);
    expect(new Set(passwords).size).toBe(passwords.length);

    // The entropy of what the generator really produces, measured from its output: every position draws from
    // the whole alphabet, about evenly, so a password carries length × log2(alphabet) bits (DESIGN §4: ≥ 96).
    const raw = passwords.map((password) => password.replace(/-/g, ""));
    const length = raw[0].length;
    const alphabet = new Set(raw.join(""));
    expect(length).toBe(20);
    expect(alphabet.size).toBe(62);
    for (let position = 0; position < length; position++) {
      const counts = new Map<string, number>();
      for (const password of raw) counts.set(password[position], (counts.get(password[position]) ?? 0) + 1);
      // 2,000 draws from 62 characters: about 32 each; a biased or shrunk alphabet shows up here.
      expect(counts.size).toBeGreaterThanOrEqual(60);
      expect(Math.max(...counts.values())).toBeLessThan(70);
    }
    expect(length * Math.log2(alphabet.size)).toBeGreaterThanOrEqual(96);
  });

  it("are stored as a keyed hash that never contains the password", () => {
    const password = generateTemporaryPassword();
    const stored = hashTemporaryPassword(password);
    expect(stored).toMatch(/^hmac-sha256\$[0-9a-f]{64}$/);
    expect(stored).not.toContain(password.replace(/-/g, ""));
  });

  it("verify with or without the reading dashes, and refuse anything else", async () => {
    const password = generateTemporaryPassword();
    const stored = hashTemporaryPassword(password);
    expect(verifyTemporaryPassword(stored, password)).toBe(true);
    expect(verifyTemporaryPassword(stored, password.replace(/-/g, ""))).toBe(true);
    expect(verifyTemporaryPassword(stored, password.toLowerCase())).toBe(false);
    expect(await verifyPassword(stored, password)).toBe(true);
    expect(await verifyPassword(stored, generateTemporaryPassword())).toBe(false);
  });
});
