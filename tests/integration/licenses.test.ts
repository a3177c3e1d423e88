import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { assignLicense, changeLicenses } from "@/lib/licenses/manage";
import { NotFoundError } from "@/lib/errors";
import { createPartner } from "../support/factories";
import { createCustomerUser, createCustomerWithSubscription, createProduct, createSubscription } from "../support/customer-factories";

describe("seat limits", () => {
  it("gives exactly 50 of 200 concurrent assignments for 50 free seats", async () => {
    const { partner, caller } = await createPartner();
    const { customer, subscription } = await createCustomerWithSubscription(partner.id, 50);
    const users = await Promise.all(Array.from({ length: 200 }, (_, i) => createCustomerUser(customer, { lastName: `Racer ${i}` })));

    const started = performance.now();
    const outcomes = await Promise.all(users.map((user) => assignLicense(caller, { userId: user.id, subscriptionId: subscription.id })));
    const elapsedMs = Math.round(performance.now() - started);

    expect(outcomes.filter((o) => o === "assigned")).toHaveLength(50);
    expect(outcomes.filter((o) => o === "no_seat")).toHaveLength(150);
    const saved = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(saved).toMatchObject({ assigned: 50, purchased: 50 });
    expect(await db.licenseAssignment.count({ where: { subscriptionId: subscription.id } })).toBe(50);
    console.info(`[race] 200 concurrent assignments for 50 seats: 50 assigned, 150 refused in ${elapsedMs} ms`);
  });

  it("is backed by the database: assigned can never be set past purchased", async () => {
    const { partner } = await createPartner();
    const { subscription } = await createCustomerWithSubscription(partner.id, 2);
    await expect(db.subscription.update({ where: { id: subscription.id }, data: { assigned: 3 } })).rejects.toThrow();
  });

  it("bulk-manages licenses and reports per user what was assigned, revoked or refused", async () => {
    const { partner, caller } = await createPartner();
    const { customer, product: basic, subscription: basicSub } = await createCustomerWithSubscription(partner.id, 2);
    const premium = await createProduct();
    const premiumSub = await createSubscription(customer, premium.id, 5);
    const ann = await createCustomerUser(customer, { firstName: "Ann", lastName: "A", subscriptionIds: [premiumSub.id] });
    const bob = await createCustomerUser(customer, { firstName: "Bob", lastName: "B" });
    const cat = await createCustomerUser(customer, { firstName: "Cat", lastName: "C" });

    const results = await changeLicenses(caller, {
      customerId: customer.id,
      userIds: [ann.id, bob.id, cat.id],
      wantedProductIds: [basic.id],
      changedProductIds: [basic.id, premium.id],
    });
    expect(results).toEqual([
      { userId: ann.id, name: "Ann A", assigned: [basic.name], revoked: [premium.name], refused: [] },
      { userId: bob.id, name: "Bob B", assigned: [basic.name], revoked: [], refused: [] },
      { userId: cat.id, name: "Cat C", assigned: [], revoked: [], refused: [basic.name] },
    ]);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: basicSub.id } })).toMatchObject({ assigned: 2 });
    expect(await db.subscription.findUniqueOrThrow({ where: { id: premiumSub.id } })).toMatchObject({ assigned: 0 });
    expect(await db.auditEvent.count({ where: { action: "license.changed", partnerId: partner.id } })).toBe(3);
  });

  it("emails opted-in admins once when a subscription crosses 90% and once when it is full", async () => {
    const { partner, caller, admin } = await createPartner();
    await db.user.update({ where: { id: admin.id }, data: { notifications: ["subscription_almost_full", "subscription_full"] } });
    const { customer, product, subscription } = await createCustomerWithSubscription(partner.id, 10);
    const users = await Promise.all(Array.from({ length: 10 }, () => createCustomerUser(customer)));
    for (const user of users.slice(0, 9)) await assignLicense(caller, { userId: user.id, subscriptionId: subscription.id });
    const mails = () => db.outboxEmail.findMany({ where: { to: admin.email, template: "subscription-threshold" }, orderBy: { createdAt: "asc" } });
    expect((await mails()).map((m) => (m.props as { full: boolean }).full)).toEqual([false]);

    // Freeing a seat and taking it again is not a new crossing.
    await changeLicenses(caller, { customerId: customer.id, userIds: [users[0].id], wantedProductIds: [], changedProductIds: [product.id] });
    await assignLicense(caller, { userId: users[0].id, subscriptionId: subscription.id });
    expect(await mails()).toHaveLength(1);

    await assignLicense(caller, { userId: users[9].id, subscriptionId: subscription.id });
    expect((await mails()).map((m) => (m.props as { full: boolean }).full)).toEqual([false, true]);
  });
});

describe("tenant isolation of licenses", () => {
  it("answers not found to another partner's admin and changes nothing", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const { customer, product, subscription } = await createCustomerWithSubscription(a.partner.id, 5);
    const user = await createCustomerUser(customer);

    await expect(assignLicense(b.caller, { userId: user.id, subscriptionId: subscription.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      changeLicenses(b.caller, { customerId: customer.id, userIds: [user.id], wantedProductIds: [product.id], changedProductIds: [product.id] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // Even with B's own customer id, A's user stays out of reach.
    const bCustomer = await createCustomerWithSubscription(b.partner.id, 5);
    await expect(
      changeLicenses(b.caller, {
        customerId: bCustomer.customer.id,
        userIds: [user.id],
        wantedProductIds: [bCustomer.product.id],
        changedProductIds: [bCustomer.product.id],
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.licenseAssignment.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).assigned).toBe(0);
  });
});
