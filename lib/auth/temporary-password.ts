// No "server-only" marker: lib/auth/password.ts (which imports this) also runs in the seed script under tsx.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { env } from "../env.ts";

// Temporary passwords (DESIGN §4): generated, never chosen by a person, so
// their entropy is known. 20 characters from a 62-character alphabet is 119
// bits, far past the 96 the design asks for, which is why a keyed fast hash
// (HMAC-SHA-256 with AUTH_SECRET) is safe here where a chosen password needs
// argon2id — and what lets 10,000 imported users be hashed in milliseconds.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LENGTH = 20;
const GROUP = 4;
const TEMPORARY_HASH_PREFIX = "hmac-sha256$";

/** A new temporary password, grouped for reading: `Abcd-Efgh-Ijkl-Mnop-Qrst`. */
export function generateTemporaryPassword(): string {
  let raw = "";
  // randomInt is uniform (rejection sampling), so every character carries log2(62) bits.
  for (let i = 0; i < LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  const groups: string[] = [];
  for (let i = 0; i < LENGTH; i += GROUP) groups.push(raw.slice(i, i + GROUP));
  return groups.join("-");
}

/** The dashes and spaces are only for reading: the password is the 20 characters. */
function canonical(password: string) {
  return password.replace(/[\s-]/g, "");
}

function mac(password: string) {
  return createHmac("sha256", env().AUTH_SECRET).update(`temporary-password:${canonical(password)}`).digest();
}

/** What User.passwordHash stores for a temporary password. */
export function hashTemporaryPassword(password: string): string {
  return TEMPORARY_HASH_PREFIX + mac(password).toString("hex");
}

export function isTemporaryPasswordHash(passwordHash: string | null | undefined): passwordHash is string {
  return typeof passwordHash === "string" && passwordHash.startsWith(TEMPORARY_HASH_PREFIX);
}

/** Constant-time check of a typed password against a stored temporary-password hash. */
export function verifyTemporaryPassword(passwordHash: string, password: string): boolean {
  const expected = Buffer.from(passwordHash.slice(TEMPORARY_HASH_PREFIX.length), "hex");
  const actual = mac(password);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
