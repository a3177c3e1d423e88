import "server-only";
import type { Tx } from "../db/client.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { env } from "../env.ts";

/**
 * Tells someone whose deleted account was restored that they can sign in
 * again (DESIGN §6), in the restoring transaction. One email per deletion.
 */
export async function sendAccountRestoredEmail(
  tx: Tx,
  user: { id: string; firstName: string; email: string; deletedAt: Date },
  organizationName: string,
) {
  await enqueueEmail(tx, {
    template: "account-restored",
    to: user.email,
    dedupeKey: `account-restored:${user.id}:${user.deletedAt.toISOString()}`,
    props: { firstName: user.firstName, organizationName, signInUrl: new URL("/login", env().APP_URL).toString() },
  });
}
