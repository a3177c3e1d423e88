import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules.ts";
import { isTemporaryPasswordHash, verifyTemporaryPassword } from "./temporary-password.ts";

// argon2id at OWASP's minimum (19 MiB, 2 iterations): DESIGN §10.
// (Algorithm is a const enum the compiler can't inline across modules; 2 = Argon2id.)
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;


export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// A real argon2id hash of a random string, verified against when the account
// doesn't exist so that unknown accounts and wrong passwords take as long.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword(crypto.randomUUID());
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  // Generated temporary passwords are stored as an HMAC (lib/auth/temporary-password.ts).
  // The dummy argon2 check keeps the time the same, so timing doesn't tell
  // which accounts still hold a temporary password.
  if (isTemporaryPasswordHash(passwordHash)) {
    dummyHash ??= hashPassword(crypto.randomUUID());
    await verify(await dummyHash, password).catch(() => false);
    return verifyTemporaryPassword(passwordHash, password);
  }
  return verify(passwordHash, password).catch(() => false);
}

let commonPasswords: Set<string> | undefined;

function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/** Why a password someone chose is refused, or null when it is acceptable. */
export function passwordProblem(password: string, personal: { email?: string; firstName?: string; lastName?: string } = {}) {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (isCommonPassword(password) || /^(.)\1+$/.test(password)) {
    return "This password is too common. Choose something harder to guess.";
  }
  const lower = password.toLowerCase();
  const emailName = personal.email?.split("@")[0]?.toLowerCase();
  if (emailName && emailName.length >= 4 && lower.includes(emailName)) {
    return "Don't use your email address in your password.";
  }
  return null;
}
