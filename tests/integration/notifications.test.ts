import { randomUUID } from "node:crypto";
import { startSmtpServer } from "../support/smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { changeLicenses } from "@/lib/licenses/manage";
import { importCustomerUsers } from "@/lib/customers/import";
import { deleteCustomerUsers, restoreCustomerUsers } from "@/lib/customers/customer-users";
import { placeOrder } from "@/lib/orders/orders";
import { OrderInput } from "@/lib/orders/schemas";
import { inviteTeamMember } from "@/lib/team/invite";
import { InviteUserInput } from "@/lib/team/schemas";
import { sendPendingNotifications } from "@/lib/notifications/digest";
import { isoWeekOf, sendWeeklySummaries } from "@/lib/notifications/weekly-summary";
import { renderEmail } from "@/lib/email/render";
import { deliverDueEmails } from "@/lib/email/worker";
import { linksIn } from "@/lib/email/links";
import { env, resetEnvCacheForTests } from "@/lib/env";
import { createPartner, createPartnerUser, uniqueEmail } from "../support/factories";
import { createCustomerUser, createCustomerWithSubscription, createProduct, createCustomer } from "../support/customer-factories";
import { assignLicense } from "../support/licenses";

// License changes, new orders and the weekly summary (decision 0017), through
// the domain functions production calls and the jobs of lib/jobs/registry.ts,
// on a real Postgres. Each job pass is limited to this test's partner,
// because other test files share the database.

const MINUTE = 60_000;
const later = (ms = 5 * MINUTE) => new Date(Date.now() + ms);

/** The partner's admin (opted in), a member who opted out, and one opted in who can't see customers. */
async function setup(kinds: string[] = ["license_changes", "new_orders", "weekly_summary"]) {
  const { partner, admin, caller } = await createPartner();
  await db.user.update({ where: { id: admin.id }, data: { notifications: kinds } });
  const optedOut = await createPartnerUser(partner.id, { firstName: "Otto", role: "partner_admin" });
  const teamOnly = await createPartnerUser(partner.id, { firstName: "Tina", role: null, permissions: ["users.view", "users.manage"] });
  await db.user.update({ where: { id: teamOnly.id }, data: { notifications: kinds } });
  return { partner, admin, caller, optedOut, teamOnly };
}

const outboxFor = (to: string, template: string) => db.outboxEmail.findMany({ where: { to, template }, orderBy: { createdAt: "asc" } });

describe("license change notifications", () => {
  it("mail one email after the quiet period to an opted-in admin, none to who opted out or can't see customers", async () => {
    const { partner, admin, caller, optedOut, teamOnly } = await setup();
    const { customer, product } = await createCustomerWithSubscription(partner.id, 5);
    const user = await createCustomerUser(customer, { firstName: "Lena", lastName: "Larsen" });

    expect(await assignLicense(caller, { customerId: customer.id, userId: user.id, productCode: product.code })).toBe("assigned");
    // Still within the burst: nothing yet, in case more changes follow.
    expect(await sendPendingNotifications({ partnerId: partner.id })).toBe(0);
    expect(await outboxFor(admin.email, "license-changes")).toHaveLength(0);

    expect(await sendPendingNotifications({ partnerId: partner.id, now: later() })).toBe(1);
    const [email] = await outboxFor(admin.email, "license-changes");
    expect(email).toBeDefined();
    expect(await outboxFor(optedOut.email, "license-changes")).toHaveLength(0);
    expect(await outboxFor(teamOnly.email, "license-changes")).toHaveLength(0);
    // The events are spent: a second pass mails nothing.
    expect(await sendPendingNotifications({ partnerId: partner.id, now: later() })).toBe(0);
    expect(await db.notificationEvent.count({ where: { partnerId: partner.id } })).toBe(0);

    const rendered = await renderEmail("license-changes", email.props as never);
    expect(rendered.subject).toBe(`Lena Larsen (${customer.name}) was assigned ${product.name}`);
    expect(rendered.text).toContain(`Alice Admin assigned ${product.name} to Lena Larsen (${customer.name})`);
    const settingsUrl = new URL("/team/me#notifications", env().APP_URL).toString();
    expect(linksIn(rendered.html)).toContain(settingsUrl);
    expect(rendered.text).toContain(settingsUrl);
  });

  it("turn a 1,000-row import into exactly one digest per recipient", async () => {
    const { partner, admin, caller, optedOut } = await setup();
    const second = await createPartnerUser(partner.id, { firstName: "Sam", role: "sales" });
    await db.user.update({ where: { id: second.id }, data: { notifications: ["license_changes"] } });
    const { customer, product } = await createCustomerWithSubscription(partner.id, 1000);
    const tag = randomUUID().slice(0, 8);
    const rows = Array.from({ length: 1000 }, (_, i) => `User${i},Imported,u${i}.${tag}@example.test,,${product.code}`);
    await importCustomerUsers(caller, customer.id, ["First name,Last name,Email,Phone,Licenses", ...rows].join("\n"), { validOnly: false });
    expect(await db.notificationEvent.count({ where: { partnerId: partner.id } })).toBe(1000);

    expect(await sendPendingNotifications({ partnerId: partner.id, now: later() })).toBe(2);
    for (const recipient of [admin, second]) {
      const emails = await outboxFor(recipient.email, "license-changes");
      expect(emails).toHaveLength(1);
      const rendered = await renderEmail("license-changes", emails[0].props as never);
      expect(rendered.subject).toBe(`1,000 license changes for ${customer.name}`);
      expect(rendered.text).toContain("1,000 licenses assigned and 0 licenses revoked");
      expect(rendered.text).toContain("… and 980 more changes");
    }
    expect(await outboxFor(optedOut.email, "license-changes")).toHaveLength(0);
  });

  it("cover bulk revokes, deletions and restores, batched into one digest", async () => {
    const { partner, admin, caller } = await setup(["license_changes"]);
    const { customer, subscription, product } = await createCustomerWithSubscription(partner.id, 5);
    const a = await createCustomerUser(customer, { firstName: "Ann", subscriptionIds: [subscription.id] });
    const b = await createCustomerUser(customer, { firstName: "Ben", subscriptionIds: [subscription.id] });
    await changeLicenses(caller, { customerId: customer.id, userIds: [a.id], wantedProductIds: [], changedProductIds: [product.id] });
    await deleteCustomerUsers(caller, customer.id, [b.id]);
    await restoreCustomerUsers(caller, customer.id, [b.id]);

    expect(await sendPendingNotifications({ partnerId: partner.id, now: later() })).toBe(1);
    const [email] = await outboxFor(admin.email, "license-changes");
    const rendered = await renderEmail("license-changes", email.props as never);
    expect(rendered.text).toContain(`revoked ${product.name} from Ann Customer (${customer.name})`);
    expect(rendered.text).toContain(`revoked ${product.name} from Ben Customer (${customer.name}, user deleted)`);
    expect(rendered.text).toContain(`assigned ${product.name} to Ben Customer (${customer.name}, user restored)`);
  });

  it("write the events in the change's transaction: a refused change leaves none", async () => {
    const { partner, caller } = await setup();
    const { customer, product } = await createCustomerWithSubscription(partner.id, 0);
    const user = await createCustomerUser(customer);
    expect(await assignLicense(caller, { customerId: customer.id, userId: user.id, productCode: product.code })).toBe("no_seat");
    expect(await db.notificationEvent.count({ where: { partnerId: partner.id } })).toBe(0);
  });
});

describe("new order notifications", () => {
  it("mail one 'new order' email naming the customer, products and seats", async () => {
    const { partner, admin, caller, optedOut, teamOnly } = await setup();
    const customer = await createCustomer(partner.id);
    const product = await createProduct();
    const placed = await placeOrder(caller, OrderInput.parse({ customerId: customer.id, [`seats:${product.id}`]: "25" }));

    expect(await sendPendingNotifications({ partnerId: partner.id, now: later() })).toBe(1);
    const emails = await outboxFor(admin.email, "new-orders");
    expect(emails).toHaveLength(1);
    expect(await outboxFor(optedOut.email, "new-orders")).toHaveLength(0);
    expect(await outboxFor(teamOnly.email, "new-orders")).toHaveLength(0);
    const rendered = await renderEmail("new-orders", emails[0].props as never);
    const orderNumber = `O-${String(placed.number).padStart(6, "0")}`;
    expect(rendered.subject).toBe(`New order ${orderNumber} for ${customer.name}`);
    expect(rendered.text).toContain(`Alice Admin placed order ${orderNumber} for ${customer.name}`);
    expect(rendered.text).toContain(`25 seats of ${product.name}`);
  });
});

// ---- The weekly summary, and delivery of one over real SMTP ----

type Received = { to: string[]; raw: string };
let smtp: { port: number; received: Received[]; close: () => Promise<void> };
const originalSmtpUrl = process.env.SMTP_URL;

beforeAll(async () => {
  const received: Received[] = [];
  const server = await startSmtpServer(({ to, raw }) => {
    received.push({ to, raw });
  });
  smtp = { ...server, received };
});

afterAll(async () => {
  if (originalSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = originalSmtpUrl;
  resetEnvCacheForTests();
  await smtp?.close();
});

describe("the weekly summary", () => {
  it("goes once per recipient and week, even run twice and concurrently, with the week's figures", async () => {
    const { partner, admin, caller, optedOut, teamOnly } = await setup();
    const sales = await createPartnerUser(partner.id, { firstName: "Sally", role: "sales" });
    await db.user.update({ where: { id: sales.id }, data: { notifications: ["weekly_summary"] } });

    // This week's activity, summarized next Monday.
    for (const firstName of ["Ina", "Ivo"]) {
      await inviteTeamMember(caller, InviteUserInput.parse({ firstName, lastName: "Vited", email: uniqueEmail("inv"), role: "sales" }));
    }
    const expiredInvitee = await createPartnerUser(partner.id, { status: "INVITED", role: "sales" });
    await db.userToken.create({
      data: { userId: expiredInvitee.id, purpose: "ACTIVATION", tokenHash: randomUUID(), expiresAt: new Date(Date.now() - 1000) },
    });
    const customer = await createCustomer(partner.id, { name: "Fabrikam Weekly" });
    const product = await createProduct({ name: "Weekly Suite" });
    await placeOrder(caller, OrderInput.parse({ customerId: customer.id, [`seats:${product.id}`]: "10" }));
    const users = [];
    for (let i = 0; i < 9; i++) users.push(await createCustomerUser(customer));
    for (const user of users) await assignLicense(caller, { customerId: customer.id, userId: user.id, productCode: product.code });
    await changeLicenses(caller, { customerId: customer.id, userIds: [users[0].id], wantedProductIds: [], changedProductIds: [product.id] });
    await assignLicense(caller, { customerId: customer.id, userId: users[0].id, productCode: product.code });
    await deleteCustomerUsers(caller, customer.id, [users[1].id]);
    const latecomer = await createCustomerUser(customer);
    await assignLicense(caller, { customerId: customer.id, userId: latecomer.id, productCode: product.code }); // 9 of 10: almost full
    // An event audited before the { from, to } shape (events are never rewritten) counts too: 2 more assigned.
    await db.auditEvent.create({
      data: { action: "license.changed", partnerId: partner.id, targetType: "customer", targetId: customer.id, changes: { assigned: ["a", "b"], revoked: [] } },
    });

    const nextMonday = new Date(isoWeekOf(new Date()).end.getTime() + 3600_000);
    // Not on other days.
    expect(await sendWeeklySummaries({ now: new Date(nextMonday.getTime() + 86_400_000), partnerIds: [partner.id] })).toBe(0);

    const [first, second] = await Promise.all([
      sendWeeklySummaries({ now: nextMonday, partnerIds: [partner.id] }),
      sendWeeklySummaries({ now: nextMonday, partnerIds: [partner.id] }),
    ]);
    expect(first + second).toBe(3); // admin, the team-only member, sales
    expect(await sendWeeklySummaries({ now: new Date(nextMonday.getTime() + 3600_000), partnerIds: [partner.id] })).toBe(0);

    for (const person of [admin, teamOnly, sales]) expect(await outboxFor(person.email, "weekly-summary")).toHaveLength(1);
    expect(await outboxFor(optedOut.email, "weekly-summary")).toHaveLength(0);

    const [adminEmail] = await outboxFor(admin.email, "weekly-summary");
    expect(adminEmail.props).toMatchObject({
      team: { invitationsSent: 2, invitationsAccepted: 0, invitationsExpired: 1, membersDeleted: 0 },
      customers: {
        usersAdded: 0,
        usersDeleted: 1,
        licensesAssigned: 13,
        licensesRevoked: 2,
        orders: 1,
        seatsOrdered: 10,
        nearlyFull: [{ customerName: "Fabrikam Weekly", productName: "Weekly Suite", assigned: 9, purchased: 10 }],
        nearlyFullTotal: 1,
      },
    });
    // Sections follow the recipient's permissions.
    const [teamOnlyEmail] = await outboxFor(teamOnly.email, "weekly-summary");
    expect(teamOnlyEmail.props).not.toHaveProperty("customers");
    const [salesEmail] = await outboxFor(sales.email, "weekly-summary");
    expect(salesEmail.props).not.toHaveProperty("team");

    // Delivered over SMTP: a text and an HTML part, and the unsubscribe link in both.
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    resetEnvCacheForTests();
    expect(await deliverDueEmails({ recipients: [admin.email] })).toBeGreaterThanOrEqual(1);
    const mail = smtp.received.find((m) => m.to.includes(admin.email) && m.raw.includes("your week on Partner Portal"));
    expect(mail).toBeDefined();
    expect(mail!.raw).toMatch(/Content-Type: text\/plain/i);
    expect(mail!.raw).toMatch(/Content-Type: text\/html/i);
    const unfolded = mail!.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    expect(unfolded).toContain(`${env().APP_URL.replace(/\/$/, "")}/team/me#notifications`);
    expect(unfolded).toContain("Licenses assigned: 13");
  });
});
