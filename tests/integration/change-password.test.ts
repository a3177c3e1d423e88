import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { changeOwnPassword, SAME_AS_CURRENT_PASSWORD, WRONG_CURRENT_PASSWORD } from "@/lib/auth/change-password";
import { ChangePasswordInput } from "@/lib/auth/schemas";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { findLiveSession } from "@/lib/auth/sessions";
import { AccountLockedError } from "@/lib/auth/lockout";
import { generateTemporaryPassword, hashTemporaryPassword } from "@/lib/auth/temporary-password";
import { ValidationError } from "@/lib/errors";
import { callerFor, createPartner, createPartnerUser, TEST_PASSWORD } from "../support/factories";
import { fieldErrorsOf } from "../support/refusals";
import { createCustomer, createCustomerUser } from "../support/customer-factories";
import { createStaffUser } from "../support/staff-factories";

const meta = { ip: "192.0.2.44", userAgent: "vitest" };
const NEW_PASSWORD = "orchard ladder in autumn";

/** A signed-in partner user: the caller of their own session, as the action gets it from requireCaller. */
async function signedInPartnerUser() {
  const { partner } = await createPartner();
  const user = await createPartnerUser(partner.id);
  const session = await signInWithPassword(user.email, TEST_PASSWORD, meta);
  return { user, caller: { ...callerFor(user), sessionId: session!.sessionId } };
}

describe("changing your own password", () => {
  it("asks for the current password: missing or wrong, it is refused next to that field and nothing changes", async () => {
    const { user, caller } = await signedInPartnerUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });

    const missing = ChangePasswordInput.safeParse({ password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((issue) => issue.path[0])).toEqual(["currentPassword"]);
    expect(await fieldErrorsOf(changeOwnPassword(caller, { currentPassword: "", password: NEW_PASSWORD }))).toEqual({
      currentPassword: [WRONG_CURRENT_PASSWORD],
    });
    expect(await fieldErrorsOf(changeOwnPassword(caller, { currentPassword: "not my password", password: NEW_PASSWORD }))).toEqual({
      currentPassword: [WRONG_CURRENT_PASSWORD],
    });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    expect(await signInWithPassword(user.email, NEW_PASSWORD, meta)).toBeNull();
    expect(await signInWithPassword(user.email, TEST_PASSWORD, meta)).not.toBeNull();
  });

  it("counts wrong current passwords towards the lockout, so a stolen session can't guess it", async () => {
    const { user, caller } = await signedInPartnerUser();
    for (let i = 0; i < 4; i++) {
      await expect(changeOwnPassword(caller, { currentPassword: `guess ${i}`, password: NEW_PASSWORD })).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(changeOwnPassword(caller, { currentPassword: "guess 5", password: NEW_PASSWORD })).rejects.toBeInstanceOf(AccountLockedError);
    // Locked: even the right current password waits; the owner was told.
    await expect(changeOwnPassword(caller, { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD })).rejects.toBeInstanceOf(AccountLockedError);
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "account-locked" } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toMatch(/^\$argon2id\$/);
    expect(await signInWithPassword(user.email, NEW_PASSWORD, meta).catch(() => null)).toBeNull();
  });

  it("refuses the current password as the new one, and weak ones", async () => {
    const { caller } = await signedInPartnerUser();
    expect(await fieldErrorsOf(changeOwnPassword(caller, { currentPassword: TEST_PASSWORD, password: TEST_PASSWORD }))).toEqual({
      password: [SAME_AS_CURRENT_PASSWORD],
    });
    expect((await fieldErrorsOf(changeOwnPassword(caller, { currentPassword: TEST_PASSWORD, password: "short" }))).password).toHaveLength(1);
  });

  it("sets the new password with the right current one, ends other sessions and keeps this one", async () => {
    const { user, caller } = await signedInPartnerUser();
    const other = await signInWithPassword(user.email, TEST_PASSWORD, meta);
    await db.user.update({ where: { id: user.id }, data: { failedSignIns: 3 } });
    await changeOwnPassword(caller, { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD });

    expect(await findLiveSession(caller.sessionId)).not.toBeNull();
    expect(await findLiveSession(other!.sessionId)).toBeNull();
    expect(await signInWithPassword(user.email, TEST_PASSWORD, meta)).toBeNull();
    expect(await signInWithPassword(user.email, NEW_PASSWORD, meta)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.password_changed", targetId: user.id } })).toBe(1);
  });

  it("makes a customer user type the temporary password again before choosing their own", async () => {
    const { partner } = await createPartner();
    const customer = await createCustomer(partner.id);
    const created = await createCustomerUser(customer);
    const temporary = generateTemporaryPassword();
    const user = await db.user.update({
      where: { id: created.id },
      data: { passwordHash: hashTemporaryPassword(temporary), mustChangePassword: true },
    });
    const session = await signInWithPassword(user.username!, temporary, meta);
    const caller = { ...callerFor(user), kind: "CUSTOMER" as const, mustChangePassword: true, sessionId: session!.sessionId };

    expect(await fieldErrorsOf(changeOwnPassword(caller, { currentPassword: "", password: NEW_PASSWORD }))).toHaveProperty("currentPassword");
    expect(await fieldErrorsOf(changeOwnPassword(caller, { currentPassword: generateTemporaryPassword(), password: NEW_PASSWORD }))).toHaveProperty(
      "currentPassword",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(true);

    await changeOwnPassword(caller, { currentPassword: temporary, password: NEW_PASSWORD });
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved).toMatchObject({ mustChangePassword: false, failedSignIns: 0 });
    expect(saved.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await signInWithPassword(user.username!, temporary, meta)).toBeNull();
    expect(await signInWithPassword(user.username!, NEW_PASSWORD, meta)).not.toBeNull();
  });

  it("works for vendor staff too", async () => {
    const { user, caller } = await createStaffUser("support");
    const session = await signInWithPassword(user.email, TEST_PASSWORD, meta);
    await expect(
      changeOwnPassword({ ...caller, sessionId: session!.sessionId }, { currentPassword: "wrong one", password: NEW_PASSWORD }),
    ).rejects.toBeInstanceOf(ValidationError);
    await changeOwnPassword({ ...caller, sessionId: session!.sessionId }, { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD });
    expect(await signInWithPassword(user.email, NEW_PASSWORD, meta)).not.toBeNull();
  });
});
