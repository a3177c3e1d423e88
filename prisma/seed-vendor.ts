// Demo data for the vendor console (DESIGN §7): a ready duplicate-email case
// for support to resolve. Runs inside the demo seed's transaction.
import type { PrismaClient } from "../lib/db/generated/client.ts";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The address Contoso invited by mistake: it belongs to a Northwind employee. */
const DUPLICATE_DEMO_EMAIL = "priya.patel@northwind.example";

export async function seedVendorDemo(tx: Tx) {
  const contoso = await tx.partner.findFirstOrThrow({ where: { name: "Contoso IT" }, select: { id: true, primaryUserId: true } });
  const email = DUPLICATE_DEMO_EMAIL;
  const user = await tx.user.create({
    data: {
      kind: "PARTNER",
      partnerId: contoso.id,
      firstName: "Priya",
      lastName: "Patel",
      email,
      emailNormalized: email.toLowerCase(),
      phone: "+14155550142",
      role: "sales",
      status: "INVITED",
      invitedById: contoso.primaryUserId,
    },
    select: { id: true },
  });
  await tx.auditEvent.create({
    data: {
      actorId: contoso.primaryUserId,
      partnerId: contoso.id,
      action: "user.invited",
      targetType: "user",
      targetId: user.id,
      changes: { email, role: "sales", permissions: [] },
    },
  });
}
