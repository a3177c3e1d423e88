// No "server-only" marker: lib/email/templates.ts opens these when rendering, and is loaded by unit tests too.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "../env.ts";

// Every email waits in the outbox (DESIGN §6) until the worker sends it. An
// email that must carry a secret (the temporary passwords of "Email to me")
// would leave it at rest in clear there (DESIGN §4 forbids that), so its
// props are stored sealed with AES-256-GCM under a key derived from
// AUTH_SECRET, and the template registry opens them only while rendering.

/** Props of type T, encrypted; `T` only marks what opening them gives back. */
export type Sealed<T> = { sealed: string; __props?: T };

function key() {
  return createHash("sha256").update(`sealed-email-props:${env().AUTH_SECRET}`).digest();
}

export function sealProps<T>(props: T): Sealed<T> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(props), "utf8"), cipher.final()]);
  return { sealed: [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".") };
}

export function openProps<T>({ sealed }: Sealed<T>): T {
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8")) as T;
}
