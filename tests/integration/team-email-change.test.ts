import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { confirmEmailChange, describeEmailChangeLink, EMAIL_CHANGE_LINK_NO_LONGER_VALID, requestEmailChange } from "@/lib/auth/email-change";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { findLiveSession } from "@/lib/auth/sessions";
import { EMAIL_IN_OTHER_ORGANIZATION } from "@/lib/accounts/email-rule";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createPartner, createPartnerUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { latestLinkToken } from "../support/outbox";
import { TEST_META } from "../support/request";

describe("changing the login email", () => {
  it("changes only on confirmation from the new address, tells the old one, and ends sessions", async () => {
    const { partner, caller } = await createPartner();
    const user = await createPartnerUser(partner.id, { role: "sales" });
    const newEmail = uniqueEmail("Moved");
    const session = await signInWithPassword(user.email, TEST_PASSWORD, TEST_META);

    await requestEmailChange(caller, user.id, newEmail);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    // The audit log reads "email: old → new", in the one shape every event uses.
    const requested = await db.auditEvent.findFirstOrThrow({ where: { action: "user.email_change_requested", targetId: user.id } });
    expect(requested.changes).toEqual({ email: { from: user.email, to: newEmail } });
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "email-change-notice" } })).toBe(1);
    const token = await latestLinkToken(newEmail, "email-change-confirm");
    expect(await describeEmailChangeLink(token)).toMatchObject({ oldEmail: user.email, newEmail });

    await confirmEmailChange(token, TEST_META);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email: newEmail, emailNormalized: newEmail.toLowerCase() });
    expect(await findLiveSession(session!.sessionId)).toBeNull();
    expect(await signInWithPassword(newEmail, TEST_PASSWORD, TEST_META)).not.toBeNull();
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "email-change-notice" } })).toBe(2);
    // Used once.
    expect(await describeEmailChangeLink(token)).toBeNull();
    await expect(confirmEmailChange(token, TEST_META)).rejects.toThrow(EMAIL_CHANGE_LINK_NO_LONGER_VALID);
  });

  it("checks the email rule when asked and again on confirmation", async () => {
    const { partner, caller } = await createPartner();
    const other = await createPartner();
    const user = await createPartnerUser(partner.id, { role: "sales" });
    const asked = await requestEmailChange(caller, user.id, other.admin.email).catch((e: unknown) => e);
    expect(asked).toBeInstanceOf(ValidationError);
    expect((asked as ValidationError).fieldErrors.newEmail).toEqual([EMAIL_IN_OTHER_ORGANIZATION]);

    const newEmail = uniqueEmail("race");
    await requestEmailChange(caller, user.id, newEmail);
    const token = await latestLinkToken(newEmail, "email-change-confirm");
    await createPartnerUser(other.partner.id, { email: newEmail }); // someone takes it meanwhile
    const error = await confirmEmailChange(token, TEST_META).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe(EMAIL_IN_OTHER_ORGANIZATION);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("answers not found for another partner's user", async () => {
    const a = await createPartner();
    const b = await createPartner();
    await expect(requestEmailChange(b.caller, a.admin.id, uniqueEmail())).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.userToken.count({ where: { userId: a.admin.id, purpose: "EMAIL_CHANGE" } })).toBe(0);
  });
});
