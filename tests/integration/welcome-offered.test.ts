// "Resend welcome email" is offered on a customer user's page exactly when the
// server would send it: one rule (welcomeBlocker, lib/customers/welcome.ts)
// read by the page (getCustomerUserOrThrow's user) and by the operation.
// A user who activated through the link but never signed in is not offered it.
import { describe, expect, it } from "vitest";
import { runOperation } from "@/lib/operations/run";
import { addCustomerUserOp, resendCustomerUserWelcomeOp } from "@/lib/customers/operations";
import { getCustomerUserOrThrow } from "@/lib/customers/edit-user";
import { welcomeBlocker } from "@/lib/customers/welcome";
import { activateAccount } from "@/lib/auth/activation";
import { ConflictError } from "@/lib/errors";
import { createPartner, uniqueEmail } from "../support/factories";
import { createCustomerWithSubscription } from "../support/customer-factories";
import { latestLinkToken } from "../support/outbox";
import { TEST_META } from "../support/request";

describe("Resend welcome email is offered only when it would be sent", () => {
  it("not to a user who chose a password through the link and never signed in; yes to a fresh invited user", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 2);
    const add = (firstName: string, email: string) =>
      runOperation(addCustomerUserOp, { customerId: customer.id, firstName, lastName: "Welcome", email, productIds: [], welcome: "activation_email" }, caller);

    const activatedEmail = uniqueEmail("activated");
    const activated = await add("Ada", activatedEmail);
    await activateAccount(await latestLinkToken(activatedEmail, "customer-welcome"), "a-long-chosen-passphrase-93", TEST_META);
    const activatedUser = await getCustomerUserOrThrow(caller, customer.id, activated.id);
    expect(activatedUser).toMatchObject({ status: "ACTIVE", lastSignInAt: null });
    expect(welcomeBlocker(activatedUser)).toBe("chose_password");
    const refused = await runOperation(resendCustomerUserWelcomeOp, { customerId: customer.id, userId: activated.id }, caller).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toMatch(/has already chosen a password/);

    const invited = await add("Ivy", uniqueEmail("invited"));
    const invitedUser = await getCustomerUserOrThrow(caller, customer.id, invited.id);
    expect(welcomeBlocker(invitedUser)).toBeNull();
    await expect(runOperation(resendCustomerUserWelcomeOp, { customerId: customer.id, userId: invited.id }, caller)).resolves.toMatchObject({ userId: invited.id });
  });
});
