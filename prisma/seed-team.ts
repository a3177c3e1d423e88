// Demo data for team management (DESIGN §4): a pending and an expired
// invitation, a disabled member and a recently deleted one, so the Team page,
// Re-invite and Deleted users → Restore can be tried at once. Runs inside the
// demo seed's transaction.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../lib/db/generated/client.ts";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const HOUR = 3600_000;

export async function seedTeamDemo(tx: Tx, passwordHash: string) {
  const northwind = await tx.partner.findFirstOrThrow({ where: { name: "Northwind Solutions" }, select: { id: true, primaryUserId: true } });
  const now = Date.now();
  const member = (firstName: string, lastName: string, extra: Record<string, unknown>) => {
    const email = `${firstName}.${lastName}@northwind.example`.toLowerCase();
    return tx.user.create({
      data: {
        kind: "PARTNER",
        partnerId: northwind.id,
        firstName,
        lastName,
        email,
        emailNormalized: email,
        role: "sales",
        invitedById: northwind.primaryUserId,
        notifications: ["license_changes", "new_orders", "security"],
        ...extra,
      },
      select: { id: true },
    });
  };
  // Stored hashes of links nobody has: the invitations show their expiry, and Re-invite sends a real one.
  const link = (userId: string, expiresAt: Date) =>
    tx.userToken.create({ data: { userId, purpose: "ACTIVATION", tokenHash: randomBytes(32).toString("hex"), expiresAt } });

  const pending = await member("Paula", "Pending", { status: "INVITED", inviteReminderSentAt: new Date(now) });
  await link(pending.id, new Date(now + 60 * HOUR));
  const expired = await member("Ivan", "Expired", { status: "INVITED", createdAt: new Date(now - 96 * HOUR) });
  await link(expired.id, new Date(now - 24 * HOUR));
  await member("Dana", "Disabled", { status: "DISABLED", passwordHash });
  await member("Derek", "Departed", {
    status: "ACTIVE",
    passwordHash,
    role: "read_only",
    deletedAt: new Date(now - 3 * 24 * HOUR),
    deletedById: northwind.primaryUserId,
  });
}
