import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { inviteTeamMember } from "@/lib/team/invite";
import { InviteUserInput } from "@/lib/team/schemas";
import { describeActivationLink } from "@/lib/auth/activation";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { AccountDisabledSignIn, signInWithPassword } from "@/lib/auth/sign-in";
import { RateLimitedError } from "@/lib/errors";
import { createPartner, createPartnerUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { createCustomer, createCustomerUser } from "../support/customer-factories";
import { linkTokens } from "../support/outbox";

// Rough edges of the portal (decision 0021), through the functions production calls.

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

describe("forgot password for someone still invited", () => {
  it("sends a fresh activation link and the earlier one stops working", async () => {
    const { caller } = await createPartner();
    const input = InviteUserInput.parse({ firstName: "Ivy", lastName: "Invitee", email: uniqueEmail("ivy"), role: "sales" });
    const user = await inviteTeamMember(caller, input);
    const [first] = await linkTokens(user.email);
    expect(await describeActivationLink(first)).not.toBeNull();

    await expect(requestPasswordReset(user.email.toUpperCase(), { ...meta, ip: "10.9.0.1" })).resolves.toBeUndefined();

    const tokens = await linkTokens(user.email);
    expect(tokens).toHaveLength(2);
    const latest = await db.outboxEmail.findFirstOrThrow({ where: { to: user.email }, orderBy: { createdAt: "desc" } });
    expect(latest.template).toBe("invite-resent");
    expect(await describeActivationLink(tokens[1])).toMatchObject({ email: user.email });
    expect(await describeActivationLink(first)).toBeNull();
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "password-reset" } })).toBe(0);
  });

  it("keeps the per-account limit", async () => {
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id, { status: "INVITED" });
    for (let i = 0; i < 3; i++) await requestPasswordReset(user.email, { ...meta, ip: `10.9.1.${i}` });
    await expect(requestPasswordReset(user.email, { ...meta, ip: "10.9.1.9" })).rejects.toBeInstanceOf(RateLimitedError);
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "invite-resent" } })).toBe(3);
  });

  it("sends nothing to a disabled account", async () => {
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id, { status: "DISABLED" });
    await requestPasswordReset(user.email, { ...meta, ip: "10.9.2.1" });
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(0);
  });
});

describe("a disabled user signing in", () => {
  it("is told, after the right password, that the account is disabled and to ask the primary user", async () => {
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id, { status: "DISABLED", role: "sales" });
    const refused = await signInWithPassword(user.email, TEST_PASSWORD, { ...meta, ip: "10.9.3.1" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AccountDisabledSignIn);
    expect((refused as AccountDisabledSignIn).userMessage).toBe(
      "Your account is disabled. Contact Alice Admin, your organization's primary user, to enable it.",
    );
  });

  it("learns nothing with a wrong password", async () => {
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id, { status: "DISABLED", role: "sales" });
    expect(await signInWithPassword(user.email, "not the password at all", { ...meta, ip: "10.9.3.2" })).toBeNull();
  });

  it("is sent to support when a customer user (nobody in the reseller's team can enable them)", async () => {
    const { partner } = await createPartner();
    const customer = await createCustomer(partner.id, { name: "Fabrikam" });
    const { email } = await createCustomerUser(customer, { firstName: "Cy", lastName: "Customer", status: "DISABLED", withPassword: true });
    const refused = await signInWithPassword(email, TEST_PASSWORD, { ...meta, ip: "10.9.3.4" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AccountDisabledSignIn);
    expect((refused as AccountDisabledSignIn).userMessage).toBe("Your account is disabled. Contact support to enable it.");
  });

  it("is sent to support when staff", async () => {
    const email = uniqueEmail("staff");
    const { admin } = await createPartner();
    await db.user.create({
      data: {
        kind: "STAFF",
        firstName: "Sam",
        lastName: "Staff",
        email,
        emailNormalized: email,
        role: "support",
        status: "DISABLED",
        passwordHash: (await db.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash,
      },
    });
    const refused = await signInWithPassword(email, TEST_PASSWORD, { ...meta, ip: "10.9.3.3" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AccountDisabledSignIn);
    expect((refused as AccountDisabledSignIn).userMessage).toBe("Your account is disabled. Contact support to enable it.");
  });
});
