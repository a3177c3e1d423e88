import "server-only";
import type { Prisma, Tx } from "../db/client.ts";

// The one audit helper (DESIGN §8). Called inside the transaction of the
// change it describes, so an event exists exactly when the change does.

export type AuditActor = {
  userId: string | null;
  partnerId: string | null;
  /** Vendor staff acting for a partner: that partner. */
  onBehalfOf?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  /** An API key acting (lib/auth/caller.ts ApiCaller): the event names the key, not a user. */
  apiKeyId?: string;
  apiKeyName?: string;
};

export type AuditEntry = {
  action: string;
  partnerId?: string | null;
  target?: { type: string; id: string };
  /** What changed; never passwords, tokens or hashes. */
  changes?: Prisma.InputJsonValue;
};

export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      // An API caller's userId is its key's id: recorded as the key, never as a user.
      actorId: actor.apiKeyId ? null : actor.userId,
      actorApiKeyId: actor.apiKeyId ?? null,
      actorLabel: actor.apiKeyId ? (actor.apiKeyName ?? null) : null,
      onBehalfOf: actor.onBehalfOf ?? null,
      partnerId: entry.partnerId !== undefined ? entry.partnerId : actor.partnerId,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      changes: entry.changes,
      ip: actor.ip ?? null,
      userAgent: actor.userAgent?.slice(0, 400) ?? null,
    },
  });
}
