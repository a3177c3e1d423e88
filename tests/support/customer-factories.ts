// Customers, products, subscriptions and customer users through the real database.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { testPasswordHash, uniqueEmail } from "./factories";

export async function createProduct(overrides: Partial<{ code: string; name: string; maxSeatsPerOrder: number }> = {}) {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  return db.product.create({
    data: {
      code: overrides.code ?? `TEST-${suffix}`,
      name: overrides.name ?? `Test product ${suffix}`,
      description: "A product made by a test.",
      maxSeatsPerOrder: overrides.maxSeatsPerOrder ?? 10_000,
    },
  });
}

export async function createCustomer(partnerId: string, overrides: Partial<{ name: string; contactEmail: string }> = {}) {
  return db.customer.create({
    data: {
      partnerId,
      type: "COMPANY",
      name: overrides.name ?? `Customer ${randomUUID().slice(0, 6)}`,
      contactEmail: overrides.contactEmail ?? uniqueEmail("contact"),
    },
  });
}

export async function createSubscription(customer: { id: string; partnerId: string }, productId: string, purchased: number, assigned = 0) {
  return db.subscription.create({ data: { partnerId: customer.partnerId, customerId: customer.id, productId, purchased, assigned } });
}

export async function createCustomerUser(
  customer: { id: string; partnerId: string },
  overrides: Partial<{
    firstName: string;
    lastName: string;
    email: string;
    subscriptionIds: string[];
    status: "ACTIVE" | "INVITED" | "DISABLED";
    /** Give the user TEST_PASSWORD, so they can sign in. */
    withPassword: boolean;
  }> = {},
) {
  const email = overrides.email ?? uniqueEmail("cu");
  const user = await db.user.create({
    data: {
      kind: "CUSTOMER",
      partnerId: customer.partnerId,
      customerId: customer.id,
      firstName: overrides.firstName ?? "Casey",
      lastName: overrides.lastName ?? "Customer",
      email,
      emailNormalized: email.toLowerCase(),
      username: `cu-${randomUUID()}`,
      status: overrides.status ?? "ACTIVE",
      passwordHash: overrides.withPassword ? await testPasswordHash() : null,
    },
  });
  for (const subscriptionId of overrides.subscriptionIds ?? []) {
    await db.licenseAssignment.create({ data: { subscriptionId, userId: user.id } });
    await db.subscription.update({ where: { id: subscriptionId }, data: { assigned: { increment: 1 } } });
  }
  return user;
}

/** A partner's customer with one product subscribed (`purchased` seats). */
export async function createCustomerWithSubscription(partnerId: string, purchased: number) {
  const customer = await createCustomer(partnerId);
  const product = await createProduct();
  const subscription = await createSubscription(customer, product.id, purchased);
  return { customer, product, subscription };
}
