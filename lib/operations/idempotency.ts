import "server-only";
import { db } from "../db/client.ts";

/** How long an Idempotency-Key's first answer is replayed (lib/operations/api.ts). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3600_000;

/** Scheduled job: forgets idempotency records past their 24 hours. */
export async function pruneIdempotencyRecords(now = new Date()) {
  const { count } = await db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS) } } });
  return count;
}
