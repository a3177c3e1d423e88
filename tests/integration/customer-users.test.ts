import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  addCustomerUser,
  countCustomerUsers,
  CUSTOMER_USERS_COUNT_CAP,
  CUSTOMER_USERS_PAGE_SIZE,
  type CustomerUserFilters,
  listMatchingCustomerUserIds,
  deleteCustomerUsers,
  emailCredentialsToCaller,
  listCustomerUsers,
  listDeletedCustomerUsers,
  purgeDeletedCustomerUsers,
  resetCustomerUserPassword,
  restoreCustomerUsers,
} from "@/lib/customers/customer-users";
import { CustomerUserInput } from "@/lib/customers/schemas";
import { verifyPassword } from "@/lib/auth/password";
import { openProps } from "@/lib/email/sealed-props";
import type { EmailProps } from "@/lib/email/templates";
import { EMAIL_IN_THIS_ORGANIZATION } from "@/lib/accounts/email-rule";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createPartner, uniqueEmail } from "../support/factories";
import { createCustomerUser, createCustomerWithSubscription, createProduct, createSubscription } from "../support/customer-factories";

const userInput = (customerId: string, overrides: Record<string, unknown> = {}) =>
  CustomerUserInput.parse({ customerId, firstName: "Ada", lastName: "Lovelace", email: uniqueEmail("ada"), ...overrides });

describe("adding a customer user", () => {
  it("creates an active user with a temporary password that must be changed, and the ticked licenses", async () => {
    const { partner, caller } = await createPartner();
    const { customer, product, subscription } = await createCustomerWithSubscription(partner.id, 3);
    const { user, credential: issued } = await addCustomerUser(caller, userInput(customer.id, { productIds: [product.id] }));
    const credential = issued!;

    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved).toMatchObject({ kind: "CUSTOMER", partnerId: partner.id, customerId: customer.id, status: "ACTIVE", mustChangePassword: true });
    expect(saved.username).toBe(credential.username);
    expect(saved.passwordHash).toMatch(/^hmac-sha256\$/);
    expect(saved.passwordHash).not.toContain(credential.temporaryPassword.replace(/-/g, ""));
    expect(await verifyPassword(saved.passwordHash, credential.temporaryPassword)).toBe(true);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).assigned).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "customer_user.created", targetId: user.id } })).toBe(1);
    // Nothing else stores the password in clear.
    const audit = JSON.stringify(await db.auditEvent.findMany({ where: { partnerId: partner.id }, select: { changes: true } }));
    expect(audit).not.toContain(credential.temporaryPassword);
  });

  it("refuses a license without a free seat and writes nothing", async () => {
    const { partner, caller } = await createPartner();
    const { customer, product } = await createCustomerWithSubscription(partner.id, 1);
    await createCustomerUser(customer);
    await addCustomerUser(caller, userInput(customer.id, { productIds: [product.id] }));
    const input = userInput(customer.id, { productIds: [product.id] });
    const error = await addCustomerUser(caller, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.productIds[0]).toMatch(/No free seat left/);
    expect(await db.user.count({ where: { emailNormalized: input.email.toLowerCase() } })).toBe(0);
  });

  it("applies the portal-wide email rule", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const email = uniqueEmail("dup");
    await addCustomerUser(caller, userInput(customer.id, { email }));
    const error = await addCustomerUser(caller, userInput(customer.id, { email: email.toUpperCase() })).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual({ email: [EMAIL_IN_THIS_ORGANIZATION] });
  });
});

describe("resetting a customer user's password", () => {
  it("issues a new temporary password, ends sessions and requires a change", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const { user, credential: issued } = await addCustomerUser(caller, userInput(customer.id));
    const first = issued!;
    await db.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });

    const second = await resetCustomerUserPassword(caller, customer.id, user.id);
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved.mustChangePassword).toBe(true);
    expect(saved.sessionVersion).toBe(1);
    expect(await verifyPassword(saved.passwordHash, second.temporaryPassword)).toBe(true);
    expect(await verifyPassword(saved.passwordHash, first.temporaryPassword)).toBe(false);
  });
});

describe("emailing credentials to the admin", () => {
  it("sends only passwords the portal issued, sealed in the outbox", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const credential = (await addCustomerUser(caller, userInput(customer.id))).credential!;
    const forged = { userId: credential.userId, temporaryPassword: "Forg-edPa-sswo-rdXX-XXXX" };

    const result = await emailCredentialsToCaller(caller, customer.id, [credential, forged]);
    expect(result).toEqual({ sent: 1, skipped: 1 });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: caller.email, template: "customer-credentials" } });
    expect(JSON.stringify(mail.props)).not.toContain(credential.temporaryPassword);
    expect(openProps(mail.props as EmailProps["customer-credentials"]).credentials).toEqual([
      { name: credential.name, username: credential.username, temporaryPassword: credential.temporaryPassword },
    ]);
  });
});

describe("deleting and restoring customer users", () => {
  it("frees seats on delete, lists the user with days left, and restores licenses where seats are free", async () => {
    const { partner, caller } = await createPartner();
    const { customer, product: basic, subscription: basicSub } = await createCustomerWithSubscription(partner.id, 1);
    const backup = await createProduct();
    const backupSub = await createSubscription(customer, backup.id, 5);
    const user = await createCustomerUser(customer, { subscriptionIds: [basicSub.id, backupSub.id] });

    const [deleted] = await deleteCustomerUsers(caller, customer.id, [user.id]);
    expect(deleted.freedProducts.sort()).toEqual([basic.name, backup.name].sort());
    expect((await db.subscription.findUniqueOrThrow({ where: { id: basicSub.id } })).assigned).toBe(0);
    expect((await listCustomerUsers(caller, customer.id)).rows.map((u) => u.id)).not.toContain(user.id);
    expect(await listDeletedCustomerUsers(caller, customer.id)).toMatchObject([{ id: user.id, daysLeft: 30 }]);

    // Meanwhile someone else takes the only Basic seat.
    await createCustomerUser(customer, { subscriptionIds: [basicSub.id] });

    const [restored] = await restoreCustomerUsers(caller, customer.id, [user.id]);
    expect(restored).toMatchObject({
      restored: true,
      licensesRestored: [backup.name],
      licensesNotRestored: [{ product: basic.name, reason: "No free seat." }],
    });
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { licenses: true } });
    expect(saved.deletedAt).toBeNull();
    expect(saved.licenses.map((l) => l.subscriptionId)).toEqual([backupSub.id]);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: basicSub.id } })).toMatchObject({ assigned: 1, purchased: 1 });
  });

  it("refuses a restore whose email now belongs to someone else, with the reason, and restores the others", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const taken = await createCustomerUser(customer, { firstName: "Tom", lastName: "Taken" });
    const free = await createCustomerUser(customer, { firstName: "Fay", lastName: "Free" });
    await deleteCustomerUsers(caller, customer.id, [taken.id, free.id]);
    await createCustomerUser(customer, { email: taken.email });

    const results = await restoreCustomerUsers(caller, customer.id, [taken.id, free.id]);
    expect(results.find((r) => r.userId === free.id)).toMatchObject({ restored: true });
    const refused = results.find((r) => r.userId === taken.id)!;
    expect(refused.restored).toBe(false);
    expect(refused.reason).toContain(EMAIL_IN_THIS_ORGANIZATION);
    expect((await db.user.findUniqueOrThrow({ where: { id: taken.id } })).deletedAt).not.toBeNull();
    // Only the user who is back is told.
    const told = await db.outboxEmail.findMany({ where: { template: "account-restored", to: { in: [free.email, taken.email] } } });
    expect(told.map((email) => email.to)).toEqual([free.email]);
    expect(told[0].props).toMatchObject({ organizationName: customer.name });
  });

  it("refuses a restore after 30 days and purges the user, keeping the audit events", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const user = await createCustomerUser(customer);
    await deleteCustomerUsers(caller, customer.id, [user.id]);
    await db.user.update({ where: { id: user.id }, data: { deletedAt: new Date(Date.now() - 31 * 86_400_000) } });

    await expect(restoreCustomerUsers(caller, customer.id, [user.id])).rejects.toBeInstanceOf(NotFoundError);
    expect(await listDeletedCustomerUsers(caller, customer.id)).toEqual([]);
    expect(await purgeDeletedCustomerUsers()).toBeGreaterThanOrEqual(1);
    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(await purgeDeletedCustomerUsers()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "customer_user.deleted", targetId: user.id } })).toBe(1);
  });
});

describe("filtering customer users", () => {
  it("filters by license, no license, status and search", async () => {
    const { partner, caller } = await createPartner();
    const { customer, product, subscription } = await createCustomerWithSubscription(partner.id, 5);
    const licensed = await createCustomerUser(customer, { firstName: "Lina", lastName: "Licensed", subscriptionIds: [subscription.id] });
    const bare = await createCustomerUser(customer, { firstName: "Nora", lastName: "None" });
    await db.user.update({ where: { id: bare.id }, data: { status: "DISABLED" } });

    const ids = async (filters: CustomerUserFilters) => (await listCustomerUsers(caller, customer.id, { filters })).rows.map((u) => u.id);
    expect(await ids({ license: product.id })).toEqual([licensed.id]);
    expect(await ids({ license: "none" })).toEqual([bare.id]);
    expect(await ids({ status: "DISABLED" })).toEqual([bare.id]);
    expect(await ids({ query: "LINA" })).toEqual([licensed.id]);
  });
});

describe("paging through a customer's users", () => {
  it("walks every user once in name order by cursor, says 1,000+ past the count cap, and refuses a cursor it didn't write", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    // 1,005 users; pairs share a name, so the id breaks ties across a page boundary.
    await db.$executeRaw`
      INSERT INTO "User" ("id", "kind", "partnerId", "customerId", "firstName", "lastName", "email", "emailNormalized", "status", "updatedAt")
      SELECT gen_random_uuid(), 'CUSTOMER', ${partner.id}::uuid, ${customer.id}::uuid, 'Pat', 'Pager' || lpad((n / 2)::text, 4, '0'),
             'pager' || n || '-' || ${customer.id} || '@example.test', 'pager' || n || '-' || ${customer.id} || '@example.test', 'ACTIVE', now()
      FROM generate_series(1, ${CUSTOMER_USERS_COUNT_CAP + 5}) AS n`;
    const expected = (
      await db.user.findMany({ where: { customerId: customer.id }, orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }], select: { id: true } })
    ).map((u) => u.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listCustomerUsers>> = await listCustomerUsers(caller, customer.id, { cursor, limit: 200 });
      expect(page.rows.length).toBeLessThanOrEqual(200);
      seen.push(...page.rows.map((u) => u.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(6); // 5 full pages of 200 and one of 5
    expect(seen).toEqual(expected);

    // The page size is 50 unless asked; a limit past 200 is 200.
    expect((await listCustomerUsers(caller, customer.id)).rows).toHaveLength(CUSTOMER_USERS_PAGE_SIZE);
    expect((await listCustomerUsers(caller, customer.id, { limit: 5000 })).rows).toHaveLength(200);

    expect(await countCustomerUsers(caller, customer.id)).toEqual({ count: CUSTOMER_USERS_COUNT_CAP, capped: true });
    expect(await countCustomerUsers(caller, customer.id, { query: "pager0001" })).toEqual({ count: 2, capped: false });

    await expect(listCustomerUsers(caller, customer.id, { cursor: "bm90IGEgY3Vyc29y" })).rejects.toBeInstanceOf(ValidationError);

    // Another partner's admin holding a valid cursor sees nothing of this customer.
    const other = await createPartner();
    const second = await listCustomerUsers(caller, customer.id, { limit: 10 });
    expect((await listCustomerUsers(other.caller, customer.id, { cursor: second.nextCursor })).rows).toEqual([]);
  });
});

describe("tenant isolation of customer users", () => {
  it("answers not found to another partner's admin for every action, and changes nothing", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const { customer, subscription } = await createCustomerWithSubscription(a.partner.id, 5);
    const user = await createCustomerUser(customer, { subscriptionIds: [subscription.id] });
    const deletedUser = await createCustomerUser(customer);
    await deleteCustomerUsers(a.caller, customer.id, [deletedUser.id]);

    await expect(addCustomerUser(b.caller, userInput(customer.id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(resetCustomerUserPassword(b.caller, customer.id, user.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteCustomerUsers(b.caller, customer.id, [user.id])).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreCustomerUsers(b.caller, customer.id, [deletedUser.id])).rejects.toBeInstanceOf(NotFoundError);
    await expect(emailCredentialsToCaller(b.caller, customer.id, [{ userId: user.id, temporaryPassword: "x" }])).rejects.toBeInstanceOf(NotFoundError);
    expect((await listCustomerUsers(b.caller, customer.id)).rows).toEqual([]);
    expect(await countCustomerUsers(b.caller, customer.id)).toEqual({ count: 0, capped: false });
    expect(await listDeletedCustomerUsers(b.caller, customer.id)).toEqual([]);

    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { licenses: true } });
    expect(saved.deletedAt).toBeNull();
    expect(saved.licenses).toHaveLength(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: deletedUser.id } })).deletedAt).not.toBeNull();
  });
});

describe("selecting all matching users", () => {
  it("returns every match beyond the first page, and only the matches", async () => {
    const { partner, caller } = await createPartner();
    const { customer, product, subscription } = await createCustomerWithSubscription(partner.id, 1);
    await Promise.all(Array.from({ length: CUSTOMER_USERS_PAGE_SIZE + 5 }, () => createCustomerUser(customer)));
    const licensed = await createCustomerUser(customer, { subscriptionIds: [subscription.id] });
    expect(await listMatchingCustomerUserIds(caller, customer.id, { license: "none" })).toHaveLength(CUSTOMER_USERS_PAGE_SIZE + 5);
    expect(await listMatchingCustomerUserIds(caller, customer.id, { license: product.id })).toEqual([licensed.id]);
  });
});
