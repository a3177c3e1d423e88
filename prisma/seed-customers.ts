// Demo subscriptions, orders and customer users with licenses (DESIGN §5),
// including a recently deleted user to restore. Called by prisma/seed.ts
// inside its transaction, after partners and customers exist.
import type { PrismaClient } from "../lib/db/generated/client.ts";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const DAY_MS = 86_400_000;

export async function seedCustomersDemo(tx: Tx, passwordHash: string) {
  const products = new Map((await tx.product.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]));
  const fabrikam = await tx.customer.findFirst({ where: { name: "Fabrikam Dental" }, select: { id: true, partnerId: true } });
  const tailspin = await tx.customer.findFirst({ where: { name: "Tailspin Logistics" }, select: { id: true, partnerId: true } });
  if (!fabrikam || !tailspin) return;
  const placedBy = await tx.user.findFirst({ where: { partnerId: fabrikam.partnerId, role: "partner_admin" }, select: { id: true } });

  const subscribe = async (customer: { id: string; partnerId: string }, lines: [code: string, seats: number][]) => {
    await tx.order.create({
      data: {
        partnerId: customer.partnerId,
        customerId: customer.id,
        placedById: placedBy?.id ?? null,
        lines: { create: lines.map(([code, seats]) => ({ productId: products.get(code)!, seats })) },
      },
    });
    const subscriptions = new Map<string, string>();
    for (const [code, seats] of lines) {
      const subscription = await tx.subscription.create({
        data: { partnerId: customer.partnerId, customerId: customer.id, productId: products.get(code)!, purchased: seats },
      });
      subscriptions.set(code, subscription.id);
    }
    return subscriptions;
  };

  const fabrikamSubs = await subscribe(fabrikam, [
    ["PP-STANDARD", 10],
    ["SEC-ENDPOINT", 5],
  ]);
  await subscribe(tailspin, [["PP-BASIC", 25]]);

  const people: { first: string; last: string; licenses: string[]; deletedDaysAgo?: number }[] = [
    { first: "Lena", last: "Larsen", licenses: ["PP-STANDARD", "SEC-ENDPOINT"] },
    { first: "Omar", last: "Haddad", licenses: ["PP-STANDARD"] },
    { first: "Priya", last: "Nair", licenses: ["PP-STANDARD", "SEC-ENDPOINT"] },
    { first: "Tom", last: "Becker", licenses: [] },
    { first: "Dana", last: "Deleted", licenses: ["PP-STANDARD", "SEC-ENDPOINT"], deletedDaysAgo: 3 },
  ];
  for (const person of people) {
    const email = `${person.first}.${person.last}@fabrikam-dental.example`.toLowerCase();
    const deleted = person.deletedDaysAgo !== undefined;
    const user = await tx.user.create({
      data: {
        kind: "CUSTOMER",
        partnerId: fabrikam.partnerId,
        customerId: fabrikam.id,
        firstName: person.first,
        lastName: person.last,
        email,
        emailNormalized: email,
        username: `${person.first}.${person.last}-demo`.toLowerCase(),
        status: "ACTIVE",
        passwordHash,
        deletedAt: deleted ? new Date(Date.now() - person.deletedDaysAgo! * DAY_MS) : null,
        deletedById: deleted ? (placedBy?.id ?? null) : null,
        licensesAtDeletion: deleted ? person.licenses.map((code) => products.get(code)!) : [],
      },
    });
    if (deleted) continue;
    for (const code of person.licenses) {
      const subscriptionId = fabrikamSubs.get(code)!;
      await tx.licenseAssignment.create({ data: { subscriptionId, userId: user.id } });
      await tx.subscription.update({ where: { id: subscriptionId }, data: { assigned: { increment: 1 } } });
    }
  }
}
