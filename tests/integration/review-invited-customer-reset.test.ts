// Attack review (session 3): a customer user welcomed by email is INVITED
// until they use the link. "Reset password" on such a user hands the admin a
// temporary password; it must actually let the user in (before, sign-in
// refused it because the account was still Invited), and from then on the
// temporary password is the way in: the welcome link no longer activates.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runOperation } from "@/lib/operations/run";
import { addCustomerUserOp, resendCustomerUserWelcomeOp, resetCustomerUserPasswordOp } from "@/lib/customers/operations";
import { activateAccount } from "@/lib/auth/activation";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { ValidationError } from "@/lib/errors";
import { createPartner, uniqueEmail } from "../support/factories";
import { createCustomerWithSubscription } from "../support/customer-factories";

const meta = { ip: null, userAgent: "vitest" };

async function welcomeToken(to: string) {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to, template: "customer-welcome" }, orderBy: { createdAt: "desc" } });
  return (mail.props as { activationUrl: string }).activationUrl.split("/activate/")[1];
}

describe("resetting the password of a customer user who was welcomed by email", () => {
  it("the temporary password signs them in, and the older welcome link no longer activates", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const email = uniqueEmail("invited");
    const user = await runOperation(addCustomerUserOp, { customerId: customer.id, firstName: "Ivy", lastName: "Invited", email, productIds: [], welcome: "activation_email" }, caller);
    const link = await welcomeToken(email);

    const credential = await runOperation(resetCustomerUserPasswordOp, { customerId: customer.id, userId: user.id }, caller);
    const session = await signInWithPassword(email, credential.temporaryPassword, meta);
    expect(session).not.toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { status: true, mustChangePassword: true } })).toEqual({ status: "ACTIVE", mustChangePassword: true });
    await expect(activateAccount(link, "a-long-chosen-passphrase-93", meta)).rejects.toBeInstanceOf(ValidationError);
  });

  it("after Resend welcome email, Reset password still gives a working temporary password", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const email = uniqueEmail("resent");
    const user = await runOperation(addCustomerUserOp, { customerId: customer.id, firstName: "Rey", lastName: "Resent", email, productIds: [] }, caller);
    await runOperation(resendCustomerUserWelcomeOp, { customerId: customer.id, userId: user.id }, caller);
    const credential = await runOperation(resetCustomerUserPasswordOp, { customerId: customer.id, userId: user.id }, caller);
    expect(await signInWithPassword(email, credential.temporaryPassword, meta)).not.toBeNull();
  });
});

describe("Resend welcome email after the user has chosen a password", () => {
  it("is refused, and the password they chose keeps working", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const email = uniqueEmail("chose");
    const user = await runOperation(addCustomerUserOp, { customerId: customer.id, firstName: "Cho", lastName: "Chosen", email, productIds: [], welcome: "activation_email" }, caller);
    // Activated through the link, but the sign-in that follows didn't happen (closed tab, a sign-in limit): lastSignInAt is still empty.
    await activateAccount(await welcomeToken(email), "a-long-chosen-passphrase-93", meta);
    await expect(runOperation(resendCustomerUserWelcomeOp, { customerId: customer.id, userId: user.id }, caller)).rejects.toThrow(/already/);
    expect(await signInWithPassword(email, "a-long-chosen-passphrase-93", meta)).not.toBeNull();
  });
});
