import "server-only";
import type { Prisma, Tx } from "../db/client.ts";

// The one audit writer (DESIGN §8). Called inside the transaction of the
// change it describes, so an event exists exactly when the change does.
// recordAudit writes one event; recordAuditMany writes many in one statement
// (the CSV import, the purge job). Both store `changes` in one shape.

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

/** One field's change. A value that came into being has `from: null`; one that went away, `to: null`. */
type AuditChange = { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null };

/** The one shape of `changes`: field → { from, to }. */
type AuditChanges = Record<string, AuditChange>;

export type AuditEntry = {
  action: string;
  partnerId?: string | null;
  target?: { type: string; id: string };
  /**
   * What changed; never passwords, tokens or hashes. Give `{ field: { from, to } }`;
   * a bare value is a value set by the event (`{ from: null, to: value }`), so
   * every stored event has the same shape (toAuditChanges).
   */
  changes?: Record<string, unknown>;
};

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 2 && "from" in value && "to" in value;

/** JSON-safe: undefined → null, Dates → ISO strings (what JSON.stringify does). */
const json = (value: unknown): Prisma.InputJsonValue | null => (value === undefined ? null : (JSON.parse(JSON.stringify(value)) ?? null));

/** `changes` in the one stored shape: every field `{ from, to }`. */
function toAuditChanges(changes: Record<string, unknown> | undefined): AuditChanges | undefined {
  if (!changes) return undefined;
  const out: AuditChanges = {};
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    out[field] = isChange(value) ? { from: json(value.from), to: json(value.to) } : { from: null, to: json(value) };
  }
  return Object.keys(out).length ? out : undefined;
}

/** The fields of `after` (or only `fields`) whose value differs from `before`, as `{ field: { from, to } }`. */
export function auditDiff(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[] = Object.keys(after)) {
  const changes: AuditChanges = {};
  for (const field of fields) {
    const from = json(before[field]);
    const to = json(after[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

/**
 * The value an event set for `field` (its `to`), read from stored `changes`.
 * Events are append-only (never rewritten), so one written before the
 * `{ from, to }` shape holds the bare value: that is its `to`.
 */
export function auditValue(changes: unknown, field: string): unknown {
  const change = (changes as Record<string, unknown> | null)?.[field];
  return isChange(change) ? change.to : (change ?? null);
}

export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await recordAuditMany(tx, actor, [entry]);
}

/**
 * Many events by one actor in one INSERT … SELECT FROM unnest(arrays): a few
 * bound parameters whatever the count (the import of 10,000 users writes
 * 10,000 events; DESIGN §12).
 */
export async function recordAuditMany(tx: Tx, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // An API caller's userId is its key's id: recorded as the key, never as a user.
  const actorId = actor.apiKeyId ? null : actor.userId;
  const actorLabel = actor.apiKeyId ? (actor.apiKeyName ?? null) : null;
  const userAgent = actor.userAgent?.slice(0, 400) ?? null;
  const partnerIds = entries.map((entry) => (entry.partnerId !== undefined ? entry.partnerId : actor.partnerId));
  const changes = entries.map((entry) => {
    const shaped = toAuditChanges(entry.changes);
    return shaped ? JSON.stringify(shaped) : null;
  });
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("at", "actorId", "actorApiKeyId", "actorLabel", "onBehalfOf", "partnerId", "action", "targetType", "targetId",
                              "changes", "ip", "userAgent")
    SELECT now(), ${actorId}::uuid, ${actor.apiKeyId ?? null}::uuid, ${actorLabel}, ${actor.onBehalfOf ?? null}::uuid, e.partner_id, e.action,
           e.target_type, e.target_id, e.changes::jsonb, ${actor.ip ?? null}, ${userAgent}
    FROM unnest(
      ${partnerIds}::uuid[], ${entries.map((entry) => entry.action)}::text[], ${entries.map((entry) => entry.target?.type ?? null)}::text[],
      ${entries.map((entry) => entry.target?.id ?? null)}::text[], ${changes}::text[]
    ) AS e(partner_id, action, target_type, target_id, changes)`;
}
