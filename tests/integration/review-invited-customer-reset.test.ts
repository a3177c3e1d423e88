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
import type { WelcomeMethod } from "@/lib/customers/schemas";
import { createPartner, uniqueEmail } from "../support/factories";
import { createCustomerWithSubscription } from "../support/customer-factories";
import { latestLinkToken } from "../support/outbox";
import { TEST_META } from "../support/request";

const CHOSEN = "a-long-chosen-passphrase-93";

/** A partner admin adds a customer user (no licenses) welcomed this way; `target` names the user in later operations. */
async function addCustomerUser(firstName: string, lastName: string, welcome: WelcomeMethod) {
  const { partner, caller } = await createPartner();
  const { customer } = await createCustomerWithSubscription(partner.id, 1);
  const email = uniqueEmail(lastName.toLowerCase());
  const user = await runOperation(addCustomerUserOp, { customerId: customer.id, firstName, lastName, email, productIds: [], welcome }, caller);
  return { caller, email, user, target: { customerId: customer.id, userId: user.id } };
}

describe("resetting the password of a customer user who was welcomed by email", () => {
  it("the temporary password signs them in, and the older welcome link no longer activates", async () => {
    const { caller, email, user, target } = await addCustomerUser("Ivy", "Invited", "activation_email");
    const link = await latestLinkToken(email, "customer-welcome");

    const credential = await runOperation(resetCustomerUserPasswordOp, target, caller);
    const session = await signInWithPassword(email, credential.temporaryPassword, TEST_META);
    expect(session).not.toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { status: true, mustChangePassword: true } })).toEqual({ status: "ACTIVE", mustChangePassword: true });
    await expect(activateAccount(link, CHOSEN, TEST_META)).rejects.toBeInstanceOf(ValidationError);
  });

  it("after Resend welcome email, Reset password still gives a working temporary password", async () => {
    const { caller, email, target } = await addCustomerUser("Rey", "Resent", "temporary_password");
    await runOperation(resendCustomerUserWelcomeOp, target, caller);
    const credential = await runOperation(resetCustomerUserPasswordOp, target, caller);
    expect(await signInWithPassword(email, credential.temporaryPassword, TEST_META)).not.toBeNull();
  });
});

describe("Resend welcome email after the user has chosen a password", () => {
  it("is refused, and the password they chose keeps working", async () => {
    const { caller, email, target } = await addCustomerUser("Cho", "Chosen", "activation_email");
    // Activated through the link, but the sign-in that follows didn't happen (closed tab, a sign-in limit): lastSignInAt is still empty.
    await activateAccount(await latestLinkToken(email, "customer-welcome"), CHOSEN, TEST_META);
    await expect(runOperation(resendCustomerUserWelcomeOp, target, caller)).rejects.toThrow(/already/);
    expect(await signInWithPassword(email, CHOSEN, TEST_META)).not.toBeNull();
  });
});
