// Customer users: edit (name, phone, sign-in email confirmed by link), copy
// (same licenses through Add user) and the welcome email instead of a
// temporary password (Add user, CSV import, API, Resend welcome email).
// Through the operations, as the forms and /api/v1 call them (decision 0024).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runOperation } from "@/lib/operations/run";
import {
  addCustomerUserOp,
  importCustomerUsersOp,
  requestCustomerUserEmailChangeOp,
  resendCustomerUserWelcomeOp,
  updateCustomerUserOp,
} from "@/lib/customers/operations";
import { getCustomerUserOrThrow } from "@/lib/customers/edit-user";
import { activateAccount, describeActivationLink } from "@/lib/auth/activation";
import { confirmEmailChange } from "@/lib/auth/email-change";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { EMAIL_IN_OTHER_ORGANIZATION } from "@/lib/accounts/email-rule";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { renderEmail } from "@/lib/email/render";
import * as users from "@/app/api/v1/customers/[id]/users/route";
import * as resendWelcome from "@/app/api/v1/customers/[id]/users/[userId]/resend-welcome/route";
import { createApiKey } from "@/lib/api-keys/keys";
import { callerFor, createPartner, createPartnerUser, uniqueEmail } from "../support/factories";
import { createCustomerUser, createCustomerWithSubscription } from "../support/customer-factories";
import { contract, params, request, routeParams } from "../support/api";
import { latestEmail, latestLinkToken, linkToken } from "../support/outbox";
import { TEST_META } from "../support/request";

const NEW_PASSWORD = "a-long-chosen-passphrase-93";

async function accountExecutive(partnerId: string, partnerName?: string) {
  const admin = await db.user.findFirstOrThrow({ where: { partnerId, role: "partner_admin" } });
  const ae = await createPartnerUser(partnerId, { role: "account_executive", managerId: admin.id });
  return callerFor(ae, partnerName);
}

describe("editing a customer user", () => {
  it("an account executive changes name and phone; another tenant's or another customer's user is not found; sales may not", async () => {
    const { partner } = await createPartner();
    const caller = await accountExecutive(partner.id);
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const user = await createCustomerUser(customer, { firstName: "Lena", lastName: "Larsen" });

    await runOperation(updateCustomerUserOp, { customerId: customer.id, userId: user.id, firstName: " Lena ", lastName: "Lund", phone: "+44 20 7946 0958" }, caller);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ firstName: "Lena", lastName: "Lund", phone: "+442079460958" });
    expect(await db.auditEvent.findFirst({ where: { action: "customer_user.updated", targetId: user.id }, select: { changes: true } })).toMatchObject({
      changes: { lastName: { from: "Larsen", to: "Lund" } },
    });

    // A bad phone is a field error next to the field; nothing changes.
    const bad = await runOperation(updateCustomerUserOp, { customerId: customer.id, userId: user.id, firstName: "Lena", lastName: "", phone: "12" }, caller).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(["lastName", "phone"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastName).toBe("Lund");

    const other = await createPartner();
    const { customer: otherCustomer } = await createCustomerWithSubscription(other.partner.id, 1);
    const victim = await createCustomerUser(otherCustomer);
    // And within the tenant, a user reached through a customer they don't belong to.
    const { customer: sibling } = await createCustomerWithSubscription(partner.id, 1);
    const siblingUser = await createCustomerUser(sibling);
    const edits = [
      { customerId: otherCustomer.id, userId: victim.id },
      { customerId: customer.id, userId: victim.id },
      { customerId: customer.id, userId: siblingUser.id },
    ];
    for (const ids of edits) {
      await expect(runOperation(updateCustomerUserOp, { ...ids, firstName: "Evil", lastName: "Edit" }, caller)).rejects.toBeInstanceOf(NotFoundError);
      await expect(runOperation(requestCustomerUserEmailChangeOp, { ...ids, newEmail: uniqueEmail("evil") }, caller)).rejects.toBeInstanceOf(NotFoundError);
      await expect(runOperation(resendCustomerUserWelcomeOp, ids, caller)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: victim.id } })).firstName).toBe("Casey");
    expect((await db.user.findUniqueOrThrow({ where: { id: siblingUser.id } })).firstName).toBe("Casey");

    const sales = callerFor(await createPartnerUser(partner.id, { role: "sales" }));
    await expect(runOperation(updateCustomerUserOp, { customerId: customer.id, userId: user.id, firstName: "S", lastName: "S" }, sales)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("changes the sign-in email only once the new address confirms, telling the old one, as for team members", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const user = await createCustomerUser(customer);
    const newEmail = uniqueEmail("Lena.New");

    const taken = await createPartner();
    const refused = await runOperation(requestCustomerUserEmailChangeOp, { customerId: customer.id, userId: user.id, newEmail: taken.admin.email }, caller).catch((e: unknown) => e);
    expect((refused as ValidationError).fieldErrors).toEqual({ newEmail: [EMAIL_IN_OTHER_ORGANIZATION] });

    await runOperation(requestCustomerUserEmailChangeOp, { customerId: customer.id, userId: user.id, newEmail }, caller);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "email-change-notice" } })).toBe(1);
    expect((await getCustomerUserOrThrow(caller, customer.id, user.id)).pendingEmail?.newEmail).toBe(newEmail);

    await confirmEmailChange(await latestLinkToken(newEmail, "email-change-confirm"), TEST_META);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email: newEmail, emailNormalized: newEmail.toLowerCase() });
  });
});

describe("copying a customer user", () => {
  it("adds a new person with the same licenses; without a free seat it says which product and creates nothing", async () => {
    const { partner, caller } = await createPartner();
    const { customer, product, subscription } = await createCustomerWithSubscription(partner.id, 2);
    const source = await createCustomerUser(customer, { subscriptionIds: [subscription.id] });
    const copyFrom = await getCustomerUserOrThrow(caller, customer.id, source.id);
    expect(copyFrom.productIds).toEqual([product.id]);

    const copy = { customerId: customer.id, firstName: "Copy", lastName: "One", email: uniqueEmail("copy1"), productIds: copyFrom.productIds };
    await runOperation(addCustomerUserOp, copy, caller);
    const again = { ...copy, lastName: "Two", email: uniqueEmail("copy2") };
    const error = await runOperation(addCustomerUserOp, again, caller).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors.productIds).toEqual([`No free seat left for ${product.name}. Order more seats or untick it.`]);
    expect(await db.user.count({ where: { emailNormalized: again.email.toLowerCase() } })).toBe(0);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).assigned).toBe(2);
  });
});

describe("welcoming a customer user by email", () => {
  it("Add user with an activation link: no password shown, one welcome email; the user activates, signs in, and the link works once", async () => {
    const { partner, caller, admin } = await createPartner("Northwind Test");
    await db.user.update({ where: { id: admin.id }, data: { notifications: ["invitation_accepted", "security"] } });
    const { customer, subscription } = await createCustomerWithSubscription(partner.id, 1);
    const email = uniqueEmail("welcome");
    const result = await runOperation(
      addCustomerUserOp,
      { customerId: customer.id, firstName: "Wendy", lastName: "Welcome", email, productIds: [subscription.productId], welcome: "activation_email" },
      caller,
    );
    expect(result.credential).toBeNull();
    expect(result.temporaryPassword).toBeNull();
    const saved = await db.user.findUniqueOrThrow({ where: { id: result.id } });
    expect(saved).toMatchObject({ status: "INVITED", passwordHash: null, mustChangePassword: false });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).assigned).toBe(1);

    const mail = await latestEmail(email, "customer-welcome");
    expect(mail.props.customerName).toBe(customer.name);
    expect(mail.props.username).toBe(saved.username);
    const rendered = await renderEmail(mail.template, mail.props);
    expect(rendered.text).toContain(customer.name);
    expect(rendered.html).toContain(mail.props.activationUrl);
    const token = linkToken(mail);
    expect(await describeActivationLink(token)).toMatchObject({ email });

    await activateAccount(token, NEW_PASSWORD, TEST_META);
    expect(await signInWithPassword(email, NEW_PASSWORD, TEST_META)).not.toBeNull();
    expect(await describeActivationLink(token)).toBeNull();
    await expect(activateAccount(token, "another-long-passphrase-1", TEST_META)).rejects.toBeInstanceOf(ValidationError);
    // The partner's team hears nothing about a customer user accepting: that notice is about team invitations.
    expect(await db.outboxEmail.count({ where: { template: "invitation-status", props: { path: ["inviteeEmail"], equals: email } } })).toBe(0);

    // Signed in once: no more welcome emails.
    const resend = await runOperation(resendCustomerUserWelcomeOp, { customerId: customer.id, userId: result.id }, caller).catch((e: unknown) => e);
    expect(resend).toBeInstanceOf(ConflictError);
    expect((resend as Error).message).toMatch(/has already signed in/);
  });

  it("Resend welcome email replaces the earlier link and a never-used temporary password", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const email = uniqueEmail("resend");
    const added = await runOperation(addCustomerUserOp, { customerId: customer.id, firstName: "Rita", lastName: "Resend", email }, caller);
    expect(added.temporaryPassword).toEqual(expect.any(String));

    await runOperation(resendCustomerUserWelcomeOp, { customerId: customer.id, userId: added.id }, caller);
    const first = await latestLinkToken(email, "customer-welcome");
    expect(await signInWithPassword(email, added.temporaryPassword!, TEST_META)).toBeNull();
    await runOperation(resendCustomerUserWelcomeOp, { customerId: customer.id, userId: added.id }, caller);
    const second = await latestLinkToken(email, "customer-welcome");
    expect(second).not.toBe(first);
    expect(await describeActivationLink(first)).toBeNull();
    await activateAccount(second, NEW_PASSWORD, TEST_META);
    expect(await signInWithPassword(email, NEW_PASSWORD, TEST_META)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "customer_user.welcome_sent", targetId: added.id } })).toBe(2);
  });

  it("a CSV import can email activation links instead of showing temporary passwords, one per user", async () => {
    const { partner, caller } = await createPartner();
    const { customer, product } = await createCustomerWithSubscription(partner.id, 5);
    const [ada, bob] = [uniqueEmail("ada"), uniqueEmail("bob")];
    const csv = `First name,Last name,Email,Phone,Licenses\r\nAda,Lovelace,${ada},,${product.code}\r\nBob,Byron,${bob},,\r\n`;
    const file = new File([csv], "users.csv", { type: "text/csv" });
    const outcome = await runOperation(importCustomerUsersOp, { customerId: customer.id, intent: "import", welcome: "activation_email", file }, caller);
    expect(outcome).toMatchObject({ step: "imported", credentials: [], welcomed: [expect.objectContaining({ email: ada }), expect.objectContaining({ email: bob })] });
    const imported = await db.user.findMany({ where: { customerId: customer.id, emailNormalized: { in: [ada, bob] } } });
    expect(imported.map((u) => [u.status, u.passwordHash, u.mustChangePassword])).toEqual([
      ["INVITED", null, false],
      ["INVITED", null, false],
    ]);
    await activateAccount(await latestLinkToken(bob, "customer-welcome"), NEW_PASSWORD, TEST_META);
    expect(await signInWithPassword(bob, NEW_PASSWORD, TEST_META)).not.toBeNull();
    expect(await db.outboxEmail.count({ where: { template: "customer-welcome", to: { in: [ada, bob] } } })).toBe(2);
  });

  it("the API takes welcome as an optional field, documented; without it the temporary password comes back as before", async () => {
    const setup = await createPartner();
    const { key } = await createApiKey(setup.caller, { name: "CRM", permissions: ["customers.view", "customers.manage"] as never, expiresOn: undefined });
    const { customer } = await createCustomerWithSubscription(setup.partner.id, 1);

    const plain = await users.POST(request("POST", `/customers/${customer.id}/users`, key, { firstName: "Tom", lastName: "Temp", email: uniqueEmail("tom") }), params(customer.id));
    expect(plain.status).toBe(201);
    await contract("/customers/{id}/users", "POST", plain);
    expect(await plain.json()).toMatchObject({ status: "ACTIVE", welcome: "temporary_password", temporaryPassword: expect.any(String) });

    const email = uniqueEmail("emma");
    const welcomed = await users.POST(request("POST", `/customers/${customer.id}/users`, key, { firstName: "Emma", lastName: "Mail", email, welcome: "activation_email" }), params(customer.id));
    expect(welcomed.status).toBe(201);
    await contract("/customers/{id}/users", "POST", welcomed);
    const body = await welcomed.json();
    expect(body).toMatchObject({ status: "INVITED", welcome: "activation_email", temporaryPassword: null });
    await latestLinkToken(email, "customer-welcome"); // fails unless the welcome email with its link is in the outbox

    const bad = await users.POST(request("POST", `/customers/${customer.id}/users`, key, { firstName: "B", lastName: "Ad", email: uniqueEmail("bad"), welcome: "carrier-pigeon" }), params(customer.id));
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path)).toEqual(["welcome"]);

    const resent = await resendWelcome.POST(request("POST", `/customers/${customer.id}/users/${body.id}/resend-welcome`, key, {}), routeParams({ id: customer.id, userId: body.id }));
    expect(resent.status).toBe(200);
    await contract("/customers/{id}/users/{userId}/resend-welcome", "POST", resent);
  });
});
