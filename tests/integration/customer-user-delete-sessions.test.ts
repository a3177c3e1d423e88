// Deleting a customer user signs them out everywhere at once (DESIGN §4, §10):
// every session they opened stops working on its next request, through both
// production paths (the API's single delete and the list's bulk delete), and
// for good: a restore brings the account back, never the old sessions. Nobody
// else's session is touched.
import { describe, expect, it } from "vitest";
import { deleteCustomerUserOp, deleteCustomerUsersOp, restoreCustomerUserOp, restoreCustomerUsersOp } from "@/lib/customers/operations";
import { runOperation } from "@/lib/operations/run";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { findLiveSession } from "@/lib/auth/sessions";
import { NotFoundError } from "@/lib/errors";
import { createPartner, TEST_PASSWORD } from "../support/factories";
import { createCustomer, createCustomerUser } from "../support/customer-factories";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

/** A customer user with a password of their own, signed in on two devices. */
async function signedInCustomerUser(customer: { id: string; partnerId: string }) {
  const user = await createCustomerUser(customer, { withPassword: true });
  const laptop = await signInWithPassword(user.email, TEST_PASSWORD, meta);
  const phone = await signInWithPassword(user.email, TEST_PASSWORD, { ...meta, userAgent: "phone" });
  return { user, sessions: [laptop!.sessionId, phone!.sessionId] };
}

const live = async (sessionIds: string[]) => (await Promise.all(sessionIds.map(findLiveSession))).filter(Boolean).length;

describe("deleting a customer user", () => {
  it("ends every session of theirs at once (one by one, as the API deletes), and they can't sign in again", async () => {
    const { partner, caller } = await createPartner();
    const customer = await createCustomer(partner.id);
    const gone = await signedInCustomerUser(customer);
    const colleague = await signedInCustomerUser(customer);
    expect(await live(gone.sessions)).toBe(2);

    await runOperation(deleteCustomerUserOp, { customerId: customer.id, userId: gone.user.id }, caller);

    expect(await live(gone.sessions)).toBe(0);
    expect(await signInWithPassword(gone.user.email, TEST_PASSWORD, meta)).toBeNull();
    // A colleague at the same customer stays signed in.
    expect(await live(colleague.sessions)).toBe(2);

    // Restored, the account signs in afresh; a device left signed in before the delete stays signed out.
    await runOperation(restoreCustomerUserOp, { customerId: customer.id, userId: gone.user.id }, caller);
    expect(await live(gone.sessions)).toBe(0);
    const fresh = await signInWithPassword(gone.user.email, TEST_PASSWORD, meta);
    expect(await live([fresh!.sessionId])).toBe(1);
  });

  it("ends the sessions of every user of a bulk delete", async () => {
    const { partner, caller } = await createPartner();
    const customer = await createCustomer(partner.id);
    const a = await signedInCustomerUser(customer);
    const b = await signedInCustomerUser(customer);
    const kept = await signedInCustomerUser(customer);

    await runOperation(deleteCustomerUsersOp, { customerId: customer.id, userIds: [a.user.id, b.user.id] }, caller);

    expect(await live([...a.sessions, ...b.sessions])).toBe(0);
    expect(await live(kept.sessions)).toBe(2);
    await runOperation(restoreCustomerUsersOp, { customerId: customer.id, userIds: [a.user.id, b.user.id] }, caller);
    expect(await live([...a.sessions, ...b.sessions])).toBe(0);
  });

  it("leaves the sessions alone when another partner tries (not found)", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const customer = await createCustomer(a.partner.id);
    const victim = await signedInCustomerUser(customer);

    await expect(runOperation(deleteCustomerUserOp, { customerId: customer.id, userId: victim.user.id }, b.caller)).rejects.toBeInstanceOf(NotFoundError);
    expect(await live(victim.sessions)).toBe(2);
  });
});
