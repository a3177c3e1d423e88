import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { changeLicenses } from "@/lib/licenses/manage";
import { manageLicenses, previewLicenses } from "@/lib/licenses/operations";
import { runOperation } from "@/lib/operations/run";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { assignLicense } from "../support/licenses";
import { createPartner } from "../support/factories";
import { createCustomerUser, createCustomerWithSubscription, createProduct, createSubscription } from "../support/customer-factories";

describe("seat limits", () => {
  it("gives exactly 50 of 200 concurrent assignments for 50 free seats, through the dialog and the API at once", async () => {
    const { partner, caller } = await createPartner();
    const { customer, product, subscription } = await createCustomerWithSubscription(partner.id, 50);
    const users = await Promise.all(Array.from({ length: 200 }, (_, i) => createCustomerUser(customer, { lastName: `Racer ${i}` })));

    // Half through "Manage licenses" (one user ticked), half through POST /customers/{id}/licenses/bulk.
    const viaDialog = (userId: string) =>
      runOperation(manageLicenses, { customerId: customer.id, userIds: [userId], productIds: [product.id], offeredProductIds: [product.id] }, caller).then(
        ([result]) => (result.assigned.length ? "assigned" : result.refused.length ? "no_seat" : "unchanged"),
      );
    const viaApi = (userId: string) => assignLicense(caller, { customerId: customer.id, userId, productCode: product.code });
    const started = performance.now();
    const outcomes = await Promise.all(users.map((user, i) => (i % 2 ? viaDialog(user.id) : viaApi(user.id))));
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
    const { customer, product } = await createCustomerWithSubscription(partner.id, 10);
    const users = await Promise.all(Array.from({ length: 10 }, () => createCustomerUser(customer)));
    const assign = (userId: string) => assignLicense(caller, { customerId: customer.id, userId, productCode: product.code });
    for (const user of users.slice(0, 9)) await assign(user.id);
    const mails = () => db.outboxEmail.findMany({ where: { to: admin.email, template: "subscription-threshold" }, orderBy: { createdAt: "asc" } });
    expect((await mails()).map((m) => (m.props as { full: boolean }).full)).toEqual([false]);

    // Freeing a seat and taking it again is not a new crossing.
    await changeLicenses(caller, { customerId: customer.id, userIds: [users[0].id], wantedProductIds: [], changedProductIds: [product.id] });
    await assign(users[0].id);
    expect(await mails()).toHaveLength(1);

    await assign(users[9].id);
    expect((await mails()).map((m) => (m.props as { full: boolean }).full)).toEqual([false, true]);
  });
});

describe("previewing a license change (the dialog's 'seats needed' line)", () => {
  async function setupPreview() {
    const { partner, caller } = await createPartner();
    const { customer, product: basic, subscription: basicSub } = await createCustomerWithSubscription(partner.id, 3);
    const premium = await createProduct();
    const premiumSub = await createSubscription(customer, premium.id, 1);
    const extra = await createProduct();
    await createSubscription(customer, extra.id, 10);
    const ann = await createCustomerUser(customer, { subscriptionIds: [basicSub.id] });
    const bob = await createCustomerUser(customer);
    const cat = await createCustomerUser(customer);
    return { partner, caller, customer, basic, basicSub, premium, premiumSub, extra, users: [ann, bob, cat] };
  }

  it("counts, per ticked product, the selected users still without a seat against the seats free, and writes nothing", async () => {
    const { caller, customer, basic, basicSub, premium, premiumSub, extra, users } = await setupPreview();
    const preview = await runOperation(
      previewLicenses,
      // The extra product is offered but unticked: it would be revoked, so it needs no seat and isn't listed.
      { customerId: customer.id, userIds: [...users, users[1]].map((u) => u.id), productIds: [basic.id, premium.id], offeredProductIds: [basic.id, premium.id, extra.id] },
      caller,
    );
    const byProduct = Object.fromEntries(preview.map((p) => [p.productId, { name: p.name, needed: p.needed, free: p.free }]));
    expect(byProduct).toEqual({
      // Ann already holds Basic: only Bob and Cat need one, and 2 of 3 seats are free.
      [basic.id]: { name: basic.name, needed: 2, free: 2 },
      // Three users, one seat: the dialog can warn before saving.
      [premium.id]: { name: premium.name, needed: 3, free: 1 },
    });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: basicSub.id } })).assigned).toBe(1);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: premiumSub.id } })).assigned).toBe(0);
    expect(await db.licenseAssignment.count({ where: { userId: { in: users.map((u) => u.id) } } })).toBe(1);
  });

  it("lists nothing for a product that is ticked but not offered in the dialog", async () => {
    const { caller, customer, basic, premium, users } = await setupPreview();
    const preview = await runOperation(
      previewLicenses,
      { customerId: customer.id, userIds: [users[1].id], productIds: [basic.id, premium.id], offeredProductIds: [basic.id] },
      caller,
    );
    expect(preview.map((p) => p.productId)).toEqual([basic.id]);
  });

  it("answers not found for another partner's customer or user, and a field error for a product the customer lacks", async () => {
    const a = await setupPreview();
    const b = await createPartner();
    const input = { customerId: a.customer.id, userIds: [a.users[0].id], productIds: [a.basic.id], offeredProductIds: [a.basic.id] };
    await expect(runOperation(previewLicenses, input, b.caller)).rejects.toBeInstanceOf(NotFoundError);
    // B's own customer with A's user: still not found.
    const bCustomer = await createCustomerWithSubscription(b.partner.id, 5);
    await expect(
      runOperation(previewLicenses, { customerId: bCustomer.customer.id, userIds: [a.users[0].id], productIds: [bCustomer.product.id], offeredProductIds: [bCustomer.product.id] }, b.caller),
    ).rejects.toBeInstanceOf(NotFoundError);
    // A product of another customer's subscription is named at the ticked products.
    const error = await runOperation(previewLicenses, { ...input, productIds: [bCustomer.product.id], offeredProductIds: [bCustomer.product.id] }, a.caller).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.productIds).toEqual(["Choose products from this customer's subscriptions."]);
  });
});

describe("tenant isolation of licenses", () => {
  it("answers not found to another partner's admin and changes nothing", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const { customer, product, subscription } = await createCustomerWithSubscription(a.partner.id, 5);
    const user = await createCustomerUser(customer);

    await expect(assignLicense(b.caller, { customerId: customer.id, userId: user.id, productCode: product.code })).rejects.toBeInstanceOf(NotFoundError);
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
