import "server-only";
import { createHash, randomBytes } from "node:crypto";

// 256-bit random tokens for links; only their SHA-256 is stored, so the
// database alone never yields a usable link (DESIGN §4).
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
