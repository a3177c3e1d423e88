import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { AccountLockedError, lockMinutes } from "@/lib/auth/lockout";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { RateLimitedError } from "@/lib/errors";
import { createPartner, createPartnerUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { latestLinkToken } from "../support/outbox";

// Each test uses its own IP so the per-IP sign-in limit never interferes.
const metaFor = (n: number) => ({ ip: `10.9.${n}.${Math.floor(Math.random() * 250)}`, userAgent: "vitest" });

async function failTimes(login: string, times: number, meta: { ip: string; userAgent: string }) {
  const outcomes: unknown[] = [];
  for (let i = 0; i < times; i++) outcomes.push(await signInWithPassword(login, "wrong password here", meta).catch((e: unknown) => e));
  return outcomes;
}

describe("sign-in lockout", () => {
  it("grows the lock from 1 minute, doubling, up to an hour", () => {
    expect([4, 5, 6, 7, 11, 20].map(lockMinutes)).toEqual([0, 1, 2, 4, 60, 60]);
  });

  it("locks after 5 wrong passwords, refuses even the right one with the wait, and tells the user once", async () => {
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id);
    const meta = metaFor(1);
    const outcomes = await failTimes(user.email, 5, meta);
    expect(outcomes.slice(0, 4)).toEqual([null, null, null, null]);
    expect(outcomes[4]).toBeInstanceOf(AccountLockedError);
    expect((outcomes[4] as Error).message).toMatch(/locked for 1 more minute/);

    const right = await signInWithPassword(user.email, TEST_PASSWORD, meta).catch((e: unknown) => e);
    expect(right).toBeInstanceOf(RateLimitedError);
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "account-locked" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: "auth.account_locked" } })).toBe(1);
  });

  it("lifts the lock when it runs out, and a success resets the count", async () => {
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id);
    const meta = metaFor(2);
    await failTimes(user.email, 5, meta);
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    // One more failure after an expired lock locks again, for longer.
    expect((await failTimes(user.email, 1, meta))[0]).toBeInstanceOf(AccountLockedError);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(6);
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await signInWithPassword(user.email, TEST_PASSWORD, meta)).not.toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedSignIns: 0, lockedUntil: null });
  });

  it("lets a password reset link work while locked, and the reset clears the lock", async () => {
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id);
    const meta = metaFor(3);
    await failTimes(user.email, 5, meta);
    await requestPasswordReset(user.email, meta);
    const token = await latestLinkToken(user.email, "password-reset");
    await resetPassword(token, "a brand new passphrase", meta);
    expect(await signInWithPassword(user.email, "a brand new passphrase", meta)).not.toBeNull();
  });

  it("lets the owner back in after 11 wrong passwords and a reset through the emailed link", async () => {
    const { partner } = await createPartner();
    const user = await createPartnerUser(partner.id);
    const meta = metaFor(5);
    const outcomes = await failTimes(user.email, 11, meta);
    expect(outcomes.slice(4).every((o) => o instanceof AccountLockedError)).toBe(true);
    await requestPasswordReset(user.email, meta);
    const token = await latestLinkToken(user.email, "password-reset");
    await resetPassword(token, "a brand new passphrase", meta);
    expect(await signInWithPassword(user.email, "a brand new passphrase", meta)).not.toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    // The reset cleared the account's forgot-password count too: the owner can ask again.
    for (let i = 0; i < 3; i++) await requestPasswordReset(user.email, meta);
  });

  it("answers an unknown account the same way, so the lock reveals nothing", async () => {
    const email = uniqueEmail("ghost");
    const outcomes = await failTimes(email, 5, metaFor(4));
    expect(outcomes.slice(0, 4)).toEqual([null, null, null, null]);
    expect(outcomes[4]).toBeInstanceOf(AccountLockedError);
  });
});
