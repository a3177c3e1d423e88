// No "server-only" marker: lib/email/templates.ts opens these when rendering, and is loaded by unit tests too.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "../env.ts";
import type { CustomerCredentialsEmailProps } from "../../emails/customer-credentials.tsx";

// "Email to me" puts temporary passwords in an email, and every email waits
// in the outbox (DESIGN §6) until the worker sends it. So that the passwords
// are never at rest in clear (DESIGN §4), the outbox row holds them sealed
// with AES-256-GCM under a key derived from AUTH_SECRET; the template opens
// them only while rendering.

export type SealedCredentialsProps = { sealed: string };

function key() {
  return createHash("sha256").update(`customer-credentials-email:${env().AUTH_SECRET}`).digest();
}

export function sealCredentials(props: CustomerCredentialsEmailProps): SealedCredentialsProps {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(props), "utf8"), cipher.final()]);
  return { sealed: [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".") };
}

export function openCredentials({ sealed }: SealedCredentialsProps): CustomerCredentialsEmailProps {
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8"));
}
