import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  describeResetLink,
  requestPasswordReset,
  RESET_LINK_NO_LONGER_VALID,
  resetPassword,
  sendPasswordResetOnBehalf,
} from "@/lib/auth/password-reset";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { findLiveSession } from "@/lib/auth/sessions";
import { ValidationError } from "@/lib/errors";
import { createPartner, createPartnerUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { latestEmail, latestLinkToken } from "../support/outbox";
import { TEST_META } from "../support/request";

const NEW_PASSWORD = "lighthouse keeper at dawn";

describe("forgot password", () => {
  it("mails a one-hour link for an existing account, by email or username", async () => {
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id);
    await db.user.update({ where: { id: user.id }, data: { username: `user-${user.id.slice(0, 8)}` } });

    await requestPasswordReset(user.email.toUpperCase(), TEST_META);
    await requestPasswordReset(`user-${user.id.slice(0, 8)}`, TEST_META);
    const tokens = await db.userToken.findMany({ where: { userId: user.id, purpose: "PASSWORD_RESET" } });
    expect(tokens).toHaveLength(2);
    const minutes = (tokens[1].expiresAt.getTime() - tokens[1].createdAt.getTime()) / 60_000;
    expect(minutes).toBeCloseTo(60, 0);
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "password-reset" } })).toBe(2);
  });

  it("completes the same way for an unknown account, and sends nothing", async () => {
    const email = uniqueEmail("ghost");
    await expect(requestPasswordReset(email, TEST_META)).resolves.toBeUndefined();
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(0);
  });

  it("sets the new password once, ends every session, and refuses the link afterwards", async () => {
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id);
    const session = await signInWithPassword(user.email, TEST_PASSWORD, TEST_META);
    await requestPasswordReset(user.email, TEST_META);
    const token = await latestLinkToken(user.email, "password-reset");

    expect(await describeResetLink(token)).toMatchObject({ email: user.email });
    await resetPassword(token, NEW_PASSWORD, TEST_META);

    expect(await findLiveSession(session!.sessionId)).toBeNull();
    expect(await signInWithPassword(user.email, TEST_PASSWORD, TEST_META)).toBeNull();
    expect(await signInWithPassword(user.email, NEW_PASSWORD, TEST_META)).not.toBeNull();
    expect(await describeResetLink(token)).toBeNull();
    const error = await resetPassword(token, "yet another fine passphrase", TEST_META).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.password).toEqual([RESET_LINK_NO_LONGER_VALID]);
  });

  it("refuses an expired link", async () => {
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id);
    await requestPasswordReset(user.email, TEST_META);
    const token = await latestLinkToken(user.email, "password-reset");
    await db.userToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await describeResetLink(token)).toBeNull();
    await expect(resetPassword(token, NEW_PASSWORD, TEST_META)).rejects.toBeInstanceOf(ValidationError);
  });

  it("lets an admin send a reset link without ever seeing a password", async () => {
    const { partner, caller } = await createPartner();
    const user = await createPartnerUser(partner.id);
    await sendPasswordResetOnBehalf(caller, user);
    const mail = await latestEmail(user.email, "password-reset");
    expect(JSON.stringify(mail.props)).not.toMatch(/password"\s*:/i);
    expect(await db.auditEvent.count({ where: { action: "user.password_reset_sent", targetId: user.id } })).toBe(1);
  });
});
