// Attack review (session 3): once a sign-in email changes, the links sent to
// the old address must stop working. Otherwise whoever reads the old inbox (a
// mistyped address the welcome email went to, a mailbox the user lost) still
// activates the account or sets its password after the admin moved it away.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runOperation } from "@/lib/operations/run";
import { addCustomerUserOp, requestCustomerUserEmailChangeOp } from "@/lib/customers/operations";
import { activateAccount } from "@/lib/auth/activation";
import { confirmEmailChange, requestEmailChange } from "@/lib/auth/email-change";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { ValidationError } from "@/lib/errors";
import { createPartner, createPartnerUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { createCustomerWithSubscription } from "../support/customer-factories";
import { TEST_META } from "../support/request";
import { latestLinkToken } from "../support/outbox";

const CHOSEN = "a-long-chosen-passphrase-93";

describe("links sent to an address the account no longer uses", () => {
  it("a customer user's welcome link sent to the old address stops working once the new address confirms", async () => {
    const { partner, caller } = await createPartner();
    const { customer } = await createCustomerWithSubscription(partner.id, 1);
    const typo = uniqueEmail("typo");
    const user = await runOperation(addCustomerUserOp, { customerId: customer.id, firstName: "Tia", lastName: "Typo", email: typo, productIds: [], welcome: "activation_email" }, caller);
    const oldWelcome = await latestLinkToken(typo, "customer-welcome");

    const right = uniqueEmail("right");
    await runOperation(requestCustomerUserEmailChangeOp, { customerId: customer.id, userId: user.id, newEmail: right }, caller);
    await confirmEmailChange(await latestLinkToken(right, "email-change-confirm"), TEST_META);

    // The stranger at the mistyped address can't take the account.
    await expect(activateAccount(oldWelcome, CHOSEN, TEST_META)).rejects.toBeInstanceOf(ValidationError);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { status: true, passwordHash: true } })).toEqual({ status: "INVITED", passwordHash: null });
    expect(await signInWithPassword(right, CHOSEN, TEST_META)).toBeNull();
  });

  it("a team member's reset link sent to the old address stops working once the email changes", async () => {
    const { partner, caller } = await createPartner();
    const member = await createPartnerUser(partner.id, { role: "sales" });
    await requestPasswordReset(member.email, TEST_META);
    const oldReset = await latestLinkToken(member.email, "password-reset");

    const moved = uniqueEmail("moved");
    await requestEmailChange(caller, member.id, moved);
    await confirmEmailChange(await latestLinkToken(moved, "email-change-confirm"), TEST_META);

    await expect(resetPassword(oldReset, CHOSEN, TEST_META)).rejects.toBeInstanceOf(ValidationError);
    expect(await signInWithPassword(moved, TEST_PASSWORD, TEST_META)).not.toBeNull();
    expect(await signInWithPassword(moved, CHOSEN, TEST_META)).toBeNull();
  });
});
